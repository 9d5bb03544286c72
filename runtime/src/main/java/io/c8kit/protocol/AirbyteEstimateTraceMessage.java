package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** TRACE ESTIMATE: expected rows/bytes of a stream or the whole sync. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "type", "namespace", "row_estimate", "byte_estimate"})
public final class AirbyteEstimateTraceMessage extends ProtocolObject {
  /** STREAM or SYNC. */
  public enum Type {
    STREAM,
    SYNC
  }

  @JsonProperty("name")
  public String name;

  @JsonProperty("type")
  public Type type;

  @JsonProperty("namespace")
  public String namespace;

  @JsonProperty("row_estimate")
  public Long rowEstimate;

  @JsonProperty("byte_estimate")
  public Long byteEstimate;
}
