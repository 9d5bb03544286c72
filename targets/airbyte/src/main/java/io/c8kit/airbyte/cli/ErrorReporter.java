package io.c8kit.airbyte.cli;

import io.c8kit.protocol.AirbyteErrorTraceMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteTraceMessage;
import io.c8kit.protocol.FailureType;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.runtime.ErrorClassifier;
import io.c8kit.runtime.config.InputFileException;
import io.c8kit.runtime.output.LogRouting;
import io.c8kit.runtime.output.MaskedThrowable;
import io.c8kit.runtime.read.StreamReadException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Builds the one TRACE ERROR that ends a failed command: failure type from the connector's {@link
 * ErrorClassifier}, a user-facing message, the exception as internal message and the full stack
 * trace. {@link io.c8kit.airbyte.output.ProtocolOutput} masks the text when it is written.
 */
public final class ErrorReporter {
  static final String SYSTEM_PREFIX = "Something went wrong in the connector: ";

  private static final byte[] FALLBACK_HEAD =
      "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":"
          .getBytes(StandardCharsets.US_ASCII);

  private ErrorReporter() {}

  /** The TRACE ERROR for {@code error}. */
  public static AirbyteMessage trace(Throwable error, ErrorClassifier classifier) {
    FailureType type = classifier.classify(error);
    AirbyteErrorTraceMessage e = new AirbyteErrorTraceMessage();
    e.failureType = type;
    e.message = userMessage(error, type, classifier);
    e.internalMessage = String.valueOf(error);
    // A bad input file is the user's to fix, and the message says how; a Java trace adds only noise
    // (and Jackson's "REDACTED ... INCLUDE_SOURCE_IN_LOCATION" text).
    e.stackTrace = inputFileProblem(error) ? null : LogRouting.stackTrace(error);
    e.streamDescriptor = streamOf(error);
    return wrap(e);
  }

  /** A TRACE ERROR config_error without a stack trace, for command-line usage errors. */
  public static AirbyteMessage usageError(String message) {
    AirbyteErrorTraceMessage e = new AirbyteErrorTraceMessage();
    e.failureType = FailureType.CONFIG_ERROR;
    e.message = "Invalid command line: " + message;
    e.internalMessage = e.message;
    return wrap(e);
  }

  /**
   * A TRACE ERROR system_error without a stack trace, for a jar that cannot start its connector.
   */
  public static AirbyteMessage systemError(String message) {
    AirbyteErrorTraceMessage e = new AirbyteErrorTraceMessage();
    e.failureType = FailureType.SYSTEM_ERROR;
    e.message = message;
    e.internalMessage = message;
    return wrap(e);
  }

  private static AirbyteMessage wrap(AirbyteErrorTraceMessage error) {
    AirbyteTraceMessage trace = new AirbyteTraceMessage();
    trace.type = AirbyteTraceMessage.Type.ERROR;
    trace.emittedAt = (double) System.currentTimeMillis();
    trace.error = error;
    return AirbyteMessage.trace(trace);
  }

  /**
   * The message users see: for config and transient errors the message of the classified exception
   * (a connector's {@code ConfigException("Wrong password for user x")} reads as is, even when
   * wrapped); for system errors {@code "Something went wrong in the connector: <summary>"}.
   */
  static String userMessage(Throwable error, FailureType type, ErrorClassifier classifier) {
    if (type == FailureType.SYSTEM_ERROR) {
      return SYSTEM_PREFIX + MaskedThrowable.summary(error);
    }
    Throwable classified = classified(error, type, classifier);
    return MaskedThrowable.summary(classified);
  }

  /**
   * The deepest exception in the chain that still classifies as {@code type} on its own account,
   * i.e. whose cause does not explain the classification.
   */
  private static Throwable classified(
      Throwable error, FailureType type, ErrorClassifier classifier) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable found = error;
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (classifier.classify(t) != type) {
        break;
      }
      if (!(t instanceof StreamReadException)) {
        found = t;
      }
    }
    return found;
  }

  /**
   * Whether the chain holds an {@link InputFileException}: a problem with a file the user passed.
   */
  static boolean inputFileProblem(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof InputFileException) {
        return true;
      }
    }
    return false;
  }

  /** The stream of the first {@link StreamReadException} in the chain, or {@code null}. */
  static StreamDescriptor streamOf(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof StreamReadException s && s.stream() != null) {
        return new StreamDescriptor(s.stream().name, s.stream().namespace);
      }
    }
    return null;
  }

  /**
   * A hand-built TRACE line for when building the normal one failed (out of memory): no Jackson, no
   * stack trace; the class name is the only variable text.
   */
  static byte[] fallbackLine(Throwable error) {
    String name = error == null ? "java.lang.Error" : error.getClass().getName();
    String tail =
        ".0,\"error\":{\"message\":\""
            + SYSTEM_PREFIX
            + name
            + "\",\"internal_message\":\""
            + name
            + "\",\"failure_type\":\"system_error\"}}}\n";
    byte[] time = Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII);
    byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[FALLBACK_HEAD.length + time.length + tailBytes.length];
    System.arraycopy(FALLBACK_HEAD, 0, line, 0, FALLBACK_HEAD.length);
    System.arraycopy(time, 0, line, FALLBACK_HEAD.length, time.length);
    System.arraycopy(tailBytes, 0, line, FALLBACK_HEAD.length + time.length, tailBytes.length);
    return line;
  }
}
