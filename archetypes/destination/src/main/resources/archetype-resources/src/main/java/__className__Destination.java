package ${package};

import io.c8kit.ConfigException;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.Destination;
import io.c8kit.annotations.DestinationSyncMode;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Writer;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The ${connectorName} destination: each stream goes to one JSON-lines file in a directory. Replace the
 * file writing with your storage; the runtime does the protocol, buffering and state echo.
 */
@Destination(
    name = "${connectorName}",
    version = "${version}",
    description = "Writes each stream to a JSON-lines file.",
    syncModes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
public class ${className}Destination {
  /** The settings a user gives; every component is one property of the spec. */
  public record Config(
      @Property(description = "Directory of the files, created if missing.", examples = "/local/out")
      String directory) {}

  /** Runs for the check command: throw ConfigException to tell the user what to fix. */
  @Check
  void check(Config config) {
    Path dir = directory(config);
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new ConfigException("directory " + dir + " is not a writable directory");
    }
  }

  @Writer
  SyncWriter writer(Config config, WriteContext context) {
    return new JsonLinesWriter(directory(config));
  }

  static Path directory(Config config) {
    Path dir = Path.of(config.directory()).toAbsolutePath();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException("cannot create directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The file of a stream: namespace_name.jsonl, or name.jsonl. */
  static Path file(Path dir, String namespace, String name) {
    return dir.resolve((namespace == null || namespace.isEmpty() ? "" : namespace + "_") + name + ".jsonl");
  }

  /**
   * Appends each batch to the stream's file. An overwrite writes to a new file that replaces the old
   * one when the stream completes, so a failed sync leaves the previous data in place.
   */
  static final class JsonLinesWriter implements SyncWriter {
    private final Path dir;

    JsonLinesWriter(Path dir) {
      this.dir = dir;
    }

    private Path target(DestinationStream stream) {
      Path file = file(dir, stream.namespace(), stream.name());
      return stream.truncates() ? file.resolveSibling(file.getFileName() + ".new") : file;
    }

    @Override
    public void open(DestinationStream stream) throws IOException {
      if (stream.truncates()) {
        Files.deleteIfExists(target(stream));
      }
      Files.write(target(stream), new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** When this returns, the batch is on disk: the runtime then echoes the states it covered. */
    @Override
    public void write(DestinationStream stream, List<DestinationRecord> batch) throws IOException {
      StringBuilder lines = new StringBuilder();
      for (DestinationRecord record : batch) {
        lines.append(record.data()).append('\n');
      }
      Files.write(target(stream), lines.toString().getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    @Override
    public void complete(DestinationStream stream) throws IOException {
      if (stream.truncates()) {
        Files.move(target(stream), file(dir, stream.namespace(), stream.name()),
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }
}
