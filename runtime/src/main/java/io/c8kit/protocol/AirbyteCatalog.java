package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** CATALOG payload: the streams a source offers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AirbyteCatalog extends ProtocolObject {
  @JsonProperty("streams")
  public List<AirbyteStream> streams = new ArrayList<>();
}
