package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the destination suite writes: two stream shapes (a {@code users} stream with a primary
 * key, a cursor and values of every JSON type, and an {@code events} stream without a key),
 * configured catalogs, and input message sequences with interleaved STATE, LOG and STREAM_STATUS
 * messages.
 */
public final class DestinationTestData {
  /** Schema of the users-shaped streams: primary key {@code id}, cursor {@code updated_at}. */
  public static final String USERS_SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"id\":{\"type\":\"integer\"},"
          + "\"name\":{\"type\":[\"string\",\"null\"]},"
          + "\"score\":{\"type\":[\"number\",\"null\"]},"
          + "\"active\":{\"type\":[\"boolean\",\"null\"]},"
          + "\"updated_at\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"},"
          + "\"tags\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}},"
          + "\"address\":{\"type\":[\"object\",\"null\"],\"properties\":{\"city\":{\"type\":[\"string\",\"null\"]},"
          + "\"zip\":{\"type\":[\"string\",\"null\"]}}},"
          + "\"big\":{\"type\":[\"integer\",\"null\"]},"
          + "\"note\":{\"type\":[\"string\",\"null\"]}}}";

  /** Schema of the events-shaped streams (no primary key). */
  public static final String EVENTS_SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"kind\":{\"type\":\"string\"},"
          + "\"ts\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"},"
          + "\"payload\":{\"type\":\"object\",\"properties\":{\"count\":{\"type\":\"integer\"},\"ratio\":{\"type\":\"number\"}}}}}";

  /** Schema of the text streams used for line-break and unicode values. */
  public static final String TEXT_SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"id\":{\"type\":\"integer\"},\"value\":{\"type\":\"string\"}}}";

  /** Values that must survive a round trip: line breaks. */
  public static final List<String> LINE_BREAK_VALUES =
      List.of(
          "line one\nline two",
          "carriage\rreturn",
          "windows\r\nline end",
          "line\u2028separator",
          "paragraph\u2029separator",
          "\n\nleading and trailing\n",
          "tab\tand\u000bvertical tab");

  /** Values that must survive a round trip: unicode, quotes, escapes. */
  public static final List<String> UNICODE_VALUES =
      List.of(
          "emoji 😀🚀👩‍💻",
          "quotes \" and ' and `",
          "back\\slash \\n not a newline",
          "ünïcödé Ærøskøbing",
          "日本語のテキスト",
          "العربية",
          "null",
          "{\"json\": \"in a string\"}",
          "zero width\u200bspace",
          "");

  private DestinationTestData() {}

  /** One configured stream of a destination test. */
  public record StreamSetup(
      String name,
      String namespace,
      String schema,
      List<List<String>> primaryKey,
      List<String> cursorField,
      String destinationSyncMode,
      long generationId,
      long minimumGenerationId) {
    public StreamKey key() {
      return new StreamKey(namespace, name);
    }

    public static StreamSetup users(String name, String namespace, String mode, long generation) {
      return new StreamSetup(
          name,
          namespace,
          USERS_SCHEMA,
          List.of(List.of("id")),
          List.of("updated_at"),
          mode,
          generation,
          mode.equals("overwrite") ? generation : 0);
    }

    public static StreamSetup events(String name, String namespace, String mode, long generation) {
      return new StreamSetup(
          name,
          namespace,
          EVENTS_SCHEMA,
          List.of(),
          List.of(),
          mode,
          generation,
          mode.equals("overwrite") ? generation : 0);
    }

    public static StreamSetup text(String name, String namespace, String mode, long generation) {
      return new StreamSetup(
          name,
          namespace,
          TEXT_SCHEMA,
          List.of(List.of("id")),
          List.of(),
          mode,
          generation,
          mode.equals("overwrite") ? generation : 0);
    }
  }

  /** A ConfiguredAirbyteCatalog for the streams, with sync/generation ids. */
  public static ObjectNode catalog(long syncId, List<StreamSetup> streams) {
    ObjectNode catalog = Json.object();
    ArrayNode list = catalog.putArray("streams");
    for (StreamSetup s : streams) {
      ObjectNode cs = list.addObject();
      ObjectNode stream = cs.putObject("stream");
      stream.put("name", s.name());
      if (s.namespace() != null) {
        stream.put("namespace", s.namespace());
      }
      stream.set("json_schema", Json.parse(s.schema()));
      ArrayNode modes = stream.putArray("supported_sync_modes");
      modes.add("full_refresh");
      if (!s.cursorField().isEmpty()) {
        modes.add("incremental");
        stream.put("source_defined_cursor", true);
        ArrayNode dcf = stream.putArray("default_cursor_field");
        s.cursorField().forEach(dcf::add);
      }
      if (!s.primaryKey().isEmpty()) {
        stream.set("source_defined_primary_key", pathsNode(s.primaryKey()));
      }
      boolean incremental =
          !s.cursorField().isEmpty() && !s.destinationSyncMode().equals("overwrite");
      cs.put("sync_mode", incremental ? "incremental" : "full_refresh");
      if (incremental) {
        ArrayNode cf = cs.putArray("cursor_field");
        s.cursorField().forEach(cf::add);
      }
      cs.put("destination_sync_mode", s.destinationSyncMode());
      if (!s.primaryKey().isEmpty()) {
        cs.set("primary_key", pathsNode(s.primaryKey()));
      }
      cs.put("generation_id", s.generationId());
      cs.put("minimum_generation_id", s.minimumGenerationId());
      cs.put("sync_id", syncId);
    }
    return catalog;
  }

  private static ArrayNode pathsNode(List<List<String>> paths) {
    ArrayNode out = Json.array();
    for (List<String> p : paths) {
      ArrayNode a = out.addArray();
      p.forEach(a::add);
    }
    return out;
  }

  /**
   * Users rows {@code id = from … from+count-1}, cursor {@code updated_at} on {@code day} plus id
   * seconds.
   */
  public static List<JsonNode> users(int from, int count, String namePrefix, int day) {
    List<JsonNode> out = new ArrayList<>();
    for (int id = from; id < from + count; id++) {
      ObjectNode r = Json.object();
      r.put("id", id);
      r.put("name", namePrefix + " " + id);
      switch (id % 4) {
        case 0:
          r.put("score", new java.math.BigDecimal("9.5"));
          r.put("active", true);
          r.putArray("tags").add("a").add("b");
          r.putObject("address").put("city", "London").put("zip", "N1 9GU");
          r.put("big", 1099511627776L);
          r.putNull("note");
          break;
        case 1:
          r.put("score", -3);
          r.put("active", false);
          r.putArray("tags");
          r.putObject("address").put("city", "Paris").putNull("zip");
          break;
        case 2:
          r.put("score", new java.math.BigDecimal("0.125"));
          r.putNull("active");
          r.putNull("tags");
          r.putNull("address");
          r.put("note", "plain text");
          break;
        default:
          r.put("score", 0);
          r.put("active", true);
          r.putArray("tags").add("x");
          r.put("big", -42);
          break;
      }
      r.put(
          "updated_at",
          String.format(
              "2024-01-%02dT%02d:%02d:%02dZ", day, (id / 3600) % 24, (id / 60) % 60, id % 60));
      out.add(r);
    }
    return out;
  }

  /** Event rows. */
  public static List<JsonNode> events(int count, String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode r = Json.object();
      r.put("kind", kind);
      r.put("ts", String.format("2024-02-01T00:00:%02d.%03dZ", i % 60, i % 1000));
      r.putObject("payload").put("count", i).put("ratio", new java.math.BigDecimal(i + ".25"));
      out.add(r);
    }
    return out;
  }

  /** Text rows, one per value. */
  public static List<JsonNode> texts(List<String> values, int firstId) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      out.add(Json.object().put("id", firstId + i).put("value", values.get(i)));
    }
    return out;
  }

  /**
   * Builds a {@code write} input: RECORDs, STATEs (per stream, with {@code sourceStats.recordCount}
   * = records since the stream's previous state and a platform-style {@code id}), a LOG, and a
   * STREAM_STATUS COMPLETE per stream at the end.
   */
  public static final class Messages {
    private final List<JsonNode> messages = new ArrayList<>();
    private final Map<StreamKey, Integer> sinceState = new LinkedHashMap<>();
    private final List<StreamKey> streams = new ArrayList<>();
    private long emittedAt = 1_700_000_000_000L;
    private int stateId = 1;

    public Messages records(StreamKey stream, List<JsonNode> rows) {
      track(stream);
      for (JsonNode row : rows) {
        ObjectNode m = Json.object();
        m.put("type", "RECORD");
        ObjectNode r = m.putObject("record");
        r.put("stream", stream.name());
        if (stream.namespace() != null) {
          r.put("namespace", stream.namespace());
        }
        r.set("data", row);
        r.put("emitted_at", emittedAt++);
        messages.add(m);
        sinceState.merge(stream, 1, Integer::sum);
      }
      return this;
    }

    /** A STREAM state for {@code stream} with a cursor blob. */
    public Messages state(StreamKey stream, JsonNode streamState) {
      track(stream);
      ObjectNode m = Json.object();
      m.put("type", "STATE");
      ObjectNode s = m.putObject("state");
      s.put("type", "STREAM");
      ObjectNode st = s.putObject("stream");
      ObjectNode d = st.putObject("stream_descriptor");
      d.put("name", stream.name());
      if (stream.namespace() != null) {
        d.put("namespace", stream.namespace());
      }
      st.set("stream_state", streamState);
      s.putObject("sourceStats").put("recordCount", (double) sinceState.getOrDefault(stream, 0));
      s.put("id", stateId++);
      sinceState.put(stream, 0);
      messages.add(m);
      return this;
    }

    public Messages log(String text) {
      ObjectNode m = Json.object();
      m.put("type", "LOG");
      m.putObject("log").put("level", "INFO").put("message", text);
      messages.add(m);
      return this;
    }

    private void track(StreamKey stream) {
      if (!streams.contains(stream)) {
        streams.add(stream);
      }
    }

    /** The messages followed by a STREAM_STATUS COMPLETE trace for every stream seen. */
    public List<JsonNode> build() {
      List<JsonNode> out = new ArrayList<>(messages);
      for (StreamKey stream : streams) {
        ObjectNode m = Json.object();
        m.put("type", "TRACE");
        ObjectNode t = m.putObject("trace");
        t.put("type", "STREAM_STATUS");
        t.put("emitted_at", (double) emittedAt++);
        ObjectNode ss = t.putObject("stream_status");
        ObjectNode d = ss.putObject("stream_descriptor");
        d.put("name", stream.name());
        if (stream.namespace() != null) {
          d.put("namespace", stream.namespace());
        }
        ss.put("status", "COMPLETE");
        out.add(m);
      }
      return out;
    }
  }

  /** A cursor state blob in the runtime's shape. */
  public static JsonNode cursorState(String cursor) {
    ObjectNode s = Json.object();
    s.putArray("cursor_field").add("updated_at");
    s.put("cursor", cursor);
    return s;
  }
}
