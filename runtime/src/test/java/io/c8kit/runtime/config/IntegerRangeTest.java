package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.ConfigValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Integer config values never wrap or truncate: the validator rejects a value outside the range the
 * spec carries (the processor writes each Java integer type's range), with the JSON path, and the
 * binder rejects it again by the Java type, for every integer type, boxed or not, named or as an
 * element.
 */
class IntegerRangeTest {
  static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"count\":{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647},"
          + "\"big\":{\"type\":\"integer\",\"minimum\":-9223372036854775808,\"maximum\":9223372036854775807},"
          + "\"small\":{\"type\":\"integer\",\"minimum\":-32768,\"maximum\":32767},"
          + "\"tiny\":{\"type\":\"integer\",\"minimum\":-128,\"maximum\":127},"
          + "\"nested\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":-2147483648,"
          + "\"maximum\":2147483647}}},"
          + "\"list\":{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":-128,\"maximum\":127}},"
          + "\"auth\":{\"type\":\"object\",\"oneOf\":[{\"type\":\"object\",\"properties\":{"
          + "\"method\":{\"const\":\"a\"},\"retries\":{\"type\":\"integer\",\"minimum\":-32768,\"maximum\":32767}}},"
          + "{\"type\":\"object\",\"properties\":{\"method\":{\"const\":\"b\"},\"big\":{\"type\":\"integer\","
          + "\"minimum\":-9223372036854775808,\"maximum\":9223372036854775807}}}]}}}";

  private static JsonNode json(String s) throws Exception {
    return Protocol.mapper().readTree(s);
  }

  private static List<String> problems(String config) throws Exception {
    return new ConfigValidator(json(SCHEMA)).validate(json(config));
  }

  @Test
  void validatorRejectsEveryValueOutsideTheJavaRangeWithItsPath() throws Exception {
    String[][] cases = {
      {"{\"count\":4294967301}", "$.count"},
      {"{\"count\":2147483648}", "$.count"},
      {"{\"count\":-2147483649}", "$.count"},
      {"{\"count\":1e30}", "$.count"},
      {"{\"count\":-1e30}", "$.count"},
      {"{\"count\":1.5}", "$.count"},
      {"{\"count\":\"5\"}", "$.count"},
      {"{\"big\":9223372036854775808}", "$.big"},
      {"{\"big\":-9223372036854775809}", "$.big"},
      {"{\"big\":1e19}", "$.big"},
      {"{\"big\":123456789012345678901234567890}", "$.big"},
      {"{\"small\":32768}", "$.small"},
      {"{\"small\":-32769}", "$.small"},
      {"{\"tiny\":128}", "$.tiny"},
      {"{\"tiny\":-129}", "$.tiny"},
      {"{\"tiny\":255}", "$.tiny"},
      {"{\"nested\":{\"n\":4294967301}}", "$.nested.n"},
      {"{\"list\":[1,2,300]}", "$.list[2]"},
      {"{\"list\":[1,1e19]}", "$.list[1]"},
      {"{\"big\":-1e19}", "$.big"},
      {"{\"big\":1.5e19}", "$.big"},
      {"{\"auth\":{\"method\":\"a\",\"retries\":40000}}", "$.auth.retries"},
      {"{\"auth\":{\"method\":\"b\",\"big\":1e19}}", "$.auth.big"},
    };
    for (String[] c : cases) {
      List<String> problems = problems(c[0]);
      assertEquals(1, problems.size(), () -> c[0] + " -> " + problems);
      assertTrue(problems.get(0).startsWith(c[1] + ":"), () -> c[0] + " -> " + problems);
    }
    for (String ok :
        List.of(
            "{\"count\":2147483647,\"big\":9223372036854775807,\"small\":-32768,"
                + "\"tiny\":127,\"nested\":{\"n\":-2147483648},\"list\":[-128,0,127]}",
            "{\"count\":5.0}",
            "{\"big\":-9223372036854775808}")) {
      assertEquals(List.of(), problems(ok), ok);
    }
  }

  @Test
  void binderChecksTheJavaRangeOfNamedProperties() throws Exception {
    JsonNode config =
        json(
            "{\"i\":4294967301,\"l\":9223372036854775808,\"s\":32768,\"b\":128,"
                + "\"frac\":1.5,\"exp\":1e30,\"huge\":1e999999999,\"text\":\"70000\",\"word\":\"five\","
                + "\"ok\":-128,\"whole\":7.0}");
    assertProblem(
        () -> ConfigValues.intValue(config, "i"), "i: 4294967301 is out of range for int");
    assertProblem(
        () -> ConfigValues.boxedInt(config, "i"), "i: 4294967301 is out of range for int");
    assertProblem(
        () -> ConfigValues.longValue(config, "l"),
        "l: 9223372036854775808 is out of range for long");
    assertProblem(() -> ConfigValues.boxedLong(config, "l"), "out of range for long");
    assertProblem(() -> ConfigValues.shortValue(config, "s"), "s: 32768 is out of range for short");
    assertProblem(() -> ConfigValues.boxedShort(config, "s"), "out of range for short");
    assertProblem(() -> ConfigValues.byteValue(config, "b"), "b: 128 is out of range for byte");
    assertProblem(() -> ConfigValues.boxedByte(config, "b"), "out of range for byte");
    assertProblem(
        () -> ConfigValues.intValue(config, "frac"), "frac: 1.5 is not a whole number for int");
    assertProblem(() -> ConfigValues.longValue(config, "frac"), "is not a whole number for long");
    assertProblem(() -> ConfigValues.longValue(config, "exp"), "is out of range for long");
    assertProblem(() -> ConfigValues.intValue(config, "huge"), "is out of range for int");
    assertProblem(() -> ConfigValues.shortValue(config, "text"), "text: \"70000\" is out of range");
    assertProblem(() -> ConfigValues.intValue(config, "word"), "word: \"five\" is not a number");
    assertEquals((byte) -128, ConfigValues.byteValue(config, "ok"));
    assertEquals(7, ConfigValues.intValue(config, "whole"));
    assertEquals(0, ConfigValues.intValue(config, "absent"));
    assertEquals(null, ConfigValues.boxedByte(config, "absent"));
  }

  @Test
  void elementsOfListsAndOptionalsAreCheckedToo() throws Exception {
    JsonNode config = json("{\"list\":[1,4294967301],\"opt\":300,\"longs\":[1,2.5]}");
    assertProblem(
        () -> ConfigValues.list(config, "list", ConfigValues::asInt),
        "4294967301 is out of range for int");
    assertProblem(
        () -> ConfigValues.optional(config, "opt", ConfigValues::asByte),
        "300 is out of range for byte");
    assertProblem(() -> ConfigValues.nullable(config, "opt", ConfigValues::asShort), null);
    assertProblem(
        () -> ConfigValues.list(config, "longs", ConfigValues::asLong),
        "2.5 is not a whole number");
    assertEquals(
        List.of(1, 4), ConfigValues.list(json("{\"l\":[1,\"4\"]}"), "l", ConfigValues::asInt));
    assertEquals(Long.MIN_VALUE, ConfigValues.asLong(json("-9223372036854775808")));
    assertEquals(Long.MAX_VALUE, ConfigValues.asLong(json("9.223372036854775807E18")));
  }

  @Test
  void c8StringsWithHugeExponentsAreNotExpanded() throws Exception {
    JsonNode config =
        json("{\"count\":\"1e999999999\",\"big\":\"-1e999999999\",\"small\":\"1e-999999999\"}");
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(5), () -> ConfigWalker.coerceStrings(json(SCHEMA), config));
    List<String> problems = new ConfigValidator(json(SCHEMA)).validate(config);
    assertEquals(3, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("$.big:"), problems::toString);
    assertTrue(problems.get(1).startsWith("$.count:"), problems::toString);
    assertTrue(problems.get(2).startsWith("$.small:"), problems::toString);
  }

  private static void assertProblem(Runnable bind, String expected) {
    if (expected == null) {
      bind.run(); // in range
      return;
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bind::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
