package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.DynamicReader;
import io.c8kit.runtime.ReadContext;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;
import io.c8kit.runtime.StreamReader;
import io.c8kit.source.DiscoveredStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One configured stream, resolved against the source before anything is read: which reader runs it,
 * how records are serialized, the cursor (or page key) in effect with its type and extractor, and
 * the typed lower bound taken from the input state. Building every plan first means a bad catalog
 * or state fails the read before any stream starts.
 *
 * @param <C> the config type
 */
final class StreamPlan<C> {
  /** How the engine tracks the stream. */
  enum Kind {
    /** Full refresh without a page key: no key tracking, one final {@code {}} state. */
    FULL_REFRESH,
    /** Full refresh ordered by a page key: {@code {"page": k}} checkpoints, resumable. */
    PAGED,
    /** Incremental by cursor. */
    INCREMENTAL
  }

  /** Runs the stream's method. */
  @FunctionalInterface
  interface Invoker<C> {
    void read(C config, ReadContext<Object> context) throws Exception;
  }

  static final int DEFAULT_CHECKPOINT_RECORDS = 10_000;
  static final int DEFAULT_CHECKPOINT_SECONDS = 60;

  final String name;

  /** The namespace exactly as configured (written back on records, states and statuses). */
  final String namespace;

  final StreamDescriptor descriptor;
  final SyncMode syncMode;
  final Kind kind;

  /** The cursor field in effect; empty unless incremental. */
  final List<String> cursorField;

  /** The field the engine tracks: the cursor field (incremental) or the page key (paged). */
  final List<String> keyField;

  /** Type of the tracked key; null for a plain full refresh. */
  final CursorType<Object> keyType;

  /** Extracts the tracked key from a record; null for a plain full refresh. */
  final Function<Object, Object> keyOf;

  /** True when records arrive in ascending key order, so the engine checkpoints mid-stream. */
  final boolean ordered;

  /** Records between checkpoints from the definition; 0 for the default. */
  final int checkpointRecords;

  /** Seconds between checkpoints from the definition; 0 for the default. */
  final int checkpointSeconds;

  final RecordSerializer<Object> serializer;

  /** True for discovered streams, whose records must be checked to be ObjectNode or Map. */
  final boolean dynamic;

  final Invoker<C> reader;
  final List<List<String>> primaryKey;
  private final Supplier<ObjectNode> schema;
  private ObjectNode schemaValue;

  /** Typed lower bound (incremental) or page to restart after (paged); null when none. */
  Object bound;

  /** {@link #bound} as JSON, normalized by its type; null when none. */
  JsonNode boundJson;

  @SuppressWarnings("unchecked")
  private StreamPlan(Builder<C> b) {
    this.name = b.name;
    this.namespace = b.namespace;
    this.descriptor = new StreamDescriptor(b.name, b.namespace);
    this.syncMode = b.syncMode;
    this.kind = b.kind;
    this.cursorField = b.kind == Kind.INCREMENTAL ? List.copyOf(b.keyField) : List.of();
    this.keyField = b.keyField == null ? List.of() : List.copyOf(b.keyField);
    this.keyType = (CursorType<Object>) b.keyType;
    this.keyOf = b.keyOf;
    this.ordered = b.kind == Kind.PAGED || (b.kind == Kind.INCREMENTAL && b.ordered);
    this.checkpointRecords = b.checkpointRecords;
    this.checkpointSeconds = b.checkpointSeconds;
    this.serializer = b.serializer;
    this.dynamic = b.dynamic;
    this.reader = b.reader;
    this.primaryKey = b.primaryKey;
    this.schema = b.schema;
  }

  /** The stream's JSON schema (configured, or the source's own); loaded on first use. */
  ObjectNode jsonSchema() {
    if (schemaValue == null) {
      schemaValue = schema.get();
    }
    return schemaValue;
  }

  /** "name" or "namespace.name", for messages. */
  String label() {
    return descriptor.toString();
  }

  private static final class Builder<C> {
    String name;
    String namespace;
    SyncMode syncMode;
    Kind kind;
    List<String> keyField;
    CursorType<?> keyType;
    Function<Object, Object> keyOf;
    boolean ordered;
    int checkpointRecords;
    int checkpointSeconds;
    RecordSerializer<Object> serializer;
    boolean dynamic;
    Invoker<C> reader;
    List<List<String>> primaryKey;
    Supplier<ObjectNode> schema;
  }

  // ---------------------------------------------------------------------------------------------
  // Planning

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * Resolves every configured stream.
   *
   * @throws ConfigException for an unknown or duplicated stream, an unsupported sync mode, an
   *     incremental stream without a cursor, or a state that does not fit the stream
   */
  static <C> List<StreamPlan<C>> plan(
      SourceConnector<C> connector,
      C config,
      List<ConfiguredAirbyteStream> configured,
      InputState input,
      Consumer<String> warn)
      throws Exception {
    SourceDefinition<C> definition = connector.definition();
    Map<InputState.Key, StreamDefinition<C, ?>> statics = new HashMap<>();
    for (StreamDefinition<C, ?> s : definition.streams()) {
      statics.put(new InputState.Key(s.name(), emptyToNull(s.namespace())), s);
    }
    Map<InputState.Key, ConfiguredAirbyteStream> seen = new LinkedHashMap<>();
    Map<String, Integer> nameCounts = new HashMap<>();
    boolean needDiscover = false;
    int index = 0;
    for (ConfiguredAirbyteStream cs : configured) {
      if (cs == null || cs.stream == null || cs.stream.name == null) {
        throw new ConfigException(
            "Invalid catalog: configured stream #" + index + " has no stream name");
      }
      InputState.Key key = new InputState.Key(cs.stream.name, emptyToNull(cs.stream.namespace));
      if (seen.put(key, cs) != null) {
        throw new ConfigException(
            "Invalid catalog: stream '" + label(key) + "' is configured twice");
      }
      nameCounts.put(key.name(), nameCounts.getOrDefault(key.name(), 0) + 1);
      needDiscover |= !statics.containsKey(key);
      index++;
    }
    Map<InputState.Key, DiscoveredStream> dynamics = new HashMap<>();
    if (needDiscover && definition.discover() != null) {
      List<DiscoveredStream> found = definition.discover().discover(config);
      if (found != null) {
        for (DiscoveredStream ds : found) {
          dynamics.putIfAbsent(new InputState.Key(ds.name(), emptyToNull(ds.namespace())), ds);
        }
      }
    }
    List<StreamPlan<C>> plans = new ArrayList<>(seen.size());
    for (Map.Entry<InputState.Key, ConfiguredAirbyteStream> e : seen.entrySet()) {
      InputState.Key key = e.getKey();
      ConfiguredAirbyteStream cs = e.getValue();
      StreamPlan<C> plan;
      StreamDefinition<C, ?> def = statics.get(key);
      if (def != null) {
        plan = forStatic(connector, def, cs, warn);
      } else {
        DiscoveredStream ds = dynamics.get(key);
        if (ds == null) {
          throw new ConfigException(
              "Invalid catalog: stream '"
                  + label(key)
                  + "' is not offered by this source"
                  + knownStreams(statics, dynamics));
        }
        plan = forDynamic(definition, ds, cs, warn);
      }
      JsonNode state =
          input.forStream(key.name(), key.namespace(), nameCounts.get(key.name()) == 1, warn);
      if (state != null) {
        plan.applyState(state, warn);
      }
      plans.add(plan);
    }
    return plans;
  }

  /** A plan to sample a stream: full refresh, no state. */
  static <C> StreamPlan<C> forSample(
      SourceConnector<C> connector, C config, String name, String namespace) throws Exception {
    SourceDefinition<C> definition = connector.definition();
    String ns = emptyToNull(namespace);
    StreamDefinition<C, ?> byName = null;
    int sameName = 0;
    for (StreamDefinition<C, ?> s : definition.streams()) {
      if (s.name().equals(name)) {
        if (Objects.equals(emptyToNull(s.namespace()), ns)) {
          return forStatic(connector, s, null, m -> {});
        }
        byName = s;
        sameName++;
      }
    }
    if (ns == null && sameName == 1) {
      return forStatic(connector, byName, null, m -> {});
    }
    if (definition.discover() != null) {
      List<DiscoveredStream> found = definition.discover().discover(config);
      DiscoveredStream match = null;
      int matches = 0;
      for (DiscoveredStream ds : found == null ? List.<DiscoveredStream>of() : found) {
        if (ds.name().equals(name)) {
          if (Objects.equals(emptyToNull(ds.namespace()), ns)) {
            return forDynamic(definition, ds, null, m -> {});
          }
          match = ds;
          matches++;
        }
      }
      if (ns == null && matches == 1) {
        return forDynamic(definition, match, null, m -> {});
      }
    }
    throw new ConfigException("Unknown stream '" + (ns == null ? name : ns + "." + name) + "'");
  }

  private static String label(InputState.Key key) {
    return key.namespace() == null ? key.name() : key.namespace() + "." + key.name();
  }

  private static String knownStreams(
      Map<InputState.Key, ?> statics, Map<InputState.Key, ?> dynamics) {
    List<String> names = new ArrayList<>();
    statics.keySet().forEach(k -> names.add(label(k)));
    dynamics.keySet().forEach(k -> names.add(label(k)));
    if (names.isEmpty()) {
      return "";
    }
    names.sort(null);
    if (names.size() > 20) {
      return " (it offers " + String.join(", ", names.subList(0, 20)) + ", …)";
    }
    return " (it offers " + String.join(", ", names) + ")";
  }

  private static SyncMode modeOf(ConfiguredAirbyteStream cs) {
    return cs == null || cs.syncMode == null ? SyncMode.FULL_REFRESH : cs.syncMode;
  }

  private static String modes(java.util.Set<SyncMode> modes) {
    List<String> wire = new ArrayList<>();
    modes.forEach(m -> wire.add(m.wire()));
    return String.join(", ", wire);
  }

  @SuppressWarnings("unchecked")
  private static <C> StreamPlan<C> forStatic(
      SourceConnector<C> connector,
      StreamDefinition<C, ?> def,
      ConfiguredAirbyteStream cs,
      Consumer<String> warn) {
    StreamDefinition<C, Object> d = (StreamDefinition<C, Object>) def;
    Builder<C> b = new Builder<>();
    b.name = d.name();
    b.namespace = cs != null ? cs.stream.namespace : d.namespace();
    b.syncMode = modeOf(cs);
    String label = b.namespace == null ? b.name : b.namespace + "." + b.name;
    if (!d.syncModes().contains(b.syncMode)) {
      throw new ConfigException(
          "Invalid catalog: stream '"
              + label
              + "' does not support sync mode "
              + b.syncMode.wire()
              + " (it supports "
              + modes(d.syncModes())
              + ")");
    }
    if (b.syncMode == SyncMode.INCREMENTAL) {
      if (d.cursorField().isEmpty()) {
        throw new ConfigException(
            "Invalid catalog: stream '"
                + label
                + "' is configured incremental but has no cursor field");
      }
      if (cs != null
          && cs.cursorField != null
          && !cs.cursorField.isEmpty()
          && !cs.cursorField.equals(d.cursorField())) {
        warn.accept(
            "Stream '"
                + label
                + "' has a source-defined cursor "
                + d.cursorField()
                + "; the configured cursor_field "
                + cs.cursorField
                + " is ignored");
      }
      b.kind = Kind.INCREMENTAL;
      b.keyField = d.cursorField();
      b.keyType = d.cursorType();
      b.keyOf = (Function<Object, Object>) d.cursorOf();
      b.ordered = d.ordered();
    } else if (d.pageKey() != null && d.pageType() != null && d.pageOf() != null) {
      b.kind = Kind.PAGED;
      b.keyField = List.of(d.pageKey());
      b.keyType = d.pageType();
      b.keyOf = (Function<Object, Object>) d.pageOf();
    } else {
      b.kind = Kind.FULL_REFRESH;
    }
    b.checkpointRecords = d.checkpointRecords();
    b.checkpointSeconds = d.checkpointSeconds();
    b.serializer = NotInlinedSerializer.of((RecordSerializer<Object>) d.serializer());
    StreamReader<C, Object> reader = d.reader();
    b.reader = reader::read;
    b.primaryKey =
        cs != null && cs.primaryKey != null && !cs.primaryKey.isEmpty()
            ? List.copyOf(cs.primaryKey)
            : d.primaryKey();
    ObjectNode configuredSchema =
        cs != null && cs.stream.jsonSchema instanceof ObjectNode o ? o : null;
    b.schema =
        configuredSchema != null
            ? () -> configuredSchema
            : () -> SourceCatalog.loadSchema(connector, d);
    return new StreamPlan<>(b);
  }

  private static <C> StreamPlan<C> forDynamic(
      SourceDefinition<C> definition,
      DiscoveredStream ds,
      ConfiguredAirbyteStream cs,
      Consumer<String> warn) {
    Builder<C> b = new Builder<>();
    b.name = ds.name();
    b.namespace = cs != null ? cs.stream.namespace : ds.namespace();
    b.syncMode = modeOf(cs);
    String label = b.namespace == null ? b.name : b.namespace + "." + b.name;
    if (!ds.syncModes().contains(b.syncMode)) {
      throw new ConfigException(
          "Invalid catalog: stream '"
              + label
              + "' does not support sync mode "
              + b.syncMode.wire()
              + " (it supports "
              + modes(ds.syncModes())
              + ")");
    }
    ObjectNode discovered = ds.jsonSchema();
    ObjectNode configuredSchema =
        cs != null && cs.stream.jsonSchema instanceof ObjectNode o ? o : null;
    if (b.syncMode == SyncMode.INCREMENTAL) {
      List<String> field;
      if (ds.sourceDefinedCursor() && !ds.defaultCursorField().isEmpty()) {
        field = ds.defaultCursorField();
      } else if (cs != null && cs.cursorField != null && !cs.cursorField.isEmpty()) {
        field = cs.cursorField;
      } else if (!ds.defaultCursorField().isEmpty()) {
        field = ds.defaultCursorField();
      } else if (cs != null
          && cs.stream.defaultCursorField != null
          && !cs.stream.defaultCursorField.isEmpty()) {
        field = cs.stream.defaultCursorField;
      } else {
        throw new ConfigException(
            "Invalid catalog: stream '"
                + label
                + "' is configured incremental but no cursor_field is configured and it has no default");
      }
      b.kind = Kind.INCREMENTAL;
      b.keyField = List.copyOf(field);
      b.keyType = typeOf(label, "cursor field", field, discovered, configuredSchema);
      b.keyOf = DynamicRecords.extractor(field, b.keyType);
      b.ordered = ds.ordered();
    } else if (ds.pageKey() != null) {
      List<String> field = List.of(ds.pageKey());
      b.kind = Kind.PAGED;
      b.keyField = field;
      b.keyType = typeOf(label, "page key", field, discovered, configuredSchema);
      b.keyOf = DynamicRecords.extractor(field, b.keyType);
    } else {
      b.kind = Kind.FULL_REFRESH;
    }
    b.serializer = DynamicRecords.SERIALIZER;
    b.dynamic = true;
    DynamicReader<C> reader = Objects.requireNonNull(definition.dynamicReader(), "dynamic reader");
    b.reader = reader::read;
    b.primaryKey =
        cs != null && cs.primaryKey != null && !cs.primaryKey.isEmpty()
            ? List.copyOf(cs.primaryKey)
            : ds.primaryKey();
    ObjectNode schema = configuredSchema != null ? configuredSchema : discovered;
    b.schema = () -> schema;
    return new StreamPlan<>(b);
  }

  /** The cursor type of a field path from the stream's schema (the discovered one first). */
  private static CursorType<?> typeOf(
      String label, String what, List<String> field, ObjectNode discovered, ObjectNode configured) {
    JsonNode property = property(discovered, field);
    if (property == null && configured != null) {
      property = property(configured, field);
    }
    if (property == null) {
      throw new ConfigException(
          "Invalid catalog: the "
              + what
              + " "
              + String.join(".", field)
              + " of stream '"
              + label
              + "' is not a property of its JSON schema");
    }
    try {
      return CursorType.forJsonSchema(property);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Invalid catalog: the "
              + what
              + " "
              + String.join(".", field)
              + " of stream '"
              + label
              + "' cannot be used: "
              + e.getMessage(),
          e);
    }
  }

  private static JsonNode property(JsonNode schema, List<String> path) {
    JsonNode current = schema;
    for (String part : path) {
      if (current == null) {
        return null;
      }
      JsonNode next = current.path("properties").get(part);
      if (next == null || !next.isObject()) {
        return null;
      }
      current = next;
    }
    return current;
  }

  /** Applies the stream's input state: the lower bound or the page to resume after. */
  private void applyState(JsonNode state, Consumer<String> warn) {
    StreamStates.Parsed parsed = StreamStates.parse(label(), state);
    if (kind == Kind.INCREMENTAL) {
      if (!parsed.hasCursor()) {
        if (!parsed.hasPage()
            && !state.isEmpty()
            && !state.has(StreamStates.CURSOR)
            && !state.has(StreamStates.CURSOR_FIELD)) {
          List<String> keys = new ArrayList<>();
          state.fieldNames().forEachRemaining(keys::add);
          warn.accept(
              "The state of stream '"
                  + label()
                  + "' has no \"cursor\" (it has "
                  + String.join(", ", keys)
                  + "); the stream is read from the start");
        }
        return;
      }
      if (parsed.cursorField() != null && !parsed.cursorField().equals(cursorField)) {
        warn.accept(
            "The state of stream '"
                + label()
                + "' is for cursor field "
                + parsed.cursorField()
                + " but the cursor in effect is "
                + cursorField
                + "; the state is ignored and the stream is read from the start");
        return;
      }
      setBound(parsed.cursor(), "cursor");
    } else if (kind == Kind.PAGED && parsed.hasPage()) {
      setBound(parsed.page(), "page");
    }
  }

  private void setBound(JsonNode json, String what) {
    try {
      bound = keyType.fromJson(json);
      boundJson = bound == null ? null : keyType.toJson(bound);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Invalid state for stream '"
              + label()
              + "': the "
              + what
              + " "
              + json
              + " is not a valid "
              + keyType
              + " value ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
