package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The result of one in-process tap or target run: exit code, stdout lines, stderr text. */
record SingerRun(int code, String stdout, String stderr) {
  static SingerRun tap(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Tap.run(new TestSource(), args, out, err);
    return new SingerRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  List<String> lines() {
    return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
  }

  List<JsonNode> messages() {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines()) {
      try {
        out.add(PythonJson.MAPPER.readTree(line));
      } catch (IOException e) {
        throw new UncheckedIOException("stdout line is not JSON: " + line, e);
      }
    }
    return out;
  }

  List<JsonNode> ofType(String type) {
    return messages().stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  /** The value of the last STATE message. */
  JsonNode lastState() {
    List<JsonNode> states = ofType("STATE");
    return states.isEmpty() ? null : states.get(states.size() - 1).get("value");
  }

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
