package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.C8Connector;
import io.c8kit.ConfigAttributeType;
import io.c8kit.ConfigProperty;
import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.SchemaAttribute;
import io.c8kit.SchemaAttributeType;
import io.c8kit.ValidationException;
import io.c8kit.examples.faker.FakerC8Connector;
import io.c8kit.examples.faker.FakerConnector;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code FakerC8Connector} (around {@code FakerConnector}) in this JVM through
 * Macrometa's C8 interface, as the C8 platform uses it: metadata, config properties, validation
 * (with C8's string coercion), samples and schemas (checked against the Airbyte discover of the
 * same connector), service loading; plus the reserved-key renaming on a real table through the
 * PostgreSQL source's fat jar, loaded in its own class loader.
 */
class C8ConnectorInProcessTest {
  private final C8Connector faker = new FakerC8Connector();

  @Test
  void metadataComesFromTheAnnotation() {
    assertEquals("faker", faker.name());
    assertEquals("c8-source-faker", faker.packageName());
    assertEquals("1.0.0", faker.version());
    assertEquals("source", faker.type());
    assertEquals(
        "Generates fake users, products and purchases; deterministic for a given seed.",
        faker.description());
    assertEquals("", faker.logo());
    // the same list as the Singer tap's --about (issue 16)
    assertEquals(
        List.of("about", "activate-version", "catalog", "discover", "properties", "state"),
        faker.capabilities());
    assertEquals(List.of(), faker.reservedKeys());
  }

  @Test
  void configPropertiesMirrorTheSpecInOrder() {
    List<ConfigProperty> config = faker.config();
    assertEquals(
        List.of("count", "seed", "records_per_slice", "always_updated", "parallelism"),
        config.stream().map(ConfigProperty::name).toList());
    Map<String, ConfigProperty> byName = new HashMap<>();
    config.forEach(p -> byName.put(p.name(), p));
    ConfigProperty count = byName.get("count");
    assertEquals(ConfigAttributeType.INT, count.type());
    assertEquals("Count", count.displayName());
    assertEquals("1000", count.defaultValue());
    assertFalse(count.mandatory(), "a property with a default is not mandatory");
    assertTrue(count.description().startsWith("How many users"), count::description);
    assertEquals("Records Per Stream Slice", byName.get("records_per_slice").displayName());
    assertEquals(ConfigAttributeType.BOOLEAN, byName.get("always_updated").type());
    assertEquals("true", byName.get("always_updated").defaultValue());
    assertEquals("0", byName.get("seed").defaultValue());
    assertEquals(ConfigAttributeType.INT, byName.get("parallelism").type());
    for (ConfigProperty p : config) {
      assertFalse(p.dynamic(), p::toString);
    }
  }

  @Test
  void validateAcceptsGoodConfigsIncludingC8StringValues() throws Exception {
    faker.validate(Map.of());
    faker.validate(Map.of("count", 10));
    // The C8 platform keeps form values as strings: they are coerced to the schema's types.
    faker.validate(Map.of("count", "10", "always_updated", "false", "seed", "42"));
    // A blank value of a non-string property is dropped so that its default applies.
    faker.validate(Map.of("count", ""));
  }

  @Test
  void validateRejectsBadConfigsWithAValidationException() {
    ValidationException notANumber =
        assertThrows(ValidationException.class, () -> faker.validate(Map.of("count", "foo")));
    assertTrue(notANumber.getMessage().contains("count"), notANumber::getMessage);
    assertTrue(notANumber.getMessage().startsWith("Config is invalid"), notANumber::getMessage);
    ValidationException belowMinimum =
        assertThrows(ValidationException.class, () -> faker.validate(Map.of("count", 0)));
    assertTrue(belowMinimum.getMessage().contains("count"), belowMinimum::getMessage);
    ValidationException wrongType =
        assertThrows(
            ValidationException.class,
            () -> faker.validate(Map.of("always_updated", List.of(1, 2))));
    assertTrue(wrongType.getMessage().contains("always_updated"), wrongType::getMessage);
  }

  @Test
  void samplesHoldAtMostTenRecordsPerStreamWithTheirSchema() throws Exception {
    List<Sample> samples =
        faker.samples(Map.of("count", "5", "seed", "1", "always_updated", "false"));
    assertEquals(
        List.of("users", "products", "purchases"),
        samples.stream().map(s -> s.schema().name()).toList());
    Map<String, Sample> byName = new LinkedHashMap<>();
    samples.forEach(s -> byName.put(s.schema().name(), s));
    assertEquals(5, byName.get("users").data().size(), "only 5 users exist");
    assertEquals(10, byName.get("products").data().size(), "100 products, 10 sampled");
    assertTrue(byName.get("purchases").data().size() <= 10);
    for (Sample s : samples) {
      List<String> attributes =
          s.schema().attributes().stream().map(SchemaAttribute::name).toList();
      for (Map<String, Object> record : s.data()) {
        assertTrue(
            attributes.containsAll(record.keySet()),
            () -> s.schema().name() + ": record keys " + record.keySet() + " not in " + attributes);
        for (String reserved : List.of("_key", "_id", "_rev")) {
          assertFalse(
              record.containsKey(reserved), () -> "reserved key " + reserved + " in " + record);
        }
      }
    }
    Map<String, Object> firstUser = byName.get("users").data().get(0);
    assertEquals(1L, ((Number) firstUser.get("id")).longValue());
    assertTrue(firstUser.get("name") instanceof String, firstUser::toString);
    assertTrue(firstUser.get("age") instanceof Number, firstUser::toString);
    // Same seed, same data: a second sample call gives the same records.
    assertEquals(
        byName.get("users").data(),
        faker.samples(Map.of("count", 5, "seed", 1, "always_updated", false)).get(0).data());
  }

  @Test
  void schemasMapTheDiscoveredJsonSchemaTypes() throws Exception {
    List<Schema> schemas = faker.schemas(Map.of());
    assertEquals(
        List.of("users", "products", "purchases"), schemas.stream().map(Schema::name).toList());
    Map<String, SchemaAttributeType> users = types(schemas.get(0));
    assertEquals(SchemaAttributeType.LONG, users.get("id"));
    assertEquals(SchemaAttributeType.LONG, users.get("age"));
    assertEquals(SchemaAttributeType.STRING, users.get("name"));
    assertEquals(SchemaAttributeType.STRING, users.get("updated_at"));
    Map<String, SchemaAttributeType> products = types(schemas.get(1));
    assertEquals(SchemaAttributeType.DOUBLE, products.get("price"));
    assertEquals(SchemaAttributeType.LONG, products.get("year"));
    assertEquals(SchemaAttributeType.STRING, products.get("make"));

    // The attributes are the properties of the Airbyte discover's json_schema, in schema order.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Path config = java.nio.file.Files.createTempFile("c8kit-e2e-", ".json");
    try {
      java.nio.file.Files.writeString(config, "{}");
      int code =
          io.c8kit.airbyte.ConnectorCli.run(
              new FakerConnector(),
              new String[] {"discover", "--config", config.toString()},
              java.io.InputStream.nullInputStream(),
              out,
              java.io.OutputStream.nullOutputStream());
      assertEquals(0, code);
    } finally {
      java.nio.file.Files.deleteIfExists(config);
    }
    JsonNode catalog =
        Messages.parse(out.toString(java.nio.charset.StandardCharsets.UTF_8), () -> "")
            .only("CATALOG")
            .get("catalog");
    for (int i = 0; i < schemas.size(); i++) {
      List<String> properties = new ArrayList<>();
      catalog
          .get("streams")
          .get(i)
          .get("json_schema")
          .get("properties")
          .fieldNames()
          .forEachRemaining(properties::add);
      assertEquals(
          properties,
          schemas.get(i).attributes().stream().map(SchemaAttribute::name).toList(),
          schemas.get(i).name());
    }
  }

  @Test
  void samplesAndSchemasRejectABadConfig() {
    assertThrows(ValidationException.class, () -> faker.samples(Map.of("count", "foo")));
    assertThrows(ValidationException.class, () -> faker.schemas(Map.of("count", "foo")));
  }

  @Test
  void serviceLoaderFindsTheGeneratedConnector() {
    List<String> found =
        StreamSupport.stream(ServiceLoader.load(C8Connector.class).spliterator(), false)
            .map(c -> c.getClass().getName())
            .toList();
    assertTrue(found.contains(FakerC8Connector.class.getName()), found::toString);
    C8Connector loaded =
        ServiceLoader.load(C8Connector.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(c -> c.name().equals("faker"))
            .findFirst()
            .orElseThrow();
    assertEquals("c8-source-faker", loaded.packageName());
  }

  /**
   * The reserved keys rule on real data: a table with {@code _key} (its primary key), {@code _id},
   * {@code __id} and {@code _rev} columns, sampled through the PostgreSQL source's own fat jar.
   */
  @Test
  void reservedKeysAreRenamedConsistentlyInSamplesAndSchemas() throws Exception {
    PostgresServer pg = PostgresServer.require();
    Path jar = Artifacts.jar(Artifacts.SOURCE_POSTGRES);
    String schema = "e2e_c8_reserved";
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
      s.execute("create schema " + schema);
      s.execute(
          "create table "
              + schema
              + ".docs (_key text primary key, _id int, __id text, _rev text,"
              + " title text)");
      s.execute(
          "insert into "
              + schema
              + ".docs select 'k' || g, g, 'x' || g, 'r' || g, 'doc ' || g"
              + " from generate_series(1, 15) g");
    }
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar.toUri().toURL()}, C8ConnectorInProcessTest.class.getClassLoader())) {
      C8Connector postgres = null;
      for (Iterator<C8Connector> it = ServiceLoader.load(C8Connector.class, loader).iterator();
          it.hasNext(); ) {
        C8Connector c = it.next();
        if (c.packageName().equals("c8-source-postgres")) {
          postgres = c;
        }
      }
      assertNotNull(postgres, "the source-postgres jar registers its connector as a service");
      Map<String, Object> config = new HashMap<>();
      config.put("host", pg.host());
      config.put("port", String.valueOf(pg.port()));
      config.put("database", pg.database());
      config.put("username", pg.user());
      config.put("password", pg.password());
      config.put("schemas", List.of(schema));
      postgres.validate(config);

      List<Sample> samples = postgres.samples(config);
      assertEquals(1, samples.size(), samples::toString);
      Sample docs = samples.get(0);
      assertEquals("docs", docs.schema().name());
      List<String> attributes =
          docs.schema().attributes().stream().map(SchemaAttribute::name).toList();
      // _key is the first primary-key column: kept; _id is taken by the __id column: ___id; _rev:
      // __rev.
      assertEquals(List.of("_key", "___id", "__id", "__rev", "title"), attributes);
      assertEquals(10, docs.data().size(), "at most ten records are sampled");
      for (Map<String, Object> record : docs.data()) {
        assertEquals(attributes, new ArrayList<>(record.keySet()), record::toString);
      }
      Map<String, Object> first = docs.data().get(0);
      assertEquals("k1", first.get("_key"));
      assertEquals(1, ((Number) first.get("___id")).intValue());
      assertEquals("x1", first.get("__id"));
      assertEquals("r1", first.get("__rev"));
      assertEquals(
          attributes,
          postgres.schemas(config).get(0).attributes().stream().map(SchemaAttribute::name).toList(),
          "schemas() renames exactly like samples()");

    } finally {
      try (Connection c = pg.connect();
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /**
   * C8.md: every failure of validate is a ValidationException whose message and cause chain are
   * masked. A failed connection check of the PostgreSQL source (wrong password: the driver's
   * exception is the cause of the connector's ConfigException) must come out that way, without the
   * password.
   */
  @Test
  void validateWithAWrongPasswordIsAValidationExceptionWithoutThePassword() throws Exception {
    PostgresServer pg = PostgresServer.require();
    Path jar = Artifacts.jar(Artifacts.SOURCE_POSTGRES);
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar.toUri().toURL()}, C8ConnectorInProcessTest.class.getClassLoader())) {
      Map<String, Object> config = new HashMap<>();
      config.put("host", pg.host());
      config.put("port", pg.port());
      config.put("database", pg.database());
      config.put("username", pg.user());
      config.put("password", "e2e-Wrong-Secret-42");
      ValidationException e =
          assertThrows(ValidationException.class, () -> postgresValidate(config, loader));
      assertFalse(e.getMessage().contains("e2e-Wrong-Secret-42"), e::getMessage);
      assertTrue(e.getMessage().toLowerCase().contains("authentication"), e::getMessage);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("e2e-Wrong-Secret-42"), t::toString);
      }
    }
  }

  private static void postgresValidate(Map<String, Object> config, ClassLoader loader)
      throws ValidationException {
    for (C8Connector c : ServiceLoader.load(C8Connector.class, loader)) {
      if (c.packageName().equals("c8-source-postgres")) {
        c.validate(config);
        return;
      }
    }
    throw new AssertionError("no c8-source-postgres connector");
  }

  private static Map<String, SchemaAttributeType> types(Schema schema) {
    Map<String, SchemaAttributeType> types = new LinkedHashMap<>();
    schema.attributes().forEach(a -> types.put(a.name(), a.type()));
    return types;
  }
}
