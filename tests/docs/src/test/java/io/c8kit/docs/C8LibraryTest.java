package io.c8kit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.C8Connector;
import io.c8kit.Schema;
import io.c8kit.examples.faker.FakerConnector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What docs/C8.md promises: the connector's main artifact is a plain jar (no runtime classes shaded
 * in) and a host finds the connector through ServiceLoader and calls it.
 */
class C8LibraryTest {
  @Test
  void theMainArtifactIsAPlainJar() throws Exception {
    Path jar =
        Path.of(FakerConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(
        jar.getFileName().toString().equals("source-faker-0.1.0-SNAPSHOT.jar")
            || jar.endsWith("classes"),
        jar.toString());
    if (jar.toString().endsWith(".jar")) {
      try (JarFile file = new JarFile(jar.toFile())) {
        assertNull(
            file.getEntry("io/c8kit/airbyte/ConnectorCli.class"),
            "c8kit classes shaded into " + jar);
        assertNull(
            file.getEntry("io/c8kit/c8/C8SourceAdapter.class"), "c8kit classes shaded into " + jar);
        assertNull(
            file.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"),
            "Jackson inside " + jar);
        assertNotNull(file.getEntry("META-INF/services/io.c8kit.C8Connector"));
        assertNotNull(file.getEntry("io/c8kit/examples/faker/FakerC8Connector.class"));
      }
    }
  }

  @Test
  void aHostFindsTheConnectorWithServiceLoaderAndCallsIt() throws Exception {
    C8Connector faker =
        ServiceLoader.load(C8Connector.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(c -> c.packageName().equals("c8-source-faker"))
            .findFirst()
            .orElseThrow();
    assertEquals("source", faker.type());
    assertTrue(faker.config().stream().anyMatch(p -> p.name().equals("count")));
    Map<String, Object> integration = Map.of("count", 5, "seed", 1);
    faker.validate(integration);
    assertEquals(
        List.of("users", "products", "purchases"),
        faker.schemas(integration).stream().map(Schema::name).toList());
    assertTrue(faker.samples(integration).stream().allMatch(s -> !s.data().isEmpty()));
  }
}
