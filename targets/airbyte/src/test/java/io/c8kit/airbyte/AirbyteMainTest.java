package io.c8kit.airbyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the fixed launcher picks the generated main from the processor's index, and how it says no.
 */
class AirbyteMainTest {
  @TempDir Path dir;

  /** A class path entry holding an index with {@code lines}. */
  private URL jar(String name, String... lines) throws Exception {
    Path index = dir.resolve(name).resolve(AirbyteMain.MAINS);
    Files.createDirectories(index.getParent());
    Files.writeString(index, String.join("\n", lines) + "\n");
    return dir.resolve(name).toUri().toURL();
  }

  private String choose(String wanted, URL... path) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(path, null)) {
      return AirbyteMain.choose(AirbyteMain.read(loader), wanted);
    }
  }

  @Test
  void theOnlyConnectorRuns() throws Exception {
    assertEquals("com.a.FakerMain", choose(null, jar("a", "com.a.FakerMain com.a.FakerConnector")));
  }

  @Test
  void ofSeveralInOneJarTheFirstRunsAndThePropertyPicksAnother() throws Exception {
    URL a = jar("a", "com.a.AMain com.a.AConnector", "com.a.BMain com.a.BConnector");
    assertEquals("com.a.AMain", choose(null, a));
    assertEquals("com.a.BMain", choose("com.a.BConnector", a));
    assertEquals("com.a.BMain", choose("com.a.BMain", a));
  }

  @Test
  void severalConnectorJarsNeedTheProperty() throws Exception {
    URL a = jar("a", "com.a.AMain com.a.AConnector");
    URL b = jar("b", "com.b.BMain com.b.BConnector");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> choose(null, a, b));
    assertEquals(
        "the class path holds several connector jars; choose a connector with -Dc8kit.connector=CLASS,"
            + " one of com.a.AConnector, com.b.BConnector",
        e.getMessage());
    assertEquals("com.b.BMain", choose("com.b.BConnector", a, b));
  }

  @Test
  void anUnknownChoiceNamesTheConnectorsThereAre() throws Exception {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> choose("com.a.Nope", jar("a", "com.a.AMain com.a.AConnector")));
    assertEquals(
        "-Dc8kit.connector=com.a.Nope names no connector on the class path; choose one of "
            + "com.a.AConnector",
        e.getMessage());
  }

  @Test
  void aJarWithoutTheIndexSaysWhy() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> choose(null, dir.resolve("empty").toUri().toURL()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "no c8kit connector on the class path: META-INF/c8kit/airbyte/mains is"
                    + " missing"),
        e.getMessage());
    assertEquals(List.of(), AirbyteMain.read(new URLClassLoader(new URL[0], null)));
  }
}
