package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * RECORD payload. Sources on the hot path do not build this object: the read engine streams the
 * same shape directly; it is used for parsing and tests.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespace", "stream", "data", "emitted_at", "meta", "file_reference"})
public final class AirbyteRecordMessage extends ProtocolObject {
  @JsonProperty("namespace")
  public String namespace;

  @JsonProperty("stream")
  public String stream;

  @JsonProperty("data")
  public JsonNode data;

  /** Epoch milliseconds, an integer on the wire. */
  @JsonProperty("emitted_at")
  public Long emittedAt;

  @JsonProperty("meta")
  public JsonNode meta;

  @JsonProperty("file_reference")
  public JsonNode fileReference;
}
