package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * STATE payload. {@code type} absent on the wire means LEGACY (read-only here: sources never emit
 * it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "stream", "global", "data", "sourceStats", "destinationStats"})
public final class AirbyteStateMessage extends ProtocolObject {
  /** STREAM, GLOBAL or LEGACY. */
  public enum Type {
    GLOBAL,
    STREAM,
    LEGACY
  }

  @JsonProperty("type")
  public Type type;

  @JsonProperty("stream")
  public AirbyteStreamState stream;

  @JsonProperty("global")
  public AirbyteGlobalState global;

  @JsonProperty("data")
  public JsonNode data;

  @JsonProperty("sourceStats")
  public AirbyteStateStats sourceStats;

  @JsonProperty("destinationStats")
  public AirbyteStateStats destinationStats;

  /** The effective type: LEGACY when the wire omitted it. */
  public Type effectiveType() {
    return type == null ? Type.LEGACY : type;
  }
}
