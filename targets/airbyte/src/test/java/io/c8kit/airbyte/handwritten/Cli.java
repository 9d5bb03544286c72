package io.c8kit.airbyte.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Collectors;

/** Runs a connector in-process and checks that stdout holds protocol messages only. */
public final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  /** The outcome of one command. */
  public record Result(int code, String stdout, String stderr, List<JsonNode> messages) {
    public List<JsonNode> ofType(String type) {
      return messages.stream()
          .filter(m -> type.equals(m.path("type").asText()))
          .collect(Collectors.toList());
    }

    public JsonNode only(String type) {
      List<JsonNode> found = ofType(type);
      assertEquals(1, found.size(), () -> "exactly one " + type + " expected in:\n" + stdout);
      return found.get(0);
    }

    /** The TRACE messages of type ERROR. */
    public List<JsonNode> errors() {
      return ofType("TRACE").stream()
          .filter(m -> "ERROR".equals(m.path("trace").path("type").asText()))
          .collect(Collectors.toList());
    }

    public JsonNode onlyError() {
      List<JsonNode> errors = errors();
      assertEquals(1, errors.size(), () -> "exactly one TRACE ERROR expected in:\n" + stdout);
      long nonStatus =
          ofType("TRACE").stream()
              .filter(m -> !"STREAM_STATUS".equals(m.path("trace").path("type").asText()))
              .count();
      assertEquals(1, nonStatus, () -> "no other TRACE expected:\n" + stdout);
      return errors.get(0).path("trace").path("error");
    }

    /** Asserts that {@code text} appears nowhere on stdout or stderr. */
    public void assertNeverShows(String text) {
      assertFalse(stdout.contains(text), () -> "stdout leaks " + text + ":\n" + stdout);
      assertFalse(stderr.contains(text), () -> "stderr leaks " + text + ":\n" + stderr);
    }
  }

  public static Result run(Connector<?> connector, String... args) {
    return runWithStdin(connector, "", args);
  }

  public static Result runWithStdin(Connector<?> connector, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ConnectorCli.run(
            connector,
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    String stdout = out.toString(StandardCharsets.UTF_8);
    return new Result(code, stdout, err.toString(StandardCharsets.UTF_8), parse(stdout));
  }

  /** Every stdout line must be one JSON object with a type: nothing else may reach stdout. */
  public static List<JsonNode> parse(String stdout) {
    List<JsonNode> messages = new ArrayList<>();
    if (stdout.isEmpty()) {
      return messages;
    }
    assertTrue(stdout.endsWith("\n"), () -> "stdout must end with a newline:\n" + stdout);
    for (String line : stdout.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        assertTrue(
            node.isObject() && node.hasNonNull("type"), () -> "not a protocol message: " + line);
        messages.add(node);
      } catch (IOException e) {
        fail("stdout line is not JSON: " + line);
      }
    }
    return messages;
  }

  public static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
