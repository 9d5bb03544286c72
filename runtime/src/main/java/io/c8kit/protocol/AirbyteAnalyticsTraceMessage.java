package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** TRACE ANALYTICS: a static event name and an optional value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "value"})
public final class AirbyteAnalyticsTraceMessage extends ProtocolObject {
  @JsonProperty("type")
  public String type;

  @JsonProperty("value")
  public String value;
}
