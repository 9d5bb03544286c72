package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** TRACE STREAM_STATUS: a stream's lifecycle STARTED → RUNNING → COMPLETE | INCOMPLETE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"stream_descriptor", "status", "reasons"})
public final class AirbyteStreamStatusTraceMessage extends ProtocolObject {
  /** Stream lifecycle states. */
  public enum Status {
    STARTED,
    RUNNING,
    COMPLETE,
    INCOMPLETE
  }

  @JsonProperty("stream_descriptor")
  public StreamDescriptor streamDescriptor;

  @JsonProperty("status")
  public Status status;

  /** Reasons such as {@code {"type":"RATE_LIMITED","rate_limited":{"quota_reset":…}}}. */
  @JsonProperty("reasons")
  public List<JsonNode> reasons;

  public AirbyteStreamStatusTraceMessage() {}

  public AirbyteStreamStatusTraceMessage(StreamDescriptor descriptor, Status status) {
    this.streamDescriptor = descriptor;
    this.status = status;
  }
}
