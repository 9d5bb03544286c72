package io.c8kit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.examples.faker.FakerConnector;
import io.c8kit.examples.sqlite.SqliteConnector;
import io.c8kit.runtime.Connector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples' READMEs carry the page the {@code docs} command prints (and the build writes to
 * target/docs/); when a connector's settings or streams change, this fails until the README is
 * updated from {@code java -jar target/ARTIFACT.jar docs}.
 */
class ExampleReadmesTest {
  private static final Path ROOT =
      Path.of(System.getProperty("c8kit.docs.root", "../..")).normalize();
  private static final String END = "\n<!-- c8kit docs: end -->";

  private static String docs(Connector<?> connector) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        ConnectorCli.run(
            connector,
            new String[] {"docs"},
            InputStream.nullInputStream(),
            out,
            new ByteArrayOutputStream());
    assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The generated block of a README, between its markers. */
  private static String block(String artifact) throws IOException {
    String readme =
        Files.readString(ROOT.resolve("examples").resolve(artifact).resolve("README.md"));
    int begin = readme.indexOf("<!-- c8kit docs: generated");
    int end = readme.indexOf(END);
    assertTrue(
        begin >= 0 && end > begin,
        "examples/" + artifact + "/README.md has no generated docs block");
    String body = readme.substring(readme.indexOf("-->", begin) + 3, end);
    return body.strip() + "\n";
  }

  @Test
  void fakerReadmeHasTheCurrentPage() throws IOException {
    assertEquals(docs(new FakerConnector()), block("source-faker"));
  }

  @Test
  void sqliteReadmeHasTheCurrentPage() throws IOException {
    assertEquals(docs(new SqliteConnector()), block("destination-sqlite"));
  }
}
