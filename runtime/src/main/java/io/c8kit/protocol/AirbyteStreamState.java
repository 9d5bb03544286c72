package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** The state of one stream; a null {@code stream_state} means "reset this stream". */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"stream_descriptor", "stream_state"})
public final class AirbyteStreamState extends ProtocolObject {
  @JsonProperty("stream_descriptor")
  public StreamDescriptor streamDescriptor;

  @JsonProperty("stream_state")
  public JsonNode streamState;

  public AirbyteStreamState() {}

  public AirbyteStreamState(StreamDescriptor descriptor, JsonNode streamState) {
    this.streamDescriptor = descriptor;
    this.streamState = streamState;
  }
}
