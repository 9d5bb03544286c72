package io.c8kit.airbyte.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.runtime.output.LogDestination;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.output.LogRouting;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@SuppressWarnings("try")
class LogRoutingTest {
  @Test
  void routesJulSlf4jAndStdoutToLogMessagesAndRestoresEverything() {
    Logger root = Logger.getLogger("");
    Handler[] handlers = root.getHandlers();
    Level level = root.getLevel();
    PrintStream sysOut = System.out;
    PrintStream sysErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SecretMasker masker = new SecretMasker();
    masker.register("s3cr3t!");
    ProtocolOutput output = new ProtocolOutput(out, masker);
    try (LogRouting.Scope scope = LogRouting.enter(output, err, Level.INFO)) {
      Logger.getLogger("a.b").info("jul s3cr3t!");
      Logger.getLogger("a.b").fine("hidden below INFO");
      Logger.getLogger("a.b").log(Level.SEVERE, "boom", new IllegalStateException("s3cr3t!"));
      LoggerFactory.getLogger("c.d").warn("slf4j {}", "s3cr3t!");
      LoggerFactory.getLogger("c.d").debug("slf4j debug hidden");
      System.out.println("printed s3cr3t!");
      System.out.print("partial");
      System.err.println("err s3cr3t!");
    }
    output.flush();
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        String.join(
            "\n",
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"jul ****\"}}",
            "{\"type\":\"LOG\",\"log\":{\"level\":\"ERROR\",\"message\":\"boom\",\"stack_trace\":"
                + "\"java.lang.IllegalStateException: ****"),
        stdout.substring(0, stdout.indexOf("\\n\\tat ")));
    assertTrue(stdout.contains("{\"level\":\"WARN\",\"message\":\"slf4j ****\"}"), stdout);
    assertTrue(stdout.contains("{\"level\":\"INFO\",\"message\":\"printed ****\"}"), stdout);
    assertTrue(stdout.contains("{\"level\":\"INFO\",\"message\":\"partial\"}"), stdout);
    assertTrue(!stdout.contains("hidden"), stdout);
    assertEquals("err ****\n", err.toString(StandardCharsets.UTF_8));

    assertArrayEquals(handlers, root.getHandlers());
    assertEquals(level, root.getLevel());
    assertSame(sysOut, System.out);
    assertSame(sysErr, System.err);
  }

  @Test
  void logFacadeWritesLogMessages() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtocolOutput output = new ProtocolOutput(out, new SecretMasker());
    try (LogRouting.Scope scope =
        LogRouting.enter(output, new ByteArrayOutputStream(), Level.INFO)) {
      io.c8kit.runtime.Log.info("hello");
      io.c8kit.runtime.Log.debug("not shown");
      io.c8kit.runtime.Log.error("bad {0}", new IllegalStateException("x"));
    }
    output.flush();
    String s = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        s.startsWith(
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hello\"}}\n"
                + "{\"type\":\"LOG\",\"log\":{\"level\":\"ERROR\",\"message\":\"bad {0}\",\"stack_trace\":"
                + "\"java.lang.IllegalStateException: x"),
        s);
  }

  @Test
  void levelsMapAndParse() {
    assertEquals(AirbyteLogMessage.Level.ERROR, LogLevels.toAirbyte(Level.SEVERE));
    assertEquals(AirbyteLogMessage.Level.WARN, LogLevels.toAirbyte(Level.WARNING));
    assertEquals(AirbyteLogMessage.Level.INFO, LogLevels.toAirbyte(Level.INFO));
    assertEquals(AirbyteLogMessage.Level.DEBUG, LogLevels.toAirbyte(Level.CONFIG));
    assertEquals(AirbyteLogMessage.Level.DEBUG, LogLevels.toAirbyte(Level.FINE));
    assertEquals(AirbyteLogMessage.Level.TRACE, LogLevels.toAirbyte(Level.FINEST));
    assertEquals(Level.FINE, LogLevels.parse("debug", Level.INFO));
    assertEquals(Level.WARNING, LogLevels.parse("WARN", Level.INFO));
    assertEquals(Level.ALL, LogLevels.parse("trace", Level.INFO));
    assertEquals(Level.INFO, LogLevels.parse("loud", Level.INFO));
  }

  @Test
  void debugLevelLetsDebugThrough() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProtocolOutput output = new ProtocolOutput(out, new SecretMasker());
    try (LogRouting.Scope scope =
        LogRouting.enter(output, new ByteArrayOutputStream(), Level.FINE)) {
      LoggerFactory.getLogger("c.d").debug("now visible");
      Logger.getLogger("a").finest("still hidden");
    }
    output.flush();
    assertEquals(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"DEBUG\",\"message\":\"now visible\"}}\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anyDestinationReceivesTheRecordsAndAFailingOneFallsBackToStderr() {
    java.util.List<String> received = new java.util.ArrayList<>();
    SecretMasker masker = new SecretMasker();
    masker.register("s3cr3t!");
    LogDestination failing =
        new LogDestination() {
          @Override
          public SecretMasker masker() {
            return masker;
          }

          @Override
          public void log(Level level, String message, String stackTrace) {
            received.add(level + " " + message + " " + (stackTrace != null));
            if (level == Level.SEVERE) {
              throw new IllegalStateException("destination closed");
            }
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (LogRouting.Scope scope = LogRouting.enter(failing, err, Level.INFO)) {
      Logger.getLogger("a.b").info("kept");
      System.out.println("printed");
      Logger.getLogger("a.b").log(Level.SEVERE, "", new IllegalStateException("s3cr3t!"));
    }
    assertEquals(
        java.util.List.of(
            "INFO kept false",
            "INFO printed false",
            "SEVERE java.lang.IllegalStateException: s3cr3t! true"),
        received);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        stderr.startsWith(
            "ERROR java.lang.IllegalStateException: ****"
                + System.lineSeparator()
                + "java.lang.IllegalStateException: ****"),
        stderr);
    assertTrue(!stderr.contains("s3cr3t!"), stderr);
  }
}
