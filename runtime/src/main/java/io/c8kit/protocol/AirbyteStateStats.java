package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * {@code sourceStats}/{@code destinationStats} of a STATE: counts since the previous state, as
 * doubles.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"recordCount", "rejectedRecordCount"})
public final class AirbyteStateStats extends ProtocolObject {
  @JsonProperty("recordCount")
  @JsonSerialize(using = PlainDoubleSerializer.class)
  public Double recordCount;

  @JsonProperty("rejectedRecordCount")
  @JsonSerialize(using = PlainDoubleSerializer.class)
  public Double rejectedRecordCount;

  public AirbyteStateStats() {}

  public AirbyteStateStats(double recordCount) {
    this.recordCount = recordCount;
  }
}
