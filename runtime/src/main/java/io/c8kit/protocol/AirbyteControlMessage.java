package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** CONTROL payload: asks the platform to persist an updated connector config. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "emitted_at", "connectorConfig"})
public final class AirbyteControlMessage extends ProtocolObject {
  /** The only control type. */
  public enum Type {
    CONNECTOR_CONFIG
  }

  /** {@code connectorConfig}: the new config. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class ConnectorConfig extends ProtocolObject {
    @JsonProperty("config")
    public JsonNode config;
  }

  @JsonProperty("type")
  public Type type;

  @JsonProperty("emitted_at")
  @JsonSerialize(using = PlainDoubleSerializer.class)
  public Double emittedAt;

  @JsonProperty("connectorConfig")
  public ConnectorConfig connectorConfig;
}
