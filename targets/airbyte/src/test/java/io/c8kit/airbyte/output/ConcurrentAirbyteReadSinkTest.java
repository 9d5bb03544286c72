package io.c8kit.airbyte.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.read.ReadSink;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Streams written from their own threads: whole lines, each stream in order, STATE after its
 * records, bounded.
 */
class ConcurrentAirbyteReadSinkTest {
  /** A record of about 1 KiB, so a few hundred fill a 64 KiB chunk. */
  private static final RecordSerializer<Long> WIDE =
      (id, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("pad", "x".repeat(1000));
        g.writeEndObject();
      };

  private static final int RECORDS = 2000;
  private static final int STATE_EVERY = 150;

  /** Records of the memory-bound test: well above what the buffers may hold. */
  private static final int BOUNDED_RECORDS = 5_000;

  private static void writeStream(ReadSink sink, String name) {
    ReadSink.Stream stream = sink.stream(name, null);
    stream.status(ReadSink.Status.STARTED, 1);
    stream.status(ReadSink.Status.RUNNING, 1);
    for (long id = 1; id <= RECORDS; id++) {
      stream.record(WIDE, id, 2);
      if (id % STATE_EVERY == 0 || id == RECORDS) {
        stream.state(JsonNodeFactory.instance.objectNode().put("cursor", id), STATE_EVERY);
      }
      if (id % 500 == 0) {
        sink.log(Level.INFO, name + " at " + id); // a log from a stream thread, between chunks
      }
    }
    stream.status(ReadSink.Status.COMPLETE, 3);
  }

  @Test
  void streamsWrittenAtOnceArriveAsWholeLinesInTheirOwnOrder() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ProtocolOutput out = new ProtocolOutput(stdout, new SecretMasker());
    AirbyteReadSink sink = new AirbyteReadSink(out);
    List<String> names = List.of("a", "b", "c", "d");

    sink.beginConcurrent(names.size());
    List<Thread> threads = new ArrayList<>();
    for (String name : names) {
      Thread t = new Thread(() -> writeStream(sink, name));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(30_000);
    }
    sink.endConcurrent(); // everything is on stdout once this returns

    Map<String, Long> lastRecord = new HashMap<>();
    Map<String, StringBuilder> events = new HashMap<>();
    String previous = null;
    int switches = 0;
    for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode m = Protocol.mapper().readTree(line); // throws on a partial or merged line
      String type = m.get("type").asText();
      if (type.equals("LOG")) {
        continue;
      }
      String stream =
          switch (type) {
            case "RECORD" -> m.at("/record/stream").asText();
            case "STATE" -> m.at("/state/stream/stream_descriptor/name").asText();
            default -> m.at("/trace/stream_status/stream_descriptor/name").asText();
          };
      if (previous != null && !previous.equals(stream)) {
        switches++;
      }
      previous = stream;
      StringBuilder e = events.computeIfAbsent(stream, k -> new StringBuilder());
      if (type.equals("RECORD")) {
        long id = m.at("/record/data/id").asLong();
        assertEquals(
            lastRecord.getOrDefault(stream, 0L) + 1, id, "records of " + stream + " out of order");
        lastRecord.put(stream, id);
        e.append('r');
      } else if (type.equals("STATE")) {
        // a STATE covers exactly the records before it: its cursor is the last record written
        assertEquals(
            lastRecord.get(stream).longValue(), m.at("/state/stream/stream_state/cursor").asLong());
        e.append('T');
      } else {
        e.append(m.at("/trace/stream_status/status").asText().charAt(0));
      }
    }
    String expected =
        "SR"
            + ("r".repeat(STATE_EVERY) + "T").repeat(RECORDS / STATE_EVERY)
            + "r".repeat(RECORDS % STATE_EVERY)
            + "TC";
    for (String name : names) {
      assertEquals(expected, events.get(name).toString(), name);
    }
    assertTrue(switches >= names.size() - 1, "streams missing from the output");
  }

  @Test
  void aStreamWaitsWhenStdoutCannotKeepUpSoMemoryStaysBounded() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong written = new AtomicLong();
    OutputStream slow =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            written.addAndGet(len);
          }
        };
    AirbyteReadSink sink = new AirbyteReadSink(new ProtocolOutput(slow, new SecretMasker()));
    sink.beginConcurrent(1);
    AtomicLong handedOver = new AtomicLong();
    Thread producer =
        new Thread(
            () -> {
              ReadSink.Stream stream = sink.stream("a", null);
              for (long id = 1; id <= BOUNDED_RECORDS; id++) {
                stream.record(WIDE, id, 2);
                handedOver.set(id);
              }
              stream.status(ReadSink.Status.COMPLETE, 3);
            });
    producer.start();

    long deadline = System.currentTimeMillis() + 10_000;
    while (producer.getState() != Thread.State.WAITING && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    // blocked in the write to stdout: only the chunk being written (its stream's own buffer, about
    // 256 KiB of 1 KiB records) holds records, no queue
    assertEquals(Thread.State.WAITING, producer.getState());
    assertTrue(handedOver.get() < 600, "records held in memory: " + handedOver.get());

    release.countDown();
    producer.join(30_000);
    sink.endConcurrent();
    assertEquals(BOUNDED_RECORDS, handedOver.get());
    assertTrue(written.get() > BOUNDED_RECORDS * 1000L);
  }

  @Test
  void aStdoutThatFailsFailsTheStreamThatWritesNotSilently() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("Broken pipe");
          }

          @Override
          public void write(byte[] b, int off, int len) throws java.io.IOException {
            throw new java.io.IOException("Broken pipe");
          }
        };
    AirbyteReadSink sink = new AirbyteReadSink(new ProtocolOutput(broken, new SecretMasker()));
    sink.beginConcurrent(2);
    ReadSink.Stream stream = sink.stream("a", null);
    java.io.UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class,
            () -> {
              for (long id = 1; id <= BOUNDED_RECORDS; id++) {
                stream.record(WIDE, id, 2); // the first 256 KiB hand-over meets the broken pipe
              }
            });
    assertEquals("Broken pipe", rootCause(e).getMessage());
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
