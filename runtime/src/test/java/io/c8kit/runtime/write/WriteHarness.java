package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import io.c8kit.runtime.WriterFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds hand-made destination connectors, catalogs and inputs, and records what a run did; public
 * (test code) so that the Airbyte target's stdin tests drive the engine the same way.
 */
public final class WriteHarness {
  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "test-destination",
          "0.0.1",
          "Test",
          "A test destination",
          "",
          "",
          ConnectorKind.DESTINATION,
          "/META-INF/c8kit/test-destination/spec.json",
          "");

  private WriteHarness() {}

  /** A destination connector: the base constructor is protected, so subclass it. */
  public static final class TestConnector extends DestinationConnector<JsonNode> {
    TestConnector(DestinationDefinition<JsonNode> definition) {
      super(definition);
    }
  }

  public static TestConnector connector(
      WriterFactory<JsonNode> writer, DestinationSyncMode... modes) {
    return new TestConnector(
        DestinationDefinition.<JsonNode>builder(INFO, c -> c)
            .writer(writer)
            .syncModes(
                modes.length == 0
                    ? new DestinationSyncMode[] {
                      DestinationSyncMode.APPEND,
                      DestinationSyncMode.OVERWRITE,
                      DestinationSyncMode.APPEND_DEDUP
                    }
                    : modes)
            .build());
  }

  public static ConfiguredAirbyteCatalog catalog(String... streams) {
    try {
      return Protocol.mapper()
          .readValue(
              "{\"streams\":[" + String.join(",", streams) + "]}", ConfiguredAirbyteCatalog.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A configured stream with an {@code {i: integer, s: string}} schema. */
  public static String stream(String name, String mode) {
    return stream(name, null, mode, "");
  }

  public static String stream(String name, String namespace, String mode, String extra) {
    return "{\"stream\":{\"name\":\""
        + name
        + "\""
        + (namespace == null ? "" : ",\"namespace\":\"" + namespace + "\"")
        + ",\"json_schema\":{\"type\":\"object\",\"properties\":{\"i\":{\"type\":\"integer\"},"
        + "\"s\":{\"type\":\"string\"}}},\"supported_sync_modes\":[\"full_refresh\",\"incremental\"]},"
        + "\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\""
        + mode
        + "\""
        + extra
        + "}";
  }

  public static String record(String stream, long i) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\""
        + stream
        + "\",\"data\":{\"i\":"
        + i
        + ",\"s\":\"v"
        + i
        + "\"},\"emitted_at\":1700000000000}}";
  }

  public static String streamState(String stream, String state) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream
        + "\"},\"stream_state\":"
        + state
        + "}}}";
  }

  public static String globalState(String shared) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":"
        + shared
        + ",\"stream_states\":[]}}}";
  }

  public static String status(String stream, String status) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1.7E12,"
        + "\"stream_status\":{\"stream_descriptor\":{\"name\":\""
        + stream
        + "\"},\"status\":\""
        + status
        + "\"}}}";
  }

  public static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static WriteOptions options(int records, long bytes, double seconds, long total) {
    return WriteOptions.defaults().withLimits(records, bytes, (long) (seconds * 1e9), total);
  }

  /**
   * A run's outcome: stats (or the failure), parsed stdout lines, and the shared event timeline.
   */
  public static final class Run {
    public final Timeline timeline;
    WriteStats stats;
    public Exception failure;

    Run(Timeline timeline) {
      this.timeline = timeline;
    }

    public List<JsonNode> output(String type) {
      return timeline.output(type);
    }

    public List<JsonNode> states() {
      return output("STATE");
    }
  }

  static Run run(
      TestConnector connector,
      ConfiguredAirbyteCatalog catalog,
      String input,
      WriteOptions options,
      Timeline timeline) {
    return run(
        connector,
        catalog,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        options,
        timeline);
  }

  static Run run(
      TestConnector connector,
      ConfiguredAirbyteCatalog catalog,
      InputStream input,
      WriteOptions options,
      Timeline timeline) {
    return run(connector, catalog, input, options, true, timeline);
  }

  /**
   * Without {@code readerThread} the input is read synchronously: for tests that drive time with a
   * fake clock, where no idle tick may interleave.
   */
  static Run run(
      TestConnector connector,
      ConfiguredAirbyteCatalog catalog,
      InputStream input,
      WriteOptions options,
      boolean readerThread,
      Timeline timeline) {
    return run(connector, catalog, input, options, readerThread, timeline, TestLines::feedRun);
  }

  /**
   * Feeds a run its input to EOF (the Airbyte target's stdin reading, or {@link TestLines}); on a
   * failure aborts the run and throws.
   */
  public interface Feed {
    void feed(InputStream input, WriteRun run, boolean readerThread) throws Exception;
  }

  /**
   * A run over {@code input} fed by {@code feed}: at most {@code flushRecords} records per batch,
   * no byte or age bound to speak of.
   */
  public static Run run(
      TestConnector connector,
      ConfiguredAirbyteCatalog catalog,
      InputStream input,
      int flushRecords,
      boolean readerThread,
      Timeline timeline,
      Feed feed) {
    return run(
        connector,
        catalog,
        input,
        options(flushRecords, 1L << 30, 1e9, 1L << 30),
        readerThread,
        timeline,
        feed);
  }

  private static Run run(
      TestConnector connector,
      ConfiguredAirbyteCatalog catalog,
      InputStream input,
      WriteOptions options,
      boolean readerThread,
      Timeline timeline,
      Feed feed) {
    Run run = new Run(timeline);
    EchoOutput out = new EchoOutput(timeline.sink());
    try {
      WriteRun write = WriteRun.open(connector, null, catalog, out, options);
      feed.feed(input, write, readerThread);
      write.finish();
      run.stats = write.stats();
    } catch (Exception e) {
      run.failure = e;
    }
    out.flush();
    return run;
  }

  /**
   * One ordered log of writer calls and stdout lines: the sink appends each line when the engine
   * flushes it, so a STATE's position relative to the commits that preceded it is visible.
   */
  public static final class Timeline {
    public final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    OutputStream sink() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          synchronized (Timeline.this) {
            if (b == '\n') {
              events.add("out " + partial.toString(StandardCharsets.UTF_8));
              partial.reset();
            } else {
              partial.write(b);
            }
          }
        }

        @Override
        public void write(byte[] b, int off, int len) {
          synchronized (Timeline.this) {
            int start = off;
            for (int i = off; i < off + len; i++) {
              if (b[i] == '\n') {
                partial.write(b, start, i - start);
                events.add("out " + partial.toString(StandardCharsets.UTF_8));
                partial.reset();
                start = i + 1;
              }
            }
            partial.write(b, start, off + len - start);
          }
        }
      };
    }

    void add(String event) {
      events.add(event);
    }

    List<JsonNode> output(String type) {
      List<JsonNode> out = new ArrayList<>();
      for (String e : snapshot()) {
        if (e.startsWith("out ")) {
          JsonNode n = parse(e.substring(4));
          if (type.equals(n.path("type").asText())) {
            out.add(n);
          }
        }
      }
      return out;
    }

    List<String> snapshot() {
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }

    public List<String> writerEvents() {
      return snapshot().stream().filter(Predicate.not(e -> e.startsWith("out "))).toList();
    }
  }

  static JsonNode parse(String json) {
    try {
      return Protocol.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /**
   * A SyncWriter that logs {@code open s}, {@code write s [i…]}, {@code complete s}, {@code close}
   * into the timeline (values of the records' {@code i} field), and can be told to fail.
   */
  public static class RecordingWriter implements SyncWriter {
    final Timeline timeline;
    final List<Long> committed = Collections.synchronizedList(new ArrayList<>());
    int writes;
    int failOnWrite = -1;
    boolean failOnClose;

    public RecordingWriter(Timeline timeline) {
      this.timeline = timeline;
    }

    @Override
    public void open(DestinationStream stream) {
      timeline.add("open " + stream.name());
    }

    @Override
    public void write(DestinationStream stream, List<DestinationRecord> batch) throws Exception {
      if (++writes == failOnWrite) {
        timeline.add("fail " + stream.name());
        throw new java.sql.SQLException("disk full");
      }
      List<Long> ids = new ArrayList<>();
      for (DestinationRecord r : batch) {
        ids.add(r.data().path("i").asLong());
      }
      committed.addAll(ids);
      timeline.add("write " + stream.name() + " " + ids);
    }

    @Override
    public void complete(DestinationStream stream) {
      timeline.add("complete " + stream.name());
    }

    @Override
    public void close() throws Exception {
      timeline.add("close");
      if (failOnClose) {
        throw new IllegalStateException("close failed");
      }
    }
  }
}
