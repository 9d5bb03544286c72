package io.c8kit.c8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.C8Connector;
import io.c8kit.ConfigAttributeType;
import io.c8kit.ConfigProperty;
import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.SchemaAttribute;
import io.c8kit.SchemaAttributeType;
import io.c8kit.ValidationException;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.handwritten.HandwrittenDestination;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import io.c8kit.runtime.output.LogRouting;
import io.c8kit.runtime.output.MaskedThrowable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The C8Connector methods of hand-written connectors, through the adapters generated C8 connectors
 * extend.
 */
class C8MethodsTest {
  static final String SECRET = "c8-secret-9988";

  private final C8SourceAdapter<?> source = new C8SourceAdapter<>(new HandwrittenSource());
  private final C8DestinationAdapter<?> destination =
      new C8DestinationAdapter<>(new HandwrittenDestination());

  private static Map<String, Object> integration(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    m.put("host", "db");
    m.put("api_key", SECRET);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void metadata() {
    C8Connector c = source;
    assertEquals("handwritten-source", c.name());
    assertEquals("c8-source-handwritten-source", c.packageName());
    assertEquals("1.2.3", c.version());
    assertEquals("source", c.type());
    assertEquals("A source written without the processor.", c.description());
    assertEquals("", c.logo());
    assertEquals(List.of(), c.reservedKeys());
    assertEquals(
        List.of("about", "activate-version", "catalog", "discover", "properties", "state"),
        c.capabilities());
    assertEquals(3, c.config().size());

    C8Connector d = destination;
    assertEquals("target", d.type());
    assertEquals("c8-target-handwritten-destination", d.packageName());
    assertEquals(List.of("_key", "_id", "_rev"), d.reservedKeys());
    assertEquals(List.of("about", "activate-version"), d.capabilities());
  }

  @Test
  void validateAcceptsC8StringValues() throws Exception {
    source.validate(integration("port", "5433", "count", "2", "behavior", "ok"));
    source.validate(integration("port", 5433));
    source.validate(integration("port", ""));
  }

  @Test
  void validateRejectsAnInvalidConfigNamingTheField() {
    Map<String, Object> bad = integration("port", "not-a-port");
    bad.remove("host");
    ValidationException e = assertThrows(ValidationException.class, () -> source.validate(bad));
    assertTrue(e.getMessage().contains("$.host: is required"), e.getMessage());
    assertTrue(e.getMessage().contains("$.port: string found, integer expected"), e.getMessage());
  }

  @Test
  void validateRunsTheCheckAndMasksEverything() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> source.validate(integration("behavior", "fail")));
    assertEquals("Connection check failed: cannot reach db with key ****", e.getMessage());
    assertInstanceOf(MaskedThrowable.class, e.getCause());
    assertEquals(
        "java.lang.IllegalStateException: cannot reach db with key ****", e.getCause().toString());
    assertFalse(LogRouting.stackTrace(e).contains(SECRET));

    e =
        assertThrows(
            ValidationException.class,
            () -> source.validate(integration("behavior", "config_error")));
    assertEquals("Wrong API key **** for db", e.getMessage());
  }

  @Test
  void destinationValidate() throws Exception {
    destination.validate(Map.of("target", "t", "password", SECRET));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> destination.validate(Map.of("target", "bad-t", "password", SECRET)));
    assertEquals("no such target bad-t for ****", e.getMessage());
    assertEquals(List.of(), destination.samples(Map.of()));
    assertEquals(List.of(), destination.schemas(Map.of()));
  }

  @Test
  void schemasMapTypesAndRenameReservedKeys() throws Exception {
    List<Schema> schemas = source.schemas(integration());
    assertEquals(List.of("users", "orders", "events"), schemas.stream().map(Schema::name).toList());
    assertEquals(
        List.of(
            new SchemaAttribute("__id", SchemaAttributeType.STRING),
            new SchemaAttribute("active", SchemaAttributeType.BOOLEAN),
            new SchemaAttribute("id", SchemaAttributeType.LONG),
            new SchemaAttribute("meta", SchemaAttributeType.OBJECT),
            new SchemaAttribute("name", SchemaAttributeType.STRING),
            new SchemaAttribute("score", SchemaAttributeType.DOUBLE),
            new SchemaAttribute("updated_at", SchemaAttributeType.STRING)),
        schemas.get(0).attributes());
    // _key is the first primary-key column: kept; _rev → ___rev because __rev exists
    assertEquals(
        List.of("_key", "___rev", "__rev", "amount"),
        schemas.get(1).attributes().stream().map(SchemaAttribute::name).toList());
    assertEquals(SchemaAttributeType.DOUBLE, schemas.get(1).attributes().get(3).type());
    assertEquals(
        List.of("id", "___id", "__id"),
        schemas.get(2).attributes().stream().map(SchemaAttribute::name).toList());
  }

  @Test
  void samplesHoldTheFirstRecordsRenamedLikeTheSchema() throws Exception {
    List<Sample> samples = source.samples(integration("count", 25));
    assertEquals(3, samples.size());
    Sample users = samples.get(0);
    assertEquals(10, users.data().size());
    Map<String, Object> first = users.data().get(0);
    assertEquals(Set.of("id", "name", "__id", "score", "active", "updated_at"), first.keySet());
    assertEquals("m1", first.get("__id"));
    assertEquals("user1", first.get("name"));
    assertEquals(
        List.of("_key", "___rev", "__rev", "amount"),
        List.copyOf(samples.get(1).data().get(0).keySet()));
    assertEquals("r1", samples.get(1).data().get(0).get("___rev"));
    assertEquals("e2", samples.get(2).data().get(1).get("___id"));
    assertEquals("x2", samples.get(2).data().get(1).get("__id"));
    for (Sample s : samples) {
      List<String> attributes =
          s.schema().attributes().stream().map(SchemaAttribute::name).toList();
      for (Map<String, Object> record : s.data()) {
        assertTrue(attributes.containsAll(record.keySet()), s.schema().name() + " " + record);
      }
    }
  }

  @Test
  void samplesAndSchemasRejectAnInvalidConfig() {
    assertThrows(ValidationException.class, () -> source.samples(Map.of("host", "db")));
    assertThrows(ValidationException.class, () -> source.schemas(Map.of()));
  }

  @Test
  void renameRules() {
    assertEquals(
        Map.of("_id", "__id", "_rev", "__rev", "_key", "__key"),
        C8Methods.renames(List.of("_key", "_id", "_rev"), List.of()));
    assertEquals(
        Map.of("_id", "____id"),
        C8Methods.renames(List.of("_id", "__id", "___id"), List.of(List.of("_key"))));
    assertEquals(Map.of(), C8Methods.renames(List.of("_key", "x"), List.of(List.of("_key"))));
    assertEquals(
        Map.of("_key", "__key"),
        C8Methods.renames(List.of("_key", "x"), List.of(List.of("x"), List.of("_key"))));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("a", 1);
    record.put("_id", 0);
    record.put("b", 2);
    assertEquals(
        List.of("a", "__id", "b"),
        List.copyOf(C8Methods.rename(record, Map.of("_id", "__id")).keySet()));
  }

  @Test
  void c8TypesSerializeToSnakeCaseWithEnumValues() throws Exception {
    ConfigProperty p =
        new ConfigProperty(
            "port", "Port", ConfigAttributeType.INT, true, false, "The port", "5432", "5432");
    assertEquals(
        "{\"name\":\"port\",\"display_name\":\"Port\",\"type\":\"integer\","
            + "\"is_mandatory\":true,\"is_dynamic\":false,\"description\":\"The port\","
            + "\"default_value\":\"5432\",\"placeholder_value\":\"5432\"}",
        Protocol.mapper().writeValueAsString(p));
    Sample sample =
        new Sample(
            new Schema(
                "users",
                List.of(
                    new SchemaAttribute("id", SchemaAttributeType.LONG),
                    new SchemaAttribute("ok", SchemaAttributeType.BOOLEAN))),
            List.of(Map.of("id", 1)));
    assertEquals(
        "{\"schema\":{\"name\":\"users\",\"attributes\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"ok\",\"type\":\"bool\"}]},\"data\":[{\"id\":1}]}",
        Protocol.mapper().writeValueAsString(sample));
    assertEquals(
        "[\"string\",\"integer\",\"boolean\",\"date_iso8601\",\"email\",\"password\","
            + "\"oauth\",\"options\",\"file\",\"array\",\"object\",\"hidden\"]",
        Protocol.mapper().writeValueAsString(ConfigAttributeType.values()));
    assertEquals(
        "[\"bool\",\"int\",\"long\",\"float\",\"double\",\"string\",\"object\"]",
        Protocol.mapper().writeValueAsString(SchemaAttributeType.values()));
  }
}
