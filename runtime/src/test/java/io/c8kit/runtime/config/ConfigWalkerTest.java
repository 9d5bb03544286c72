package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigWalkerTest {
  static final String SCHEMA =
      "{\"type\":\"object\",\"required\":[\"host\"],\"properties\":{"
          + "\"host\":{\"type\":\"string\"},"
          + "\"port\":{\"type\":\"integer\",\"default\":5432},"
          + "\"ssl\":{\"type\":\"boolean\",\"default\":false},"
          + "\"ratio\":{\"type\":[\"number\",\"null\"]},"
          + "\"key\":{\"type\":\"string\",\"airbyte_secret\":true},"
          + "\"pin\":{\"type\":\"integer\",\"airbyte_secret\":true},"
          + "\"nested\":{\"type\":\"object\",\"default\":{},\"properties\":{"
          + "  \"depth\":{\"type\":\"integer\",\"default\":3},"
          + "  \"inner\":{\"type\":\"object\",\"properties\":{\"flag\":{\"type\":\"boolean\",\"default\":true}}}}},"
          + "\"auth\":{\"type\":\"object\",\"oneOf\":["
          + "  {\"type\":\"object\",\"properties\":{\"method\":{\"const\":\"key\"},"
          + "     \"api_key\":{\"type\":\"string\",\"airbyte_secret\":true},"
          + "     \"header\":{\"type\":\"string\",\"default\":\"X-Key\"}}},"
          + "  {\"type\":\"object\",\"properties\":{\"method\":{\"const\":\"basic\"},"
          + "     \"password\":{\"type\":\"string\",\"airbyte_secret\":true},"
          + "     \"realm\":{\"type\":\"string\",\"default\":\"main\"}}}]},"
          + "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
          + "  \"token\":{\"type\":\"string\",\"airbyte_secret\":true},"
          + "  \"weight\":{\"type\":\"integer\",\"default\":1}}}},"
          + "\"certs\":{\"type\":\"array\",\"airbyte_secret\":true,\"items\":{\"type\":\"string\"}}}}";

  private static JsonNode json(String s) throws Exception {
    return Protocol.mapper().readTree(s);
  }

  @Test
  void defaultsApplyRecursivelyAndInsideTheSelectedOneOfOption() throws Exception {
    ObjectNode config =
        (ObjectNode)
            json(
                "{\"host\":\"h\",\"ssl\":null,\"nested\":{\"inner\":{}},"
                    + "\"auth\":{\"method\":\"basic\"},\"items\":[{\"token\":\"t\"},{\"weight\":5}]}");
    ConfigWalker.applyDefaults(json(SCHEMA), config);
    assertEquals(
        json(
            "{\"host\":\"h\",\"ssl\":null,\"nested\":{\"inner\":{\"flag\":true},"
                + "\"depth\":3},\"auth\":{\"method\":\"basic\",\"realm\":\"main\"},"
                + "\"items\":[{\"token\":\"t\",\"weight\":1},{\"weight\":5}],\"port\":5432}"),
        config);
  }

  @Test
  void missingObjectWithDefaultGetsItsInnerDefaults() throws Exception {
    ObjectNode config = (ObjectNode) json("{\"host\":\"h\",\"auth\":{\"method\":\"other\"}}");
    ConfigWalker.applyDefaults(json(SCHEMA), config);
    assertEquals(json("{\"depth\":3}"), config.get("nested"));
    assertEquals(json("{\"method\":\"other\"}"), config.get("auth"), "no option selected");
    assertEquals(false, config.get("ssl").booleanValue());
  }

  @Test
  void secretsAreRegisteredEverywhere() throws Exception {
    JsonNode config =
        json(
            "{\"host\":\"h\",\"key\":\"k-top-1\",\"pin\":987654,"
                + "\"auth\":{\"method\":\"key\",\"api_key\":\"k-auth-2\",\"password\":\"k-other-3\"},"
                + "\"items\":[{\"token\":\"k-item-4\"},{\"token\":\"k-item-5\"}],"
                + "\"certs\":[\"k-cert-6\"]}");
    SecretMasker masker = new SecretMasker();
    ConfigWalker.registerSecrets(json(SCHEMA), config, masker);
    assertEquals(
        "h **** **** **** **** **** **** ****",
        masker.mask("h k-top-1 987654 k-auth-2 k-other-3 k-item-4 k-item-5 k-cert-6"));
  }

  @Test
  void c8StringsAreCoercedToTheSchemaTypes() throws Exception {
    ObjectNode config =
        (ObjectNode)
            json(
                "{\"host\":\"h\",\"port\":\"5433\",\"ssl\":\"TRUE\","
                    + "\"ratio\":\"0.25\",\"pin\":\"\",\"nested\":{\"depth\":\"7\"},"
                    + "\"items\":[{\"weight\":\"2\"}],\"auth\":{\"method\":\"key\"}}");
    ConfigWalker.coerceStrings(json(SCHEMA), config);
    assertEquals(
        json(
            "{\"host\":\"h\",\"port\":5433,\"ssl\":true,\"ratio\":0.25,"
                + "\"nested\":{\"depth\":7},\"items\":[{\"weight\":2}],\"auth\":{\"method\":\"key\"}}"),
        config);
    ObjectNode bad = (ObjectNode) json("{\"port\":\"54x\"}");
    ConfigWalker.coerceStrings(json(SCHEMA), bad);
    assertEquals("54x", bad.get("port").asText(), "left for the validator");
  }

  @Test
  void preparerValidatesThenAppliesDefaultsAndMasksMessages() throws Exception {
    ConnectorSpec spec = specOf(SCHEMA);
    SecretMasker masker = new SecretMasker();
    ObjectNode prepared =
        ConfigPreparer.prepare(
            spec, (ObjectNode) json("{\"host\":\"h\",\"key\":\"sekret-1\"}"), masker);
    assertEquals(5432, prepared.get("port").intValue());
    assertEquals("****", masker.mask("sekret-1"));

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigPreparer.prepare(
                    spec,
                    (ObjectNode)
                        json("{\"key\":\"sekret-2\",\"port\":\"x\",\"ratio\":\"sekret-2\"}"),
                    new SecretMasker()));
    assertEquals(
        "Config is invalid: $.host: is required; $.port: string found, integer expected; "
            + "$.ratio: string found, [number, null] expected",
        e.getMessage());
  }

  @Test
  void oneOfProblemsComeFromTheSelectedOptionOnly() throws Exception {
    ConfigValidator v = specOf(SCHEMA).validator();
    assertEquals(
        List.of("$.auth.password: integer found, string expected"),
        v.validate(json("{\"host\":\"h\",\"auth\":{\"method\":\"basic\",\"password\":5}}")));
    assertEquals(
        List.of("$.auth.api_key: array found, string expected"),
        v.validate(json("{\"host\":\"h\",\"auth\":{\"method\":\"key\",\"api_key\":[1]}}")));
    // no option selected: every option's discriminator is listed
    assertEquals(
        List.of(
            "$.auth: must be valid to one and only one schema, but 0 are valid",
            "$.auth.method: must be the constant value 'basic'",
            "$.auth.method: must be the constant value 'key'"),
        v.validate(json("{\"host\":\"h\",\"auth\":{\"method\":\"nope\"}}")));
  }

  @Test
  void atMostTenProblemsAreListed() {
    List<String> problems = java.util.stream.IntStream.range(0, 13).mapToObj(i -> "p" + i).toList();
    String m = ConfigPreparer.describe(problems);
    assertTrue(m.endsWith("p9; and 3 more"), m);
  }

  @Test
  void binderFailuresAreConfigErrors() throws Exception {
    SecretMasker masker = new SecretMasker();
    masker.register("xyz-secret");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigPreparer.bind(
                    c -> {
                      throw new IllegalArgumentException("bad value xyz-secret");
                    },
                    (ObjectNode) json("{}"),
                    masker));
    assertEquals("Config is invalid: bad value ****", e.getMessage());
    assertNull(ConfigPreparer.bind(c -> null, (ObjectNode) json("{}"), masker));
  }

  static ConnectorSpec specOf(String schema) {
    return ConnectorSpec.parse(
        "test-spec",
        ("{\"connectionSpecification\":" + schema + "}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
