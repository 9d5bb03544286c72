package io.c8kit.runtime.read;

import io.c8kit.protocol.StreamDescriptor;
import java.util.Objects;

/**
 * A stream failed during {@code read}: its method threw, a record broke the stream's ordering
 * promise, or writing to stdout failed. The engine has already emitted STREAM_STATUS INCOMPLETE for
 * the stream and no STATE past its last safe checkpoint; no later stream was started. The original
 * failure is the {@linkplain #getCause() cause} (classify that one: a {@code ConfigException} from
 * the stream method is still a config error).
 */
public final class StreamReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient StreamDescriptor stream;

  public StreamReadException(StreamDescriptor stream, Throwable cause) {
    super(message(stream, cause), cause);
    this.stream = Objects.requireNonNull(stream, "stream");
  }

  private static String message(StreamDescriptor stream, Throwable cause) {
    String detail = cause == null ? null : cause.getMessage();
    if (detail == null || detail.isBlank()) {
      detail = cause == null ? "unknown failure" : cause.getClass().getName();
    }
    return "Stream '" + stream + "' failed: " + detail;
  }

  /**
   * The message, naming every other stream that failed in the same concurrent read (attached as
   * suppressed), so the TRACE ERROR's messages name them all.
   */
  @Override
  public String getMessage() {
    StringBuilder message = new StringBuilder(super.getMessage());
    String separator = "; other failed streams: ";
    for (Throwable other : getSuppressed()) {
      if (other instanceof StreamReadException s) {
        message.append(separator).append('\'').append(s.stream).append('\'');
        separator = ", ";
      }
    }
    return message.toString();
  }

  /** The stream that failed. */
  public StreamDescriptor stream() {
    return stream;
  }
}
