package io.c8kit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link JsonTrees} reads and writes the same nodes and bytes as the protocol mapper. */
class JsonTreesTest {
  private static final String[] DOCUMENTS = {
    "{}",
    "[]",
    "null",
    "true",
    "\"text \\u00e4 \\\" \\n\"",
    "0",
    "-0",
    "2147483647",
    "2147483648",
    "-9223372036854775808",
    "9223372036854775808",
    "123456789012345678901234567890",
    "1.50",
    "100.0",
    "1e5",
    "1E+2",
    "-0.0",
    "0.1",
    "1.7976931348623157E309",
    "{\"a\":1,\"b\":[1,2.0,{\"c\":null}],\"a\":2,\"d\":{\"e\":{\"f\":[[],[{}]]}},\"g\":false}",
    "[1,\"x\",null,true,[2,[3,[4]]],{\"k\":\"v\"}]",
    "{\"\":\"\",\"\\u0000\":\"\\u001f\"}",
  };

  private static JsonNode viaMapper(String json) throws Exception {
    try (JsonParser p = Protocol.mapper().getFactory().createParser(json)) {
      return Protocol.mapper().readTree(p);
    }
  }

  private static JsonNode viaTrees(String json) throws Exception {
    try (JsonParser p = Protocol.factory().createParser(json)) {
      return JsonTrees.read(p);
    }
  }

  /** Same structure, same node classes, same values (BigDecimal scale included). */
  private static void assertSameNodes(JsonNode expected, JsonNode actual, String where) {
    assertEquals(expected.getClass(), actual.getClass(), where);
    assertEquals(expected, actual, where);
    if (expected.isBigDecimal()) {
      assertEquals(expected.decimalValue().scale(), actual.decimalValue().scale(), where);
    }
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
      Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
      while (e.hasNext()) {
        Map.Entry<String, JsonNode> ef = e.next();
        Map.Entry<String, JsonNode> af = a.next();
        assertEquals(ef.getKey(), af.getKey(), where + ": field order");
        assertSameNodes(ef.getValue(), af.getValue(), where + "." + ef.getKey());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameNodes(expected.get(i), actual.get(i), where + "[" + i + "]");
      }
    }
  }

  private static String written(JsonNode node) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Protocol.factory().createGenerator(out)) {
      JsonTrees.write(g, node);
    }
    return out.toString();
  }

  @Test
  void readsTheSameNodesAsTheMapper() throws Exception {
    for (String doc : DOCUMENTS) {
      assertSameNodes(viaMapper(doc), viaTrees(doc), doc);
    }
  }

  @Test
  void writesTheSameBytesAsTheMapper() throws Exception {
    for (String doc : DOCUMENTS) {
      JsonNode node = viaMapper(doc);
      assertEquals(Protocol.mapper().writeValueAsString(node), written(node), doc);
    }
    ObjectNode built = JsonNodeFactory.instance.objectNode();
    built.put("f", 1.25f).put("d", 1e-7).put("s", (short) 3).put("bd", new BigDecimal("1E+3"));
    built.put("bytes", new byte[] {1, 2, 3});
    built.putPOJO("pojo", java.util.List.of(1, "two"));
    assertEquals(Protocol.mapper().writeValueAsString(built), written(built));
  }

  @Test
  void leavesTheParserAsTheMapperDoes() throws Exception {
    String two = "{\"a\":1} [2]";
    try (JsonParser mine = Protocol.factory().createParser(two);
        JsonParser theirs = Protocol.mapper().getFactory().createParser(two)) {
      assertEquals(Protocol.mapper().readTree(theirs), JsonTrees.read(mine));
      assertEquals(theirs.currentToken(), mine.currentToken());
      assertEquals(JsonToken.START_ARRAY, mine.nextToken());
      assertEquals("[2]", JsonTrees.read(mine).toString());
      assertNull(JsonTrees.read(mine), "end of input");
    }
    try (JsonParser empty = Protocol.factory().createParser("  ")) {
      assertNull(JsonTrees.read(empty));
    }
  }

  @Test
  void readsNestingAsDeepAsTheParserAllows() throws Exception {
    int depth = 5_000;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    JsonNode node = viaTrees(deep);
    for (int i = 1; i < depth; i++) {
      node = node.get(0);
    }
    assertTrue(node.isArray() && node.isEmpty());
  }

  @Test
  void malformedJsonFailsLikeTheMapper() {
    JsonProcessingException e =
        assertThrows(JsonProcessingException.class, () -> viaTrees("{\"a\": tru}"));
    assertTrue(e.getOriginalMessage().startsWith("Unrecognized token"), e.getMessage());
    assertThrows(JsonProcessingException.class, () -> viaTrees("[1,"));
  }

  @Test
  void generatorsOfTheFactoryWriteTreesWithoutTheMapper() throws Exception {
    StringWriter out = new StringWriter();
    JsonNode node = viaMapper("{\"x\":[1.50,{\"y\":null}]}");
    try (JsonGenerator g = Protocol.factory().createGenerator(out)) {
      g.writeTree(node);
    }
    assertEquals("{\"x\":[1.50,{\"y\":null}]}", out.toString());
    try (JsonParser p = Protocol.factory().createParser("{\"x\":1.50}")) {
      assertEquals("{\"x\":1.50}", p.readValueAsTree().toString());
    }
  }
}
