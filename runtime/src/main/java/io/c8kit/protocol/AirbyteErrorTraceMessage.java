package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** TRACE ERROR details: a user-facing message, internals and the failure type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "message",
  "internal_message",
  "stack_trace",
  "failure_type",
  "stream_descriptor"
})
public final class AirbyteErrorTraceMessage extends ProtocolObject {
  @JsonProperty("message")
  public String message;

  @JsonProperty("internal_message")
  public String internalMessage;

  @JsonProperty("stack_trace")
  public String stackTrace;

  @JsonProperty("failure_type")
  public FailureType failureType;

  @JsonProperty("stream_descriptor")
  public StreamDescriptor streamDescriptor;
}
