package io.c8kit.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.JsonTrees;
import io.c8kit.protocol.ProtocolObject;
import io.c8kit.protocol.SyncMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a {@code --catalog} file to {@link ConfiguredAirbyteCatalog} straight from the parser,
 * field by field, as the mapper's bean binding did (unknown fields kept, strict enums, scalars
 * accepted as text, the last of duplicate keys) without the bean deserializers' start-up cost.
 * Every mismatch is an {@link Invalid} naming the JSON path and where the value starts.
 */
final class CatalogReader {
  private final JsonParser p;

  /** The JSON path being read, {@code $.streams[0].stream}: for messages only. */
  private final StringBuilder path = new StringBuilder("$");

  private CatalogReader(JsonParser p) {
    this.p = p;
  }

  /** A value that does not fit the catalog: reason, JSON path and the value's location. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final String path;
    final transient JsonLocation location;

    Invalid(String reason, String path, JsonLocation location) {
      super(reason);
      this.path = path;
      this.location = location;
    }

    /** Malformed JSON inside the catalog, at {@code path}. */
    Invalid(JsonProcessingException cause, String path) {
      super(cause.getOriginalMessage(), cause);
      this.path = path;
      this.location = cause.getLocation();
    }
  }

  /** The catalog, or {@code null} for an empty file or a JSON {@code null}. */
  static ConfiguredAirbyteCatalog read(JsonParser p) throws IOException, Invalid {
    JsonToken t = p.nextToken();
    if (t == null || t == JsonToken.VALUE_NULL) {
      return null;
    }
    CatalogReader reader = new CatalogReader(p);
    try {
      return reader.catalog();
    } catch (JsonProcessingException e) {
      // Inside the catalog, say where, as the mapper did; at its start it is just not JSON.
      if (reader.path.length() > 1) {
        throw new Invalid(e, reader.path.toString());
      }
      throw e;
    }
  }

  private ConfiguredAirbyteCatalog catalog() throws IOException, Invalid {
    expectObject("a configured catalog");
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      int mark = enter(name);
      if ("streams".equals(name)) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          catalog.streams = null;
        } else {
          expectArray();
          List<ConfiguredAirbyteStream> streams = new ArrayList<>();
          for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            int itemMark = index(i);
            streams.add(p.currentToken() == JsonToken.VALUE_NULL ? null : configuredStream());
            path.setLength(itemMark);
          }
          catalog.streams = streams;
        }
      } else {
        unknown(catalog, name);
      }
      path.setLength(mark);
    }
    return catalog;
  }

  private ConfiguredAirbyteStream configuredStream() throws IOException, Invalid {
    expectObject("a configured stream");
    ConfiguredAirbyteStream s = new ConfiguredAirbyteStream();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      int mark = enter(name);
      switch (name) {
        case "stream" -> s.stream = p.currentToken() == JsonToken.VALUE_NULL ? null : stream();
        case "sync_mode" -> s.syncMode = syncMode();
        case "cursor_field" -> s.cursorField = strings();
        case "destination_sync_mode" -> s.destinationSyncMode = destinationSyncMode();
        case "destination_object_name" -> s.destinationObjectName = string();
        case "primary_key" -> s.primaryKey = paths();
        case "generation_id" -> s.generationId = longValue();
        case "minimum_generation_id" -> s.minimumGenerationId = longValue();
        case "sync_id" -> s.syncId = longValue();
        case "include_files" -> s.includeFiles = bool();
        default -> unknown(s, name);
      }
      path.setLength(mark);
    }
    return s;
  }

  private AirbyteStream stream() throws IOException, Invalid {
    expectObject("a stream");
    AirbyteStream s = new AirbyteStream();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      int mark = enter(name);
      switch (name) {
        case "name" -> s.name = string();
        case "json_schema" -> s.jsonSchema = JsonTrees.readValue(p);
        case "supported_sync_modes" -> s.supportedSyncModes = syncModes();
        case "source_defined_cursor" -> s.sourceDefinedCursor = bool();
        case "default_cursor_field" -> s.defaultCursorField = strings();
        case "source_defined_primary_key" -> s.sourceDefinedPrimaryKey = paths();
        case "namespace" -> s.namespace = string();
        case "is_resumable" -> s.isResumable = bool();
        case "is_file_based" -> s.isFileBased = bool();
        default -> unknown(s, name);
      }
      path.setLength(mark);
    }
    return s;
  }

  /** Moves to the field's value and appends its name to the path; returns the old length. */
  private int enter(String name) throws IOException {
    int mark = path.length();
    path.append('.').append(name);
    p.nextToken();
    return mark;
  }

  private int index(int i) {
    int mark = path.length();
    path.append('[').append(i).append(']');
    return mark;
  }

  private void unknown(ProtocolObject o, String name) throws IOException {
    o.additionalProperty(name, JsonTrees.readValue(p));
  }

  private Invalid invalid(String reason) {
    return new Invalid(reason, path.toString(), p.currentTokenLocation());
  }

  private void expectObject(String what) throws Invalid {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw invalid(
          "expected " + what + " (a JSON object), not " + JsonTrees.describe(p.currentToken()));
    }
  }

  private void expectArray() throws Invalid {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw invalid("expected an array, not " + JsonTrees.describe(p.currentToken()));
    }
  }

  /** A string; numbers and booleans as their text, as the mapper coerced them. */
  private String string() throws IOException, Invalid {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t.isScalarValue()) {
      return p.getText();
    }
    throw invalid("expected a string, not " + JsonTrees.describe(t));
  }

  private Boolean bool() throws IOException, Invalid {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_STRING) {
      String text = p.getText().trim();
      if ("true".equals(text) || "false".equals(text)) {
        return Boolean.valueOf(text);
      }
    }
    throw invalid("expected true or false, not " + JsonTrees.describe(t));
  }

  private Long longValue() throws IOException, Invalid {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    try {
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue();
      }
      if (t == JsonToken.VALUE_STRING) {
        return Long.valueOf(p.getText().trim());
      }
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDecimalValue().longValueExact();
      }
    } catch (IOException | ArithmeticException | NumberFormatException e) {
      throw invalid("expected a whole number within 64 bits, not " + p.getText());
    }
    throw invalid("expected a whole number, not " + JsonTrees.describe(t));
  }

  private SyncMode syncMode() throws IOException, Invalid {
    String wire = enumText();
    try {
      return wire == null ? null : SyncMode.fromWire(wire);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private DestinationSyncMode destinationSyncMode() throws IOException, Invalid {
    String wire = enumText();
    try {
      return wire == null ? null : DestinationSyncMode.fromWire(wire);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private String enumText() throws IOException, Invalid {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    throw invalid("expected a string, not " + JsonTrees.describe(t));
  }

  private List<SyncMode> syncModes() throws IOException, Invalid {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectArray();
    List<SyncMode> modes = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      int mark = index(i);
      modes.add(syncMode());
      path.setLength(mark);
    }
    return modes;
  }

  private List<String> strings() throws IOException, Invalid {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectArray();
    List<String> values = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      int mark = index(i);
      values.add(string());
      path.setLength(mark);
    }
    return values;
  }

  private List<List<String>> paths() throws IOException, Invalid {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectArray();
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      int mark = index(i);
      values.add(strings());
      path.setLength(mark);
    }
    return values;
  }
}
