package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** The {@code --catalog} input of {@code read} and {@code write}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConfiguredAirbyteCatalog extends ProtocolObject {
  @JsonProperty("streams")
  public List<ConfiguredAirbyteStream> streams = new ArrayList<>();
}
