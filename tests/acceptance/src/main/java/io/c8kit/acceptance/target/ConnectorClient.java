package io.c8kit.acceptance.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Airbyte commands on top of a {@link ConnectorTarget}: writes config/catalog/state files into
 * the target's work directory and passes their paths, exactly as the platform does.
 */
public final class ConnectorClient implements AutoCloseable {
  private final ConnectorTarget target;
  private final AtomicInteger counter = new AtomicInteger();

  public ConnectorClient(ConnectorTarget target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  public ConnectorTarget target() {
    return target;
  }

  public RunResult spec() {
    return target.run(List.of("spec"), new byte[0]);
  }

  /** {@code check --config F}; the config is written verbatim (it may be deliberately invalid). */
  public RunResult check(String configJson) {
    return target.run(List.of("check", "--config", file("config", configJson)), new byte[0]);
  }

  public RunResult discover(String configJson) {
    return target.run(List.of("discover", "--config", file("config", configJson)), new byte[0]);
  }

  /** {@code read --config F --catalog F [--state F]}; {@code state} null omits {@code --state}. */
  public RunResult read(String configJson, JsonNode catalog, JsonNode state) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "read",
                "--config",
                file("config", configJson),
                "--catalog",
                file("catalog", Json.write(catalog))));
    if (state != null) {
      args.add("--state");
      args.add(file("state", Json.write(state)));
    }
    return target.run(args, new byte[0]);
  }

  /** {@code write --config F --catalog F} with the messages on stdin, one JSON line each. */
  public RunResult write(String configJson, JsonNode catalog, List<JsonNode> messages) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode m : messages) {
      sb.append(Json.write(m)).append('\n');
    }
    return write(configJson, catalog, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  public RunResult write(String configJson, JsonNode catalog, byte[] stdin) {
    return target.run(
        List.of(
            "write",
            "--config",
            file("config", configJson),
            "--catalog",
            file("catalog", Json.write(catalog))),
        stdin);
  }

  private String file(String kind, String content) {
    Path path = target.workDir().resolve(kind + "-" + counter.incrementAndGet() + ".json");
    try {
      Files.writeString(path, content, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException ignored) {
        // not POSIX
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return path.toAbsolutePath().toString();
  }

  @Override
  public void close() {
    target.close();
  }
}
