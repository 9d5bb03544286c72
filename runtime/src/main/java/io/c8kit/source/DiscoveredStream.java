package io.c8kit.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stream found at run time by a {@code @Discover} method: name, JSON schema, keys and the sync
 * modes it supports. Immutable; build with {@link #builder(String)}.
 */
public final class DiscoveredStream {
  private final String name;
  private final String namespace;
  private final ObjectNode jsonSchema;
  private final List<List<String>> primaryKey;
  private final List<String> defaultCursorField;
  private final boolean sourceDefinedCursor;
  private final Set<SyncMode> syncModes;
  private final boolean ordered;
  private final String pageKey;

  private DiscoveredStream(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.namespace = b.namespace;
    this.jsonSchema = Objects.requireNonNull(b.jsonSchema, "jsonSchema of stream " + b.name);
    this.primaryKey = List.copyOf(b.primaryKey);
    this.defaultCursorField = List.copyOf(b.defaultCursorField);
    this.sourceDefinedCursor = b.sourceDefinedCursor;
    this.syncModes =
        b.syncModes.isEmpty() ? EnumSet.of(SyncMode.FULL_REFRESH) : EnumSet.copyOf(b.syncModes);
    this.ordered = b.ordered;
    this.pageKey = b.pageKey;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public ObjectNode jsonSchema() {
    return jsonSchema.deepCopy();
  }

  public List<List<String>> primaryKey() {
    return primaryKey;
  }

  public List<String> defaultCursorField() {
    return defaultCursorField;
  }

  public boolean sourceDefinedCursor() {
    return sourceDefinedCursor;
  }

  /** Supported sync modes; full refresh first when listed. */
  public Set<SyncMode> syncModes() {
    return syncModes;
  }

  /** True when the {@code @Read} method returns records in ascending cursor (or page key) order. */
  public boolean ordered() {
    return ordered;
  }

  /** Field a full-refresh read is ordered and resumable by, or {@code null}. */
  public String pageKey() {
    return pageKey;
  }

  /** Builder for {@link DiscoveredStream}. */
  public static final class Builder {
    private final String name;
    private String namespace;
    private ObjectNode jsonSchema;
    private final List<List<String>> primaryKey = new ArrayList<>();
    private final List<String> defaultCursorField = new ArrayList<>();
    private boolean sourceDefinedCursor;
    private final Set<SyncMode> syncModes = EnumSet.noneOf(SyncMode.class);
    private boolean ordered;
    private String pageKey;

    private Builder(String name) {
      this.name = name;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder jsonSchema(ObjectNode jsonSchema) {
      this.jsonSchema = jsonSchema;
      return this;
    }

    /** Adds one primary-key path (one column for a simple key; call again for composite keys). */
    public Builder primaryKey(List<String> path) {
      this.primaryKey.add(List.copyOf(path));
      return this;
    }

    public Builder defaultCursorField(List<String> path) {
      this.defaultCursorField.clear();
      this.defaultCursorField.addAll(path);
      return this;
    }

    public Builder sourceDefinedCursor(boolean sourceDefinedCursor) {
      this.sourceDefinedCursor = sourceDefinedCursor;
      return this;
    }

    public Builder syncModes(SyncMode... modes) {
      this.syncModes.addAll(List.of(modes));
      return this;
    }

    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    public Builder pageKey(String pageKey) {
      this.pageKey = pageKey;
      return this;
    }

    public DiscoveredStream build() {
      return new DiscoveredStream(this);
    }
  }
}
