package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One stream of a configured catalog, as chosen by the user for {@code read}/{@code write}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "stream", "sync_mode", "cursor_field", "destination_sync_mode", "destination_object_name",
  "primary_key", "generation_id", "minimum_generation_id", "sync_id", "include_files"
})
public final class ConfiguredAirbyteStream extends ProtocolObject {
  @JsonProperty("stream")
  public AirbyteStream stream;

  @JsonProperty("sync_mode")
  public SyncMode syncMode;

  @JsonProperty("cursor_field")
  public List<String> cursorField;

  @JsonProperty("destination_sync_mode")
  public DestinationSyncMode destinationSyncMode;

  @JsonProperty("destination_object_name")
  public String destinationObjectName;

  @JsonProperty("primary_key")
  public List<List<String>> primaryKey;

  @JsonProperty("generation_id")
  public Long generationId;

  @JsonProperty("minimum_generation_id")
  public Long minimumGenerationId;

  @JsonProperty("sync_id")
  public Long syncId;

  @JsonProperty("include_files")
  public Boolean includeFiles;
}
