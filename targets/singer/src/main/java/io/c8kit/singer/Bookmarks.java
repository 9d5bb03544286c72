package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tap's Singer STATE value, {@code {"bookmarks": {tap_stream_id: {...}}, "currently_syncing":
 * id}}, mapped to and from the engine's per-stream states. Bookmarks: incremental {@code
 * {"replication_key": "updated_at", "replication_key_value": v}} (the Meltano SDK names); full
 * table {@code {"version": n}}, plus {@code "page": p} while a resumable full refresh is under way.
 * Bookmarks of streams not synced in this run, and keys c8kit does not use, are kept as they came.
 */
final class Bookmarks {
  static final String BOOKMARKS = "bookmarks";
  static final String CURRENTLY_SYNCING = "currently_syncing";
  static final String REPLICATION_KEY = "replication_key";
  static final String REPLICATION_KEY_VALUE = "replication_key_value";
  static final String VERSION = "version";
  static final String PAGE = "page";

  private final ObjectNode value;
  private final List<String> warnings = new ArrayList<>();

  private Bookmarks(ObjectNode value) {
    this.value = value;
  }

  /**
   * From the {@code --state} file's JSON ({@code null} or absent: {@code {}}).
   *
   * @throws ConfigException when the state is not an object or its bookmarks are malformed
   */
  static Bookmarks of(JsonNode state, String path) {
    if (state == null || state.isNull()) {
      return new Bookmarks(JsonNodeFactory.instance.objectNode());
    }
    if (!state.isObject()) {
      throw new ConfigException(
          "State file "
              + path
              + " must hold a JSON object such as"
              + " {\"bookmarks\": {...}}, not "
              + state.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    JsonNode bookmarks = state.get(BOOKMARKS);
    if (bookmarks != null && !bookmarks.isNull() && !bookmarks.isObject()) {
      throw new ConfigException(
          "State file " + path + ": \"bookmarks\" must be an object keyed by" + " tap_stream_id");
    }
    if (bookmarks != null) {
      bookmarks
          .fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isObject()) {
                  throw new ConfigException(
                      "State file "
                          + path
                          + ": the bookmark of stream \""
                          + e.getKey()
                          + "\" must be an object");
                }
              });
    }
    return new Bookmarks(((ObjectNode) state).deepCopy());
  }

  /** Problems that did not stop the run (a bookmark for a different replication key), to log. */
  List<String> warnings() {
    return warnings;
  }

  /** {@code currently_syncing} of the input state, or null. */
  String currentlySyncing() {
    JsonNode id = value.get(CURRENTLY_SYNCING);
    return id != null && id.isTextual() ? id.asText() : null;
  }

  /**
   * Streams in sync order: singer-python's {@code get_selected_streams} starts at the stream that
   * was syncing when the previous run stopped, then wraps around.
   */
  List<SyncPlan> order(List<SyncPlan> plans) {
    String current = currentlySyncing();
    for (int i = 0; i < plans.size(); i++) {
      if (plans.get(i).stream().tapStreamId().equals(current)) {
        List<SyncPlan> ordered = new ArrayList<>(plans.subList(i, plans.size()));
        ordered.addAll(plans.subList(0, i));
        return ordered;
      }
    }
    return plans;
  }

  /** The engine's starting state per stream: a cursor, a page to resume after, or none. */
  Map<SyncPlan, ObjectNode> engineStates(List<SyncPlan> plans) {
    Map<SyncPlan, ObjectNode> states = new LinkedHashMap<>();
    for (SyncPlan plan : plans) {
      JsonNode bookmark = bookmark(plan.stream().tapStreamId());
      if (bookmark == null) {
        continue;
      }
      if (plan.method() == ReplicationMethod.INCREMENTAL) {
        JsonNode key = bookmark.get(REPLICATION_KEY);
        JsonNode cursor = bookmark.get(REPLICATION_KEY_VALUE);
        String wanted = String.join(".", plan.replicationKey());
        if (cursor == null || cursor.isNull()) {
          continue;
        }
        if (key != null && !wanted.equals(key.asText())) {
          warnings.add(
              "The bookmark of stream "
                  + plan.stream().tapStreamId()
                  + " is for replication key "
                  + key.asText()
                  + ", not "
                  + wanted
                  + "; syncing the stream from the start");
          continue;
        }
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        plan.replicationKey().forEach(state.putArray("cursor_field")::add);
        state.set("cursor", cursor);
        states.put(plan, state);
      } else if (bookmark.hasNonNull(PAGE)) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("page", bookmark.get(PAGE));
        states.put(plan, state);
      }
    }
    return states;
  }

  /** The version of a full-table stream's previous run, or null on its first run. */
  Long version(String tapStreamId) {
    JsonNode bookmark = bookmark(tapStreamId);
    JsonNode v = bookmark == null ? null : bookmark.get(VERSION);
    return v != null && v.canConvertToExactIntegral() ? v.longValue() : null;
  }

  /** True when the previous run of a full-table stream stopped midway: keep its version. */
  boolean resumesPage(String tapStreamId) {
    JsonNode bookmark = bookmark(tapStreamId);
    return bookmark != null && bookmark.hasNonNull(PAGE);
  }

  /** A stream starts: {@code currently_syncing}, and the version a full table writes. */
  void start(SyncPlan plan, Long version) {
    if (!(value.get(BOOKMARKS) instanceof ObjectNode)) {
      value.putObject(BOOKMARKS); // first, as in the documented shape
    }
    value.put(CURRENTLY_SYNCING, plan.stream().tapStreamId());
    if (version != null) {
      writable(plan.stream().tapStreamId()).put(VERSION, version);
    }
  }

  /**
   * A checkpoint of the engine for this stream: {@code {"cursor_field", "cursor"}}, {@code
   * {"page"}}, or {@code {}} when a full refresh completed.
   */
  void checkpoint(SyncPlan plan, JsonNode engineState) {
    ObjectNode bookmark = writable(plan.stream().tapStreamId());
    if (engineState.has("cursor")) {
      bookmark.put(REPLICATION_KEY, String.join(".", plan.replicationKey()));
      bookmark.set(REPLICATION_KEY_VALUE, engineState.get("cursor"));
    } else if (engineState.has("page")) {
      bookmark.set(PAGE, engineState.get("page"));
    } else {
      bookmark.remove(PAGE);
    }
  }

  /** All selected streams are done. */
  void finish() {
    value.putNull(CURRENTLY_SYNCING);
  }

  /** The STATE value to write now (a copy: later checkpoints must not change a written one). */
  ObjectNode value() {
    return value.deepCopy();
  }

  private JsonNode bookmark(String id) {
    JsonNode b = value.path(BOOKMARKS).get(id);
    return b != null && b.isObject() ? b : null;
  }

  private ObjectNode writable(String id) {
    JsonNode bookmarks = value.get(BOOKMARKS);
    ObjectNode all = bookmarks instanceof ObjectNode o ? o : value.putObject(BOOKMARKS);
    JsonNode b = all.get(id);
    return b instanceof ObjectNode o ? o : all.putObject(id);
  }
}
