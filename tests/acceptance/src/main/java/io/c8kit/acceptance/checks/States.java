package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State handling shared by the incremental checks: the {@code --state} inputs the kit builds. */
public final class States {
  private States() {}

  /**
   * The {@code --state} input made of the latest state of each stream in a read's output, as the
   * platform passes it: an array of {@code {"type":"STREAM","stream":{…}}} (a GLOBAL state is kept
   * as the last GLOBAL message).
   */
  public static ArrayNode latestPerStream(RunResult run) {
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    for (Message m : run.states()) {
      JsonNode state = m.payload();
      String type = state.path("type").asText("");
      if (type.equals("STREAM")) {
        latest.put(
            "STREAM " + Json.canonical(state.path("stream").path("stream_descriptor")), state);
      } else if (type.equals("GLOBAL")) {
        latest.put("GLOBAL", state);
      }
    }
    ArrayNode out = Json.array();
    for (JsonNode state : latest.values()) {
      out.add(inputState(state));
    }
    return out;
  }

  /**
   * One state message as a {@code --state} array element: type plus stream/global, without stats.
   */
  public static ObjectNode inputState(JsonNode state) {
    ObjectNode copy = Json.object();
    copy.put("type", state.path("type").asText("STREAM"));
    if (state.has("stream")) {
      copy.set("stream", state.get("stream").deepCopy());
    }
    if (state.has("global")) {
      copy.set("global", state.get("global").deepCopy());
    }
    return copy;
  }

  /**
   * The state with {@code sourceStats} and {@code destinationStats} removed, canonical, for
   * comparisons.
   */
  public static String withoutStats(JsonNode state) {
    ObjectNode copy = state.deepCopy();
    copy.remove(List.of("sourceStats", "destinationStats"));
    return Json.canonical(copy);
  }

  /**
   * The state with {@code destinationStats} removed, canonical: what a destination must echo
   * unchanged.
   */
  public static String withoutDestinationStats(JsonNode state) {
    ObjectNode copy = state.deepCopy();
    copy.remove("destinationStats");
    return Json.canonical(copy);
  }

  /** {@code sourceStats.recordCount} (or destinationStats, by field name), 0 when absent. */
  public static double count(JsonNode state, String statsField) {
    JsonNode c = state.path(statsField).path("recordCount");
    return c.isNumber() ? c.doubleValue() : 0;
  }
}
