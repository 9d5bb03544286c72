package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every protocol object: the protocol declares {@code additionalProperties: true}
 * everywhere, so unknown fields are kept here and written back when the object is echoed (e.g. the
 * platform's state {@code id}).
 */
public abstract class ProtocolObject {
  private final Map<String, JsonNode> additionalProperties = new LinkedHashMap<>();

  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  @JsonAnySetter
  public void additionalProperty(String name, JsonNode value) {
    additionalProperties.put(name, value);
  }
}
