package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.ReadContext;
import io.c8kit.source.Cursor;
import io.c8kit.source.Page;
import java.util.List;
import java.util.Optional;

/**
 * What a stream method can ask about the read in progress, answered from its {@link StreamPlan}.
 */
abstract class BaseContext implements ReadContext<Object> {
  final StreamPlan<?> plan;
  private final Cursor<Object> cursor;
  private final Page<Object> page;

  BaseContext(StreamPlan<?> plan) {
    this.plan = plan;
    boolean incremental = plan.kind == StreamPlan.Kind.INCREMENTAL && plan.bound != null;
    boolean paged = plan.kind == StreamPlan.Kind.PAGED && plan.bound != null;
    this.cursor = incremental ? Cursor.of(plan.bound) : Cursor.empty();
    this.page = paged ? Page.after(plan.bound) : Page.start();
  }

  @Override
  public final String streamName() {
    return plan.name;
  }

  @Override
  public final String namespace() {
    return plan.namespace;
  }

  @Override
  public final SyncMode syncMode() {
    return plan.syncMode;
  }

  @Override
  public final ObjectNode jsonSchema() {
    return plan.jsonSchema().deepCopy();
  }

  @Override
  public final List<List<String>> primaryKey() {
    return plan.primaryKey;
  }

  @Override
  public final List<String> cursorField() {
    return plan.cursorField;
  }

  @Override
  public final Optional<JsonNode> cursorValue() {
    return cursor.isPresent() ? Optional.of(plan.boundJson.deepCopy()) : Optional.empty();
  }

  @Override
  public final Optional<JsonNode> pageAfter() {
    return page.isStart() ? Optional.empty() : Optional.of(plan.boundJson.deepCopy());
  }

  @Override
  @SuppressWarnings("unchecked")
  public final <K> Cursor<K> cursor() {
    return (Cursor<K>) cursor;
  }

  @Override
  @SuppressWarnings("unchecked")
  public final <K> Page<K> page() {
    return (Page<K>) page;
  }
}
