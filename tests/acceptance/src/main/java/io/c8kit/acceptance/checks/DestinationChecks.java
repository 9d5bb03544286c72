package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The destination suite (in the spirit of Airbyte's {@code DestinationAcceptanceTest}) as pure
 * functions.
 */
public final class DestinationChecks {
  /** Rows listed per direction when record sets differ. */
  public static final int MAX_LISTED_ROWS = 10;

  private DestinationChecks() {}

  /** The destination's SPEC declares a non-empty {@code supported_destination_sync_modes}. */
  public static List<Violation> spec(JsonNode spec) {
    JsonNode modes = spec.path("supported_destination_sync_modes");
    if (!modes.isArray() || modes.size() == 0) {
      return List.of(
          Violation.of(
              Rules.DESTINATION_SPEC,
              "supported_destination_sync_modes",
              "a destination must declare the sync modes it supports (append, overwrite, append_dedup)"));
    }
    return List.of();
  }

  /** The sync modes declared by a destination SPEC. */
  public static List<String> supportedModes(JsonNode spec) {
    List<String> out = new ArrayList<>();
    spec.path("supported_destination_sync_modes").forEach(m -> out.add(m.asText()));
    return out;
  }

  /** A {@code write} run exits 0 without a TRACE ERROR. */
  public static List<Violation> writeSucceeded(String rule, RunResult run) {
    List<Violation> out = new ArrayList<>();
    if (run.exitCode() != 0) {
      out.add(Violation.of(rule, "write command", "exited " + run.exitCode() + ", expected 0"));
    }
    for (Message m : run.errorTraces()) {
      out.add(Violation.of(rule, "write output", "TRACE ERROR").withEvidence(m.evidence()));
    }
    return out;
  }

  /**
   * The destination holds exactly the expected rows (as a multiset, order ignored) after
   * normalization: {@code _airbyte_*} columns and null-valued fields are ignored, numbers compare
   * by value, date-times by instant; {@code normalizer} is applied to the rows read back first.
   */
  public static List<Violation> sameRows(
      String rule,
      StreamKey stream,
      List<JsonNode> expected,
      List<JsonNode> actual,
      UnaryOperator<JsonNode> normalizer) {
    Map<String, Integer> remaining = new LinkedHashMap<>();
    Map<String, JsonNode> sampleExpected = new HashMap<>();
    for (JsonNode row : expected) {
      String k = Json.canonical(normalize(row));
      remaining.merge(k, 1, Integer::sum);
      sampleExpected.putIfAbsent(k, row);
    }
    List<JsonNode> unexpected = new ArrayList<>();
    for (JsonNode row : actual) {
      JsonNode n = normalizer == null ? row : normalizer.apply(row);
      String k = Json.canonical(normalize(n));
      Integer c = remaining.get(k);
      if (c == null || c == 0) {
        unexpected.add(row);
      } else {
        remaining.put(k, c - 1);
      }
    }
    List<JsonNode> missing = new ArrayList<>();
    remaining.forEach(
        (k, c) -> {
          for (int i = 0; i < c; i++) {
            missing.add(sampleExpected.get(k));
          }
        });
    List<Violation> out = new ArrayList<>();
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return out;
    }
    out.add(
        Violation.of(
            rule,
            stream,
            "rows read back",
            "expected "
                + expected.size()
                + " rows, read "
                + actual.size()
                + "; "
                + missing.size()
                + " expected rows are missing, "
                + unexpected.size()
                + " rows are unexpected"));
    for (int i = 0; i < Math.min(MAX_LISTED_ROWS, missing.size()); i++) {
      out.add(
          Violation.of(rule, stream, "missing row", "written but not read back")
              .withEvidence(Json.write(missing.get(i))));
    }
    for (int i = 0; i < Math.min(MAX_LISTED_ROWS, unexpected.size()); i++) {
      out.add(
          Violation.of(rule, stream, "unexpected row", "read back but not expected")
              .withEvidence(Json.write(unexpected.get(i))));
    }
    return out;
  }

  /** The comparison form of a row: see {@link #sameRows}. */
  public static JsonNode normalize(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("_airbyte_") || e.getValue() == null || e.getValue().isNull()) {
          continue;
        }
        out.set(e.getKey(), normalize(e.getValue()));
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = Json.array();
      value.forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (value.isTextual()) {
      String instant = DateTimes.canonicalInstant(value.textValue());
      return instant == null ? value : TextNode.valueOf(instant);
    }
    return value;
  }

  /**
   * Every input STATE is echoed, in order, unchanged apart from {@code destinationStats} (unknown
   * fields such as the platform's {@code id} kept), with {@code destinationStats.recordCount} equal
   * to the records received since the previous state of the same scope (stream, or global).
   */
  public static List<Violation> stateEcho(List<JsonNode> input, RunResult run) {
    String rule = Rules.DESTINATION_STATE_ECHO;
    List<JsonNode> inputStates = new ArrayList<>();
    List<Double> expectedCounts = new ArrayList<>();
    Map<String, Integer> since = new HashMap<>();
    for (JsonNode m : input) {
      String type = m.path("type").asText();
      if (type.equals("RECORD")) {
        StreamKey key = StreamKey.ofRecord(m.path("record"));
        since.merge("STREAM " + key, 1, Integer::sum);
        since.merge("GLOBAL", 1, Integer::sum);
      } else if (type.equals("STATE")) {
        JsonNode state = m.path("state");
        String scope =
            state.path("type").asText("").equals("STREAM")
                ? "STREAM " + StreamKey.from(state.path("stream").path("stream_descriptor"))
                : "GLOBAL";
        inputStates.add(state);
        expectedCounts.add((double) since.getOrDefault(scope, 0));
        if (scope.equals("GLOBAL")) {
          since.clear();
        } else {
          since.put(scope, 0);
        }
      }
    }
    List<Message> echoed = run.states();
    List<Violation> out = new ArrayList<>();
    if (echoed.size() != inputStates.size()) {
      out.add(
          Violation.of(
              rule,
              "STATE echo",
              "received "
                  + inputStates.size()
                  + " STATE messages but echoed "
                  + echoed.size()
                  + "; every state must be echoed once, in order, after its records are committed"));
    }
    for (int i = 0; i < Math.min(echoed.size(), inputStates.size()); i++) {
      Message m = echoed.get(i);
      JsonNode in = inputStates.get(i);
      if (!States.withoutDestinationStats(m.payload()).equals(States.withoutDestinationStats(in))) {
        out.add(
            Violation.of(
                    rule,
                    "echoed STATE #" + (i + 1),
                    "differs from input STATE #"
                        + (i + 1)
                        + " "
                        + Json.truncate(in)
                        + " (wrong order, or fields changed/dropped)")
                .withEvidence(m.evidence()));
        continue;
      }
      JsonNode count = m.payload().path("destinationStats").path("recordCount");
      if (!count.isNumber()) {
        out.add(
            Violation.of(rule, "echoed STATE #" + (i + 1), "has no destinationStats.recordCount")
                .withEvidence(m.evidence()));
      } else if (count.doubleValue() != expectedCounts.get(i)) {
        out.add(
            Violation.of(
                    rule,
                    "echoed STATE #" + (i + 1),
                    "destinationStats.recordCount is "
                        + count.decimalValue().stripTrailingZeros().toPlainString()
                        + ", expected "
                        + expectedCounts.get(i).longValue()
                        + " (records received since the previous state of the stream)")
                .withEvidence(m.evidence()));
      }
    }
    return out;
  }

  /** The last echoed STATE equals the last input STATE (ignoring {@code destinationStats}). */
  public static List<Violation> lastState(List<JsonNode> input, RunResult run) {
    String rule = Rules.DESTINATION_LAST_STATE;
    JsonNode lastInput = null;
    for (JsonNode m : input) {
      if (m.path("type").asText().equals("STATE")) {
        lastInput = m.path("state");
      }
    }
    if (lastInput == null) {
      return List.of();
    }
    List<Message> echoed = run.states();
    if (echoed.isEmpty()) {
      return List.of(
          Violation.of(
              rule,
              "STATE echo",
              "no STATE was echoed; the last one must be " + Json.truncate(lastInput)));
    }
    Message last = echoed.get(echoed.size() - 1);
    if (!States.withoutDestinationStats(last.payload())
        .equals(States.withoutDestinationStats(lastInput))) {
      return List.of(
          Violation.of(
                  rule,
                  "last echoed STATE",
                  "differs from the last input STATE " + Json.truncate(lastInput))
              .withEvidence(last.evidence()));
    }
    return List.of();
  }
}
