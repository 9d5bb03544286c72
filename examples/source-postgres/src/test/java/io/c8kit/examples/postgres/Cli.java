package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.runtime.Connector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a connector command in-process through {@link ConnectorCli#run} and parses its stdout. */
final class Cli {
  static final ObjectMapper JSON = new ObjectMapper();

  final int exit;
  final String stdout;
  final String stderr;
  final List<JsonNode> messages;

  private Cli(int exit, String stdout, String stderr) throws IOException {
    this.exit = exit;
    this.stdout = stdout;
    this.stderr = stderr;
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        parsed.add(PgTypes.JSON.readTree(line));
      }
    }
    this.messages = parsed;
  }

  static Cli run(Connector<?> connector, String stdin, String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            connector,
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    return new Cli(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path file(Path dir, String name, JsonNode content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, JSON.writeValueAsString(content));
    return f;
  }

  List<JsonNode> ofType(String type) {
    return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  List<ObjectNode> records() {
    return ofType("RECORD").stream().map(m -> (ObjectNode) m.get("record").get("data")).toList();
  }

  /** The STATE messages' {@code state} objects, in order. */
  List<JsonNode> states() {
    return ofType("STATE").stream().map(m -> m.get("state")).toList();
  }

  /** A state file holding one per-stream state. */
  static ArrayNode stateFile(JsonNode state) {
    ArrayNode a = JSON.createArrayNode();
    a.add(state);
    return a;
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
  }
}
