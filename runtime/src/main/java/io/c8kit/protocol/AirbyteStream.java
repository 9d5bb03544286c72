package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One stream of a discovered catalog. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "name",
  "json_schema",
  "supported_sync_modes",
  "source_defined_cursor",
  "default_cursor_field",
  "source_defined_primary_key",
  "namespace",
  "is_resumable",
  "is_file_based"
})
public final class AirbyteStream extends ProtocolObject {
  @JsonProperty("name")
  public String name;

  @JsonProperty("json_schema")
  public JsonNode jsonSchema;

  @JsonProperty("supported_sync_modes")
  public List<SyncMode> supportedSyncModes;

  @JsonProperty("source_defined_cursor")
  public Boolean sourceDefinedCursor;

  @JsonProperty("default_cursor_field")
  public List<String> defaultCursorField;

  @JsonProperty("source_defined_primary_key")
  public List<List<String>> sourceDefinedPrimaryKey;

  @JsonProperty("namespace")
  public String namespace;

  @JsonProperty("is_resumable")
  public Boolean isResumable;

  @JsonProperty("is_file_based")
  public Boolean isFileBased;
}
