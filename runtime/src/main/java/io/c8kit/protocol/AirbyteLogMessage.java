package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** LOG payload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"level", "message", "stack_trace"})
public final class AirbyteLogMessage extends ProtocolObject {
  /** Log levels, upper case on the wire. */
  public enum Level {
    FATAL,
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }

  @JsonProperty("level")
  public Level level;

  @JsonProperty("message")
  public String message;

  @JsonProperty("stack_trace")
  public String stackTrace;

  public AirbyteLogMessage() {}

  public AirbyteLogMessage(Level level, String message) {
    this.level = level;
    this.message = message;
  }
}
