package io.c8kit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigException;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {
  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "kafka-test",
          "1.2.3",
          "Test",
          "",
          "",
          "",
          ConnectorKind.SOURCE,
          "/META-INF/c8kit/kafka-test/spec.json",
          "");

  /**
   * Echoes the prepared config; fails for host "boom", quoting the password as a careless binder
   * might.
   */
  static final io.c8kit.runtime.ConfigBinder<JsonNode> BINDER =
      config -> {
        if ("boom".equals(config.path("host").asText())) {
          throw new IllegalArgumentException(
              "cannot bind host with password " + config.path("password").asText());
        }
        return config;
      };

  private static ConnectorConfig<JsonNode> config() {
    ConfigDef target =
        new ConfigDef()
            .define(
                "topic.prefix", ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM, "prefix");
    return new ConnectorConfig<>(ConnectorConfigTest.class, INFO, BINDER, target);
  }

  @Test
  void mapsTypesDefaultsSecretsAndNestedNames() {
    ConfigDef def = config().configDef();
    Map<String, ConfigDef.ConfigKey> keys = def.configKeys();
    assertEquals(
        List.of(
            "host",
            "port",
            "password",
            "schemas",
            "ssl_mode.mode",
            "ssl_mode.ca_certificate",
            "tunnel.enabled",
            "tunnel.ratio",
            "labels",
            "ids",
            "topic.prefix"),
        List.copyOf(keys.keySet()));
    assertEquals(ConfigDef.Type.STRING, keys.get("host").type);
    assertEquals(ConfigDef.Importance.HIGH, keys.get("host").importance);
    assertEquals(ConfigDef.Type.LONG, keys.get("port").type);
    assertEquals(5432L, keys.get("port").defaultValue);
    assertEquals(ConfigDef.Type.PASSWORD, keys.get("password").type);
    assertEquals(ConfigDef.Type.LIST, keys.get("schemas").type);
    assertEquals(List.of("public"), keys.get("schemas").defaultValue);
    assertEquals(ConfigDef.Type.PASSWORD, keys.get("ssl_mode.ca_certificate").type);
    assertTrue(
        keys.get("ssl_mode.mode").documentation.contains("one of disable, verify-ca"),
        keys.get("ssl_mode.mode").documentation);
    assertEquals(ConfigDef.Type.BOOLEAN, keys.get("tunnel.enabled").type);
    assertEquals(ConfigDef.Type.DOUBLE, keys.get("tunnel.ratio").type);
    assertEquals(ConfigDef.Type.STRING, keys.get("labels").type);
    assertTrue(keys.get("labels").documentation.endsWith("A JSON value."));
    assertEquals("Connector", keys.get("host").group);
    assertEquals("SSL Mode", keys.get("ssl_mode.ca_certificate").group);
    assertEquals(2, keys.get("ssl_mode.ca_certificate").orderInGroup);
    assertEquals("Port", keys.get("port").displayName);
  }

  @Test
  void convertsPropertiesToTheJsonConfig() {
    Map<String, String> props =
        Map.of(
            "host",
            "db",
            "port",
            "6543",
            "schemas",
            "a, b",
            "ssl_mode.mode",
            "verify-ca",
            "ssl_mode.ca_certificate",
            "PEM",
            "tunnel.enabled",
            "TRUE",
            "labels",
            "{\"x\":[1]}",
            "topic.prefix",
            "ignored.",
            "tunnel.ratio",
            "");
    SpecConfig.Converted c = config().spec().toJson(props);
    assertEquals(
        "{\"host\":\"db\",\"port\":6543,\"schemas\":[\"a\",\"b\"],\"ssl_mode\":{\"mode\":\"verify-ca\","
            + "\"ca_certificate\":\"PEM\"},\"tunnel\":{\"enabled\":true},\"labels\":{\"x\":[1]}}",
        c.config().toString());
    assertTrue(c.keyErrors().isEmpty());
  }

  @Test
  void validReportsNoErrors() {
    Config result = config().validate(Map.of("host", "db", "password", "pw"));
    assertEquals(Map.of(), errors(result));
  }

  @Test
  void reportsEachProblemOnItsField() {
    Map<String, String> props = new HashMap<>();
    props.put("port", "not-a-port");
    props.put("ssl_mode.mode", "verify-ca");
    props.put("labels", "{oops");
    props.put("tunnel.ratio", "x");
    Map<String, List<String>> errors = errors(config().validate(props));
    // a malformed JSON value is reported alone: the JSON config cannot be built without it
    assertEquals(List.of("labels"), List.copyOf(errors.keySet()), errors.toString());
    assertTrue(errors.get("labels").get(0).contains("not valid JSON"));

    props.remove("labels");
    errors = errors(config().validate(props));
    assertEquals(
        List.of("host", "port", "ssl_mode.ca_certificate", "tunnel.ratio"),
        errors.keySet().stream().sorted().toList(),
        errors.toString());
    assertTrue(errors.get("host").get(0).contains("is required"), errors.toString());
    assertTrue(errors.get("port").get(0).contains("integer"), errors.toString());
    assertTrue(
        errors.get("ssl_mode.ca_certificate").get(0).contains("is required"), errors.toString());
  }

  @Test
  void listValuesAreListsAndTheirProblemsNameTheField() {
    ConnectorConfig<JsonNode> config = config();
    Config result = config.validate(Map.of("host", "db", "schemas", "a, b", "ids", "1,0"));
    Map<String, List<String>> errors = errors(result);
    assertEquals(List.of("ids"), List.copyOf(errors.keySet()), errors.toString());
    assertTrue(errors.get("ids").get(0).contains("$.ids[1]"), errors.toString());
    ConfigValue schemas =
        result.configValues().stream()
            .filter(v -> v.name().equals("schemas"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("a", "b"), schemas.value());
    // The worker's REST layer renders every value by its key's type; a LIST key's value must be a
    // List.
    Map<String, ConfigDef.ConfigKey> keys = config.configDef().configKeys();
    for (ConfigValue v : result.configValues()) {
      ConfigDef.convertToString(v.value(), keys.get(v.name()).type);
    }
    assertEquals("a,b", ConfigDef.convertToString(schemas.value(), ConfigDef.Type.LIST));
  }

  @Test
  void binderFailuresAreMaskedAndReportedOnAField() {
    Config result = config().validate(Map.of("host", "boom", "password", "s3cr3t-value"));
    Map<String, List<String>> errors = errors(result);
    assertEquals(List.of("host"), List.copyOf(errors.keySet()), errors.toString());
    String message = errors.get("host").get(0);
    assertTrue(message.contains("****"), message);
    assertFalse(result.toString().contains("s3cr3t-value"));
    ConfigValue password =
        result.configValues().stream()
            .filter(v -> v.name().equals("password"))
            .findFirst()
            .orElseThrow();
    assertFalse(String.valueOf(password.value()).contains("s3cr3t-value"));
  }

  @Test
  void bindAppliesDefaultsAndRejectsInvalidConfigs() {
    SecretMasker masker = new SecretMasker();
    JsonNode bound = config().bind(Map.of("host", "db", "password", "topsecret"), masker);
    assertEquals(5432, bound.get("port").asInt());
    assertEquals("[\"public\"]", bound.get("schemas").toString());
    assertEquals("x ****", masker.mask("x topsecret"));
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> config().bind(Map.of("port", "1"), new SecretMasker()));
    assertTrue(e.getMessage().contains("$.host: is required"), e.getMessage());
  }

  @Test
  void specPropertiesMustNotTakeConnectNames() {
    ConfigDef clash =
        new ConfigDef().define("host", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW, "x");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new ConnectorConfig<>(ConnectorConfigTest.class, INFO, BINDER, clash));
    assertTrue(e.getMessage().contains("'host'"));
  }

  @Test
  void problemPathsMapToTheLongestKey() {
    SpecConfig spec = config().spec();
    assertEquals("ssl_mode.ca_certificate", spec.keyOf("$.ssl_mode.ca_certificate: is required"));
    assertEquals("schemas", spec.keyOf("$.schemas[0]: integer found, string expected"));
    assertEquals(
        "ssl_mode.mode", spec.keyOf("$.ssl_mode: must be valid to one and only one schema"));
    assertEquals("labels", spec.keyOf("$.labels.x: bad"));
    assertEquals("host", spec.keyOf("$: something"));
    assertNull(
        SpecConfig.of(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode())
            .keyOf("$"));
  }

  private static Map<String, List<String>> errors(Config config) {
    return config.configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }
}
