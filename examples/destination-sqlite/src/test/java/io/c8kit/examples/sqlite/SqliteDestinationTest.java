package io.c8kit.examples.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.protocol.Protocol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite destination through its generated connector and the CLI, in-process. */
class SqliteDestinationTest {
  @TempDir Path dir;

  private record Result(int code, List<JsonNode> messages) {
    List<JsonNode> ofType(String type) {
      return messages.stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }
  }

  private Result run(String stdin, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ConnectorCli.run(
            new SqliteConnector(),
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        messages.add(Protocol.mapper().readTree(line));
      }
    }
    return new Result(code, messages);
  }

  private String config(String path) throws Exception {
    Path f = dir.resolve("config-" + System.nanoTime() + ".json");
    Files.writeString(f, "{\"destination_path\":" + Protocol.toJson(path) + "}");
    return f.toString();
  }

  private JsonNode check(String path) throws Exception {
    Result r = run("", "check", "--config", config(path));
    assertEquals(0, r.code());
    return r.ofType("CONNECTION_STATUS").get(0).path("connectionStatus");
  }

  @Test
  void specDeclaresThePathAndAllSyncModes() throws Exception {
    Result r = run("", "spec");
    JsonNode spec = r.ofType("SPEC").get(0).path("spec");
    assertEquals(
        "string", spec.at("/connectionSpecification/properties/destination_path/type").asText());
    assertEquals("destination_path", spec.at("/connectionSpecification/required/0").asText());
    assertEquals(
        "[\"append\",\"overwrite\",\"append_dedup\"]",
        spec.path("supported_destination_sync_modes").toString());
  }

  @Test
  void checkCreatesTheFileAndItsDirectories() throws Exception {
    Path db = dir.resolve("a/b/c.sqlite");
    JsonNode status = check(db.toString());
    assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
    assertTrue(Files.exists(db));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "the probe table is dropped");
    }
  }

  @Test
  void checkExplainsADirectoryPath() throws Exception {
    JsonNode status = check(dir.toString());
    assertEquals("FAILED", status.path("status").asText());
    assertTrue(status.path("message").asText().contains("is a directory"), status.toString());
  }

  @Test
  void checkExplainsAPathBelowAFile() throws Exception {
    Path file = Files.createFile(dir.resolve("plain"));
    JsonNode status = check(file.resolve("sub/db.sqlite").toString());
    assertEquals("FAILED", status.path("status").asText());
    assertTrue(
        status.path("message").asText().contains(file + " is a file, not a directory"),
        status.toString());
  }

  @Test
  void checkExplainsAFileThatIsNotADatabase() throws Exception {
    Path junk = dir.resolve("junk.sqlite");
    Files.writeString(
        junk, "this is not an SQLite database, just some text that is long enough to matter");
    JsonNode status = check(junk.toString());
    assertEquals("FAILED", status.path("status").asText());
    assertTrue(
        status.path("message").asText().startsWith("cannot write to the SQLite database " + junk),
        status.toString());
  }

  @Test
  void relativePathsResolveAgainstTheWorkingDirectory() {
    Path target = dir.resolve("rel/x/data.sqlite");
    String relative = Path.of("").toAbsolutePath().relativize(target).toString();
    assertTrue(!Path.of(relative).isAbsolute());
    assertEquals(target, SqliteDestination.resolve(new SqliteDestination.Config(relative)));
    assertTrue(Files.isDirectory(target.getParent()), "parent directories are created");
  }

  @Test
  void writeLoadsTypedTablesAndEchoesStates() throws Exception {
    Path db = dir.resolve("w.sqlite");
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":{\"type\":\"object\","
            + "\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"}}},"
            + "\"supported_sync_modes\":[\"incremental\"]},\"sync_mode\":\"incremental\",\"cursor_field\":[\"id\"],"
            + "\"destination_sync_mode\":\"append_dedup\",\"primary_key\":[[\"id\"]]}]}");
    String input =
        String.join(
                "\n",
                "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1,\"name\":\"old\"},\"emitted_at\":1}}",
                "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1,\"name\":\"new\"},\"emitted_at\":2}}",
                "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},"
                    + "\"stream_state\":{\"id\":1}},\"id\":99}}",
                "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":3,\"stream_status\":"
                    + "{\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"COMPLETE\"}}}")
            + "\n";
    Result r =
        run(input, "write", "--config", config(db.toString()), "--catalog", catalog.toString());
    assertEquals(0, r.code(), r.messages().toString());
    JsonNode state = r.ofType("STATE").get(0).path("state");
    assertEquals(99, state.path("id").asInt());
    assertEquals(2.0, state.at("/destinationStats/recordCount").asDouble());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM users")) {
      assertTrue(rs.next());
      assertEquals("new", rs.getString("name"));
      assertTrue(!rs.next(), "deduplicated to one row");
    }
  }

  @Test
  void malformedInputFailsWithOneErrorTraceNamingTheLine() throws Exception {
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(catalog, "{\"streams\":[]}");
    Result r =
        run(
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hi\"}}\n{oops\n",
            "write",
            "--config",
            config(dir.resolve("m.sqlite").toString()),
            "--catalog",
            catalog.toString());
    assertEquals(1, r.code());
    List<JsonNode> errors = r.ofType("TRACE");
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).at("/trace/error/message").asText().contains("line 2")
            || errors.get(0).at("/trace/error/internal_message").asText().contains("line 2"),
        errors.toString());
  }
}
