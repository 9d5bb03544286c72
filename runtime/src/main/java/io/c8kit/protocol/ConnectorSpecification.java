package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** SPEC payload: the connector's config schema and capabilities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "documentationUrl", "changelogUrl", "connectionSpecification", "supportsIncremental",
  "supportsNormalization", "supportsDBT", "supported_destination_sync_modes", "authSpecification",
  "advanced_auth", "protocol_version"
})
public final class ConnectorSpecification extends ProtocolObject {
  @JsonProperty("documentationUrl")
  public String documentationUrl;

  @JsonProperty("changelogUrl")
  public String changelogUrl;

  @JsonProperty("connectionSpecification")
  public JsonNode connectionSpecification;

  @JsonProperty("supportsIncremental")
  public Boolean supportsIncremental;

  @JsonProperty("supportsNormalization")
  public Boolean supportsNormalization;

  @JsonProperty("supportsDBT")
  public Boolean supportsDbt;

  @JsonProperty("supported_destination_sync_modes")
  public List<DestinationSyncMode> supportedDestinationSyncModes;

  @JsonProperty("authSpecification")
  public JsonNode authSpecification;

  @JsonProperty("advanced_auth")
  public JsonNode advancedAuth;

  @JsonProperty("protocol_version")
  public String protocolVersion;
}
