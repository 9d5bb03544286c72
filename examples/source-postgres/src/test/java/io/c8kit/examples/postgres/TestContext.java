package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.SyncMode;
import io.c8kit.source.DiscoveredStream;
import io.c8kit.source.StreamContext;
import java.util.List;
import java.util.Optional;

/**
 * A {@link StreamContext} as the read engine would hand it to {@code @Read}: the configured stream
 * and, for a resumed read, the state's cursor value or page key.
 */
final class TestContext implements StreamContext {
  final DiscoveredStream stream;
  final SyncMode mode;
  List<String> cursorField;
  JsonNode cursorValue;
  JsonNode pageAfter;
  ObjectNode jsonSchema;
  Integer checkpointEvery;

  private TestContext(DiscoveredStream stream, SyncMode mode, List<String> cursorField) {
    this.stream = stream;
    this.mode = mode;
    this.cursorField = cursorField;
    this.jsonSchema = stream.jsonSchema();
  }

  static TestContext fullRefresh(DiscoveredStream stream) {
    return new TestContext(stream, SyncMode.FULL_REFRESH, List.of());
  }

  static TestContext incremental(DiscoveredStream stream, String cursor) {
    return new TestContext(stream, SyncMode.INCREMENTAL, List.of(cursor));
  }

  TestContext withoutCursor() {
    this.cursorField = List.of();
    return this;
  }

  TestContext from(JsonNode cursor) {
    this.cursorValue = cursor;
    return this;
  }

  TestContext after(JsonNode page) {
    this.pageAfter = page;
    return this;
  }

  @Override
  public String streamName() {
    return stream.name();
  }

  @Override
  public String namespace() {
    return stream.namespace();
  }

  @Override
  public SyncMode syncMode() {
    return mode;
  }

  @Override
  public ObjectNode jsonSchema() {
    return jsonSchema;
  }

  @Override
  public List<List<String>> primaryKey() {
    return stream.primaryKey();
  }

  @Override
  public List<String> cursorField() {
    return cursorField;
  }

  @Override
  public Optional<JsonNode> cursorValue() {
    return Optional.ofNullable(cursorValue);
  }

  @Override
  public Optional<JsonNode> pageAfter() {
    return Optional.ofNullable(pageAfter);
  }

  @Override
  public void checkpointEvery(int records) {
    this.checkpointEvery = records;
  }

  @Override
  public void configChanged(String property, String value) {
    throw new AssertionError(
        "the PostgreSQL source never changes its config, but changed " + property);
  }
}
