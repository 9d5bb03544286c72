package io.c8kit.examples.faker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.airbyte.ConnectorCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generated connector in-process: determinism and cursor handling of the fake data. */
class FakerSourceTest {
  private static final String CATALOG =
      "{\"streams\":["
          + stream("users", "incremental", ",\"cursor_field\":[\"updated_at\"]")
          + ","
          + stream("products", "full_refresh", "")
          + ","
          + stream("purchases", "incremental", ",\"cursor_field\":[\"updated_at\"]")
          + "]}";

  private static String stream(String name, String mode, String extra) {
    return "{\"stream\":{\"name\":\""
        + name
        + "\",\"json_schema\":{},\"supported_sync_modes\":"
        + "[\"full_refresh\",\"incremental\"]},\"sync_mode\":\""
        + mode
        + "\","
        + "\"destination_sync_mode\":\"append\""
        + extra
        + "}";
  }

  @TempDir Path dir;

  private List<String> run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        ConnectorCli.run(
            new FakerConnector(),
            args,
            new ByteArrayInputStream(new byte[0]),
            out,
            new ByteArrayOutputStream());
    assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
  }

  private static List<String> records(List<String> lines, String stream) {
    return lines.stream()
        .filter(l -> l.startsWith("{\"type\":\"RECORD\""))
        .filter(l -> l.contains("\"stream\":\"" + stream + "\""))
        .map(l -> l.replaceAll(",\"emitted_at\":\\d+", ""))
        .collect(Collectors.toList());
  }

  @Test
  void sameSeedGivesSameRecordsAndStateReturnsOnlyTheBoundary() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("config.json"), "{\"count\": 20, \"seed\": 42, \"always_updated\": false}");
    Path catalog = Files.writeString(dir.resolve("catalog.json"), CATALOG);
    List<String> first =
        run("read", "--config", config.toString(), "--catalog", catalog.toString());
    List<String> second =
        run("read", "--config", config.toString(), "--catalog", catalog.toString());
    assertEquals(20, records(first, "users").size());
    assertEquals(100, records(first, "products").size());
    assertEquals(records(first, "users"), records(second, "users"));
    assertEquals(records(first, "purchases"), records(second, "purchases"));

    // Feed back the last state of each stream: stable records give only the boundary tie again.
    StringBuilder state = new StringBuilder("[");
    for (String name : List.of("users", "purchases")) {
      String last =
          first.stream()
              .filter(l -> l.startsWith("{\"type\":\"STATE\""))
              .filter(l -> l.contains("\"name\":\"" + name + "\""))
              .reduce((a, b) -> b)
              .orElseThrow();
      String stream =
          last.substring(last.indexOf("\"stream\":{"), last.indexOf(",\"sourceStats\""));
      state
          .append(state.length() > 1 ? "," : "")
          .append("{\"type\":\"STREAM\",")
          .append(stream)
          .append('}');
    }
    Path statePath = Files.writeString(dir.resolve("state.json"), state.append(']').toString());
    List<String> third =
        run(
            "read",
            "--config",
            config.toString(),
            "--catalog",
            catalog.toString(),
            "--state",
            statePath.toString());
    assertEquals(1, records(third, "users").size());
    assertEquals(records(first, "users").get(19), records(third, "users").get(0));
    assertEquals(1, records(third, "purchases").size());
  }

  @Test
  void emptyConfigIsValidAndSpecComesFromTheProcessor() throws Exception {
    List<String> spec = run("spec");
    assertTrue(spec.get(0).contains("\"records_per_slice\""), spec.get(0));
    Path config = Files.writeString(dir.resolve("config.json"), "{}");
    List<String> check = run("check", "--config", config.toString());
    assertTrue(check.stream().anyMatch(l -> l.contains("SUCCEEDED")), check.toString());
  }
}
