package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A stream's identity in the protocol: name plus optional namespace ({@code null} when absent).
 *
 * @param namespace namespace or {@code null}
 * @param name stream name
 */
public record StreamKey(String namespace, String name) {
  public StreamKey {
    Objects.requireNonNull(name, "name");
  }

  public static StreamKey of(String name) {
    return new StreamKey(null, name);
  }

  /**
   * Reads {@code name}/{@code namespace} (or {@code stream}/{@code namespace} for records) from a
   * node.
   */
  public static StreamKey from(JsonNode node) {
    JsonNode name = node.has("name") ? node.get("name") : node.path("stream");
    JsonNode ns = node.get("namespace");
    return new StreamKey(ns == null || ns.isNull() ? null : ns.asText(), name.asText(""));
  }

  /** The key of a RECORD payload ({@code stream} + {@code namespace}). */
  public static StreamKey ofRecord(JsonNode record) {
    JsonNode ns = record.get("namespace");
    return new StreamKey(
        ns == null || ns.isNull() ? null : ns.asText(), record.path("stream").asText(""));
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "." + name;
  }
}
