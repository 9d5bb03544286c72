package io.c8kit.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Builds connector stdout for tests of the checks. */
public final class Out {
  private final List<String> lines = new ArrayList<>();
  private long emittedAt = 1_700_000_000_000L;

  public static Out out() {
    return new Out();
  }

  public Out line(String raw) {
    lines.add(raw);
    return this;
  }

  public Out record(String stream, String dataJson) {
    return record(stream, dataJson, emittedAt++);
  }

  public Out record(String stream, String dataJson, long emitted) {
    lines.add(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\""
            + stream
            + "\",\"data\":"
            + dataJson
            + ",\"emitted_at\":"
            + emitted
            + "}}");
    return this;
  }

  /** A STREAM state with sourceStats.recordCount. */
  public Out state(String stream, String stateJson, double count) {
    lines.add(
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
            + stream
            + "\"},\"stream_state\":"
            + stateJson
            + "},\"sourceStats\":{\"recordCount\":"
            + count
            + "}}}");
    return this;
  }

  public Out status(String stream, String status) {
    lines.add(
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":"
            + (emittedAt++)
            + ".0,\"stream_status\":{\"stream_descriptor\":{\"name\":\""
            + stream
            + "\"},\"status\":\""
            + status
            + "\"}}}");
    return this;
  }

  /** STARTED, RUNNING, COMPLETE around nothing: call before/after records as needed. */
  public Out statuses(String stream) {
    return status(stream, "STARTED").status(stream, "RUNNING").status(stream, "COMPLETE");
  }

  public Out error(String message) {
    lines.add(
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1.0,\"error\":{\"message\":\""
            + message
            + "\",\"failure_type\":\"system_error\"}}}");
    return this;
  }

  public Out log(String message) {
    lines.add("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"" + message + "\"}}");
    return this;
  }

  public Out connectionStatus(String status) {
    lines.add(
        "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"" + status + "\"}}");
    return this;
  }

  public Out spec(JsonNode spec) {
    ObjectNode m = Json.object();
    m.put("type", "SPEC");
    m.set("spec", spec);
    lines.add(Json.write(m));
    return this;
  }

  public Out catalog(JsonNode catalog) {
    ObjectNode m = Json.object();
    m.put("type", "CATALOG");
    m.set("catalog", catalog);
    lines.add(Json.write(m));
    return this;
  }

  public Out message(JsonNode message) {
    lines.add(Json.write(message));
    return this;
  }

  public RunResult exit(int code) {
    return RunResult.of(code, String.join("\n", lines) + "\n");
  }

  public RunResult ok() {
    return exit(0);
  }
}
