package io.c8kit.acceptance.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.c8kit.ConfigException;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A destination written by hand: one JSON-lines file per stream under the configured directory.
 * Overwrite writes to a pending file swapped in at completion; append_dedup rewrites the file
 * keeping the latest row per key (by cursor, then arrival). A {@link Flaw} breaks it on purpose.
 */
public final class KitDestination extends DestinationConnector<KitDestination.Config> {
  /** One deliberate defect each. */
  public enum Flaw {
    NONE,
    /** overwrite behaves like append. */
    OVERWRITE_APPENDS,
    /** carriage returns are dropped from strings. */
    DROPS_CARRIAGE_RETURNS,
    /** non-ASCII characters become '?'. */
    ASCII_ONLY,
    /** dedup keeps the last row to arrive, ignoring the cursor. */
    DEDUP_BY_ARRIVAL,
    /** every 100th record of a batch is lost. */
    LOSES_RECORDS,
    /** not a defect: declares only append, so the overwrite and dedup tests must not run. */
    APPEND_ONLY
  }

  public record Config(String dir) {}

  public KitDestination() {
    this(Flaw.NONE);
  }

  public KitDestination(Flaw flaw) {
    super(
        DestinationDefinition.<Config>builder(
                new ConnectorInfo(
                    "kit-destination",
                    "0.1.0",
                    "Kit Destination",
                    "JSON-lines files.",
                    "",
                    "",
                    ConnectorKind.DESTINATION,
                    flaw == Flaw.APPEND_ONLY
                        ? "/META-INF/c8kit/kit-destination/spec-append-only.json"
                        : "/META-INF/c8kit/kit-destination/spec.json",
                    "c8kit/destination-kit"),
                c -> new Config(ConfigValues.string(c, "dir")))
            .check(
                config -> {
                  if (!Files.isDirectory(Path.of(config.dir()))) {
                    throw new ConfigException("directory " + config.dir() + " does not exist");
                  }
                })
            .syncModes(
                flaw == Flaw.APPEND_ONLY
                    ? new DestinationSyncMode[] {DestinationSyncMode.APPEND}
                    : new DestinationSyncMode[] {
                      DestinationSyncMode.APPEND,
                      DestinationSyncMode.OVERWRITE,
                      DestinationSyncMode.APPEND_DEDUP
                    })
            .writer((config, context) -> new Writer(Path.of(config.dir()), flaw))
            .build());
  }

  /** The file holding a stream's rows. */
  public static Path file(Path dir, String stream, String namespace) {
    return dir.resolve((namespace == null ? "_" : namespace) + "__" + stream + ".jsonl");
  }

  /** The rows stored for a stream: what the {@code DestinationReader} of the tests returns. */
  public static List<JsonNode> read(JsonNode config, String stream, String namespace)
      throws IOException {
    Path f = file(Path.of(config.path("dir").asText()), stream, namespace);
    List<JsonNode> rows = new ArrayList<>();
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          rows.add(Json.parse(line));
        }
      }
    }
    return rows;
  }

  private static final class Writer implements SyncWriter {
    private final Path dir;
    private final Flaw flaw;

    Writer(Path dir, Flaw flaw) {
      this.dir = dir;
      this.flaw = flaw;
    }

    private boolean truncates(DestinationStream s) {
      return s.truncates() && flaw != Flaw.OVERWRITE_APPENDS;
    }

    private Path target(DestinationStream s) {
      Path f = file(dir, s.name(), s.namespace());
      return truncates(s) ? f.resolveSibling(f.getFileName() + ".pending") : f;
    }

    @Override
    public void open(DestinationStream stream) throws IOException {
      if (truncates(stream)) {
        Files.deleteIfExists(target(stream));
        Files.createFile(target(stream));
      }
    }

    @Override
    public void write(DestinationStream stream, List<DestinationRecord> batch) throws IOException {
      StringBuilder sb = new StringBuilder();
      int n = 0;
      for (DestinationRecord r : batch) {
        if (flaw == Flaw.LOSES_RECORDS && ++n % 100 == 0) {
          continue;
        }
        sb.append(Json.write(mangle(r.data()))).append('\n');
      }
      Files.writeString(
          target(stream),
          sb.toString(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }

    private JsonNode mangle(JsonNode value) {
      if (flaw != Flaw.DROPS_CARRIAGE_RETURNS && flaw != Flaw.ASCII_ONLY) {
        return value;
      }
      if (value.isTextual()) {
        String s = value.textValue();
        return TextNode.valueOf(
            flaw == Flaw.DROPS_CARRIAGE_RETURNS
                ? s.replace("\r", "")
                : s.replaceAll("[^\\x00-\\x7f]", "?"));
      }
      if (value.isObject()) {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.set(e.getKey(), mangle(e.getValue()));
        }
        return out;
      }
      return value;
    }

    @Override
    public void complete(DestinationStream stream) throws IOException {
      Path f = file(dir, stream.name(), stream.namespace());
      if (truncates(stream)) {
        Files.move(
            target(stream), f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP && Files.exists(f)) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isEmpty()) {
            continue;
          }
          JsonNode row = Json.parse(line);
          StringBuilder key = new StringBuilder();
          for (List<String> part : stream.primaryKey()) {
            key.append(Json.canonical(Json.valueAt(row, part))).append('|');
          }
          JsonNode previous = latest.get(key.toString());
          if (previous == null
              || flaw == Flaw.DEDUP_BY_ARRIVAL
              || cursor(row, stream).compareTo(cursor(previous, stream)) >= 0) {
            latest.remove(key.toString());
            latest.put(key.toString(), row);
          }
        }
        StringBuilder sb = new StringBuilder();
        latest.values().forEach(r -> sb.append(Json.write(r)).append('\n'));
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      // nothing to release: every write opens and closes its file
    }

    private static String cursor(JsonNode row, DestinationStream stream) {
      JsonNode v = Json.valueAt(row, stream.cursorField());
      return v == null ? "" : v.asText();
    }
  }
}
