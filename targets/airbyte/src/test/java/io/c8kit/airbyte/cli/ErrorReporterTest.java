package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import io.c8kit.protocol.AirbyteErrorTraceMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.FailureType;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.runtime.ErrorClassifier;
import io.c8kit.runtime.read.StreamReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
  static final class Declared extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Declared(String m) {
      super(m);
    }
  }

  private final ErrorClassifier classifier = ErrorClassifier.of(List.of(Declared.class), List.of());

  private AirbyteErrorTraceMessage error(Throwable t) {
    AirbyteMessage m = ErrorReporter.trace(t, classifier);
    assertEquals(AirbyteMessage.Type.TRACE, m.type);
    assertTrue(m.trace.emittedAt > 1.6e12);
    return m.trace.error;
  }

  @Test
  void systemErrors() {
    AirbyteErrorTraceMessage e =
        error(new IllegalStateException("boom", new IOException("disk full")));
    assertEquals(FailureType.SYSTEM_ERROR, e.failureType);
    assertEquals("Something went wrong in the connector: boom", e.message);
    assertEquals("java.lang.IllegalStateException: boom", e.internalMessage);
    assertTrue(e.stackTrace.contains("Caused by: java.io.IOException: disk full"), e.stackTrace);
    assertNull(e.streamDescriptor);
    assertEquals(
        "Something went wrong in the connector: NullPointerException",
        error(new NullPointerException()).message.replace("java.lang.", ""));
  }

  @Test
  void configAndTransientErrorsShowTheClassifiedMessage() {
    assertEquals(
        "bad password",
        error(new RuntimeException("wrapper", new ConfigException("bad password"))).message);
    AirbyteErrorTraceMessage declared = error(new Declared("denied"));
    assertEquals(FailureType.CONFIG_ERROR, declared.failureType);
    assertEquals("denied", declared.message);
    AirbyteErrorTraceMessage t = error(new TransientException("429 slow down"));
    assertEquals(FailureType.TRANSIENT_ERROR, t.failureType);
    assertEquals("429 slow down", t.message);
  }

  @Test
  void streamFailuresCarryTheirDescriptor() {
    AirbyteErrorTraceMessage e =
        error(
            new StreamReadException(
                new StreamDescriptor("users", "ns"), new ConfigException("table users is gone")));
    assertEquals(FailureType.CONFIG_ERROR, e.failureType);
    assertEquals("table users is gone", e.message);
    assertEquals("users", e.streamDescriptor.name);
    assertEquals("ns", e.streamDescriptor.namespace);
  }

  @Test
  void fallbackLineIsAValidTrace() throws Exception {
    byte[] line = ErrorReporter.fallbackLine(new OutOfMemoryError("Java heap space"));
    String text = new String(line, StandardCharsets.US_ASCII);
    assertTrue(text.endsWith("}}}\n"));
    JsonNode node = Protocol.mapper().readTree(text);
    assertEquals("ERROR", node.path("trace").path("type").asText());
    assertEquals("system_error", node.path("trace").path("error").path("failure_type").asText());
    assertEquals(
        "Something went wrong in the connector: java.lang.OutOfMemoryError",
        node.path("trace").path("error").path("message").asText());
    assertTrue(node.path("trace").path("emitted_at").isNumber());
    assertTrue(text.contains(".0,\"error\""));
  }
}
