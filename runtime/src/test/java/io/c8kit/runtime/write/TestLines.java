package io.c8kit.runtime.write;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.DestinationConnector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the engine's tests: turns JSON lines in the shape of Airbyte messages (RECORD, STATE,
 * STREAM_STATUS traces) into {@link WriteInput} events, so the engine is tested without the Airbyte
 * target, which owns the real stdin parsing (and its tests). A plain tree parser: good input only,
 * with a short {@link WriteInputException} for anything else.
 */
public final class TestLines {
  private static final ObjectReader TREES =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private static final String EOF = new String("end of input");

  private TestLines() {}

  /**
   * A whole write over the lines of {@code in}, as the Airbyte target runs one over stdin: opens a
   * {@link WriteRun} (buffer limits from the environment), feeds it to EOF and finishes it, or
   * aborts it with the failure and throws that.
   */
  public static <C> void write(
      DestinationConnector<C> connector,
      C config,
      ConfiguredAirbyteCatalog catalog,
      InputStream in,
      WriteOutput out)
      throws Exception {
    write(in, WriteRun.open(connector, config, catalog, out), true);
  }

  static void write(InputStream in, WriteRun run, boolean readerThread) throws Exception {
    feedRun(in, run, readerThread);
    run.finish();
  }

  /** Feeds {@code run} to EOF; on a failure aborts it and throws. */
  static void feedRun(InputStream in, WriteRun run, boolean readerThread) throws Exception {
    try {
      feed(in, run, readerThread);
    } catch (Throwable t) {
      run.abort(t);
      throw t;
    }
  }

  /**
   * Feeds each line of {@code in}; with {@code readerThread}, lines are read on a daemon thread so
   * that {@link WriteInput#idle()} is called while no input arrives.
   */
  static void feed(InputStream in, WriteInput input, boolean readerThread) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    long number = 0;
    if (!readerThread) {
      for (String line; (line = reader.readLine()) != null; ) {
        line(line, ++number, input);
      }
      return;
    }
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
    Thread thread =
        new Thread(
            () -> {
              try {
                for (String line; (line = reader.readLine()) != null; ) {
                  queue.put(line);
                }
                queue.put(EOF);
              } catch (IOException e) {
                queue.add(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "test-lines");
    thread.setDaemon(true);
    thread.start();
    try {
      while (true) {
        long timeout = input.idleTimeoutNanos();
        Object next = timeout < 0 ? queue.take() : queue.poll(timeout, TimeUnit.NANOSECONDS);
        if (next == null) {
          input.idle();
        } else if (next instanceof IOException e) {
          throw e;
        } else if (next == EOF) {
          return;
        } else {
          line((String) next, ++number, input);
        }
      }
    } finally {
      thread.interrupt();
    }
  }

  private static void line(String line, long number, WriteInput input) throws Exception {
    if (line.isBlank()) {
      input.ignored(number);
      return;
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    JsonNode message;
    try {
      message = TREES.readTree(bytes);
    } catch (IOException e) {
      throw new WriteInputException(number, "malformed JSON", e);
    }
    switch (message.path("type").asText()) {
      case "RECORD" -> {
        JsonNode record = message.path("record");
        if (!record.path("stream").isTextual() || !record.path("data").isObject()) {
          throw new WriteInputException(number, "malformed RECORD");
        }
        input.record(
            text(record.get("namespace")),
            record.get("stream").textValue(),
            rawData(bytes),
            record.path("emitted_at").asLong(),
            record.get("meta") instanceof ObjectNode meta ? meta : null,
            bytes.length,
            number);
      }
      case "STATE" -> {
        JsonNode state = message.path("state");
        if (!state.isObject()) {
          throw new WriteInputException(number, "malformed STATE");
        }
        ObjectNode echo = Protocol.mapper().createObjectNode().put("type", "STATE");
        echo.set("state", state);
        message.properties().forEach(e -> echo.putIfAbsent(e.getKey(), e.getValue()));
        JsonNode descriptor = state.path("stream").path("stream_descriptor");
        if ("STREAM".equals(state.path("type").asText())) {
          input.state(
              text(descriptor.get("namespace")), descriptor.path("name").asText(), echo, number);
        } else {
          input.state(null, null, echo, number);
        }
      }
      case "TRACE" -> {
        JsonNode status = message.path("trace").path("stream_status");
        if (!"STREAM_STATUS".equals(message.path("trace").path("type").asText())) {
          input.ignored(number);
          return;
        }
        JsonNode descriptor = status.path("stream_descriptor");
        if ("COMPLETE".equals(status.path("status").asText())
            && descriptor.path("name").isTextual()) {
          input.streamStatus(
              text(descriptor.get("namespace")), descriptor.get("name").textValue(), true, number);
        } else {
          input.streamStatus(null, null, false, number);
        }
      }
      default -> input.ignored(number);
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The bytes of {@code record.data} exactly as they are in the line. */
  private static byte[] rawData(byte[] line) throws IOException {
    try (JsonParser p = Protocol.mapper().getFactory().createParser(line)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean record = p.currentName().equals("record");
        p.nextToken();
        if (!record) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          boolean data = p.currentName().equals("data");
          p.nextToken();
          int start = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          if (data) {
            return Arrays.copyOfRange(line, start, (int) p.currentLocation().getByteOffset());
          }
        }
      }
    }
    throw new IllegalStateException("no record.data");
  }
}
