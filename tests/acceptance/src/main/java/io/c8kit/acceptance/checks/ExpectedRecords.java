package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses CAT's {@code expected_records.jsonl}: one record per line, {@code {"stream":…, "data":{…},
 * "emitted_at":…}} (the envelope {@code {"type":"RECORD","record":{…}}} is accepted too); blank
 * lines are skipped.
 */
public final class ExpectedRecords {
  private ExpectedRecords() {}

  /** The record payloads, in file order. */
  public static List<JsonNode> parse(String jsonl) {
    List<JsonNode> out = new ArrayList<>();
    String[] lines = jsonl.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode n;
      try {
        n = Json.parse(line);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "expected records line " + (i + 1) + ": " + e.getMessage(), e);
      }
      if (n.path("type").asText().equals("RECORD") && n.has("record")) {
        n = n.get("record");
      }
      if (!n.path("stream").isTextual() || !n.path("data").isObject()) {
        throw new IllegalArgumentException(
            "expected records line " + (i + 1) + " needs \"stream\" and a \"data\" object");
      }
      out.add(n);
    }
    return out;
  }
}
