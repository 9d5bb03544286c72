package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** TRACE payload: an error, an estimate, a stream status or an analytics event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "emitted_at", "error", "estimate", "stream_status", "analytics"})
public final class AirbyteTraceMessage extends ProtocolObject {
  /** The kind of trace. */
  public enum Type {
    ERROR,
    ESTIMATE,
    STREAM_STATUS,
    ANALYTICS
  }

  @JsonProperty("type")
  public Type type;

  /** Epoch milliseconds, a number (double) on the wire. */
  @JsonProperty("emitted_at")
  @JsonSerialize(using = PlainDoubleSerializer.class)
  public Double emittedAt;

  @JsonProperty("error")
  public AirbyteErrorTraceMessage error;

  @JsonProperty("estimate")
  public AirbyteEstimateTraceMessage estimate;

  @JsonProperty("stream_status")
  public AirbyteStreamStatusTraceMessage streamStatus;

  @JsonProperty("analytics")
  public AirbyteAnalyticsTraceMessage analytics;
}
