package io.c8kit.airbyte.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteConnectionStatus;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProtocolOutputTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final SecretMasker masker = new SecretMasker();
  private final ProtocolOutput output = new ProtocolOutput(out, masker);

  private String text() {
    output.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final RecordSerializer<String> HALF_THEN_THROW =
      (v, g) -> {
        g.writeStartObject();
        g.writeStringField("partial", v);
        throw new IllegalStateException("serializer broke");
      };

  @Test
  void aSerializerThatThrowsLeavesNothingAndTheNextLineIsWellFormed() {
    output.log(AirbyteLogMessage.Level.INFO, "before");
    assertThrows(
        IllegalStateException.class,
        () -> output.writeRecord(ProtocolOutput.recordHead("s", null), HALF_THEN_THROW, "x", 1L));
    output.log(AirbyteLogMessage.Level.INFO, "after");
    assertEquals(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"before\"}}\n"
            + "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"after\"}}\n",
        text());
  }

  @Test
  void aSerializerIoExceptionIsWrappedAndRolledBack() {
    RecordSerializer<String> broken =
        (v, g) -> {
          g.writeStartObject();
          throw new IOException("disk");
        };
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> output.writeRecord(ProtocolOutput.recordHead("s", null), broken, "x", 1L));
    output.log(AirbyteLogMessage.Level.INFO, "ok");
    assertEquals("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"ok\"}}\n", text());
  }

  @Test
  void aSerializerThatLogsGetsItsLogAfterTheRecord() {
    RecordSerializer<String> chatty =
        (v, g) -> {
          g.writeStartObject();
          output.log(AirbyteLogMessage.Level.INFO, "inside");
          g.writeStringField("v", v);
          g.writeEndObject();
        };
    output.writeRecord(ProtocolOutput.recordHead("s", null), chatty, "x", 5L);
    assertEquals(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"v\":\"x\"},"
            + "\"emitted_at\":5}}\n{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"inside\"}}\n",
        text());
  }

  @Test
  void logTraceAndStatusTextIsMasked() {
    masker.register("hunter22");
    output.log(AirbyteLogMessage.Level.WARN, "pw=hunter22");
    output.write(
        AirbyteMessage.connectionStatus(AirbyteConnectionStatus.Status.FAILED, "bad hunter22"));
    String s = text();
    assertTrue(s.contains("pw=****") && s.contains("bad ****") && !s.contains("hunter22"), s);
  }

  @Test
  void nothingReachesTheSinkBeforeFlushUnlessTheBufferFills() {
    output.log(AirbyteLogMessage.Level.INFO, "small");
    assertEquals(0, out.size());
    String big = "x".repeat(140_000);
    output.log(AirbyteLogMessage.Level.INFO, big);
    // whole 64 KiB blocks, the size of a pipe, go out at once; the rest waits for a flush
    assertEquals(2 * 65_536, out.size());
    assertTrue(text().endsWith(big + "\"}}\n"));
  }

  @Test
  void chunksOfOtherOutputsGoOutInWholeBlocksAfterWhatIsBuffered() {
    List<Integer> writes = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ProtocolOutput stdout =
        new ProtocolOutput(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                writes.add(len);
                all.write(b, off, len);
              }
            },
            masker);
    stdout.log(AirbyteLogMessage.Level.INFO, "first"); // buffered before the chunks
    StringBuilder expected = new StringBuilder();
    int n = 0;
    for (int size : new int[] {100, 70_000, 300_000, 5, 65_536, 200_000}) {
      String chunk = "{\"n\":" + n++ + ",\"pad\":\"" + "y".repeat(size) + "\"}\n";
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      stdout.writeLines(bytes, 0, bytes.length);
      expected.append(chunk);
    }
    assertTrue(writes.stream().allMatch(len -> len % 65_536 == 0), writes.toString());
    stdout.flush();
    String written = all.toString(StandardCharsets.UTF_8);
    int firstLine = written.indexOf('\n') + 1;
    assertTrue(
        written.substring(0, firstLine).contains("\"message\":\"first\""),
        written.substring(0, firstLine));
    assertEquals(expected.toString(), written.substring(firstLine));
    assertTrue(writes.get(writes.size() - 1) < 65_536, "the rest goes out at the flush");
  }

  @Test
  void concurrentWritersProduceWholeLines() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    RecordSerializer<Integer> ser =
        (v, g) -> {
          g.writeStartObject();
          g.writeNumberField("n", v);
          g.writeEndObject();
        };
    for (int t = 0; t < 4; t++) {
      pool.submit(
          () -> {
            for (int i = 0; i < 2000; i++) {
              output.writeRecord(ProtocolOutput.recordHead("s", null), ser, i, 1L);
              output.log(AirbyteLogMessage.Level.INFO, "line " + i);
            }
          });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    List<String> lines = new ArrayList<>(List.of(text().split("\n")));
    assertEquals(16_000, lines.size());
    for (String line : lines) {
      assertTrue(line.startsWith("{\"type\":\"") && line.endsWith("}}"), line);
    }
  }

  @Test
  void fallbackLineKeepsCommittedLinesAndDropsTheMessageBeingWritten() {
    output.log(AirbyteLogMessage.Level.INFO, "kept");
    byte[] fallback =
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"x\"}}\n"
            .getBytes(StandardCharsets.UTF_8);
    RecordSerializer<Object> failsHalfway =
        (value, g) -> {
          g.writeStartObject();
          g.writeStringField("half", "written");
          output.writeFallbackLine(fallback); // as the fatal-error path does mid-message
          throw new IllegalStateException("out of memory, say");
        };
    assertThrows(
        IllegalStateException.class,
        () -> output.writeRecord(ProtocolOutput.recordHead("s", null), failsHalfway, "r", 1));
    assertEquals(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"kept\"}}\n"
            + "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"x\"}}\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void fallbackLineDropsThePartialMessage() {
    output.log(AirbyteLogMessage.Level.INFO, "kept");
    output.writeFallbackLine(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"x\"}}\n"
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"kept\"}}\n"
            + "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"x\"}}\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
