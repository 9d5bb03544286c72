package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.SyncMode;
import io.c8kit.source.StreamContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stream context that records the hooks the toolkit calls. */
final class RecordingContext implements StreamContext {
  final List<Instant> rateLimited = new ArrayList<>();
  final List<String> configChanges = new ArrayList<>();

  @Override
  public String streamName() {
    return "things";
  }

  @Override
  public String namespace() {
    return null;
  }

  @Override
  public SyncMode syncMode() {
    return SyncMode.FULL_REFRESH;
  }

  @Override
  public ObjectNode jsonSchema() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }

  @Override
  public List<List<String>> primaryKey() {
    return List.of();
  }

  @Override
  public List<String> cursorField() {
    return List.of();
  }

  @Override
  public Optional<JsonNode> cursorValue() {
    return Optional.empty();
  }

  @Override
  public Optional<JsonNode> pageAfter() {
    return Optional.empty();
  }

  @Override
  public void checkpointEvery(int records) {}

  @Override
  public void rateLimited(Instant quotaReset) {
    rateLimited.add(quotaReset);
  }

  @Override
  public void configChanged(String property, String value) {
    configChanges.add(property + "=" + value);
  }
}
