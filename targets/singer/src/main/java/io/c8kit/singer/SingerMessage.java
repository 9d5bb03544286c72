package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One parsed Singer message, as singer-python's {@code parse_message} reads it. */
sealed interface SingerMessage {
  /** SCHEMA: a stream's JSON schema and key. */
  record Schema(
      String stream, ObjectNode schema, List<String> keyProperties, List<String> bookmarkProperties)
      implements SingerMessage {}

  /** RECORD; {@code version} is null unless the stream is versioned (full table). */
  record Record(String stream, ObjectNode record, Long version) implements SingerMessage {}

  /** STATE: the tap's whole state value, passed through untouched. */
  record State(JsonNode value) implements SingerMessage {}

  /** ACTIVATE_VERSION: the stream's data is now exactly the records of {@code version}. */
  record ActivateVersion(String stream, long version) implements SingerMessage {}

  /** Any other type: singer-python's parser returns None for it. */
  record Other(String type) implements SingerMessage {}
}
