package io.c8kit.acceptance.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.StreamKey;

/**
 * One parsed stdout line: an {@code AirbyteMessage} as a JSON tree (kept as a tree, not a POJO, so
 * that malformed payloads can still be inspected and reported).
 *
 * @param lineNumber 1-based stdout line number
 * @param line the raw line
 * @param json the parsed message
 */
public record Message(int lineNumber, String line, JsonNode json) {
  /** The message {@code type} ({@code RECORD}, {@code STATE}, ...), or {@code ""}. */
  public String type() {
    return json.path("type").asText("");
  }

  public boolean is(String type) {
    return type().equals(type);
  }

  /** The payload field matching the type ({@code record}, {@code state}, {@code trace}, ...). */
  public JsonNode payload() {
    switch (type()) {
      case "RECORD":
        return json.path("record");
      case "STATE":
        return json.path("state");
      case "LOG":
        return json.path("log");
      case "SPEC":
        return json.path("spec");
      case "CONNECTION_STATUS":
        return json.path("connectionStatus");
      case "CATALOG":
        return json.path("catalog");
      case "TRACE":
        return json.path("trace");
      case "CONTROL":
        return json.path("control");
      case "DESTINATION_CATALOG":
        return json.path("destination_catalog");
      default:
        return json.path("__none__");
    }
  }

  /** For a RECORD: the record's stream. */
  public StreamKey recordStream() {
    return StreamKey.ofRecord(payload());
  }

  /** For a TRACE: the trace type ({@code ERROR}, {@code STREAM_STATUS}, ...). */
  public String traceType() {
    return json.path("trace").path("type").asText("");
  }

  public boolean isErrorTrace() {
    return is("TRACE") && traceType().equals("ERROR");
  }

  /** "line N: <truncated line>" for failure messages. */
  public String evidence() {
    return "stdout line " + lineNumber + ": " + line;
  }

  @Override
  public String toString() {
    return "line " + lineNumber + ": " + Json.truncate(line, 200);
  }
}
