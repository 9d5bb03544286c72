package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** GLOBAL state: a shared blob (e.g. a CDC position) plus per-stream states. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"shared_state", "stream_states"})
public final class AirbyteGlobalState extends ProtocolObject {
  @JsonProperty("shared_state")
  public JsonNode sharedState;

  @JsonProperty("stream_states")
  public List<AirbyteStreamState> streamStates;
}
