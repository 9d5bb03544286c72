package io.c8kit.runtime;

import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A stream whose schema is known at compile time, as generated from a {@code @Stream} method:
 * identity, schema resource, keys, cursor extraction, serializer and the reader adapter.
 *
 * @param <C> the config type
 * @param <R> the record type
 */
public final class StreamDefinition<C, R> {
  private final String name;
  private final String namespace;
  private final String schemaResource;
  private final List<List<String>> primaryKey;
  private final List<String> cursorField;
  private final CursorType<?> cursorType;
  private final Function<? super R, ?> cursorOf;
  private final String pageKey;
  private final CursorType<?> pageType;
  private final Function<? super R, ?> pageOf;
  private final Set<SyncMode> syncModes;
  private final boolean ordered;
  private final int checkpointRecords;
  private final int checkpointSeconds;
  private final RecordSerializer<? super R> serializer;
  private final StreamReader<C, R> reader;

  private StreamDefinition(Builder<C, R> b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.namespace = b.namespace;
    this.schemaResource = Objects.requireNonNull(b.schemaResource, "schemaResource");
    this.primaryKey = List.copyOf(b.primaryKey);
    this.cursorField = List.copyOf(b.cursorField);
    this.cursorType = b.cursorType;
    this.cursorOf = b.cursorOf;
    this.pageKey = b.pageKey;
    this.pageType = b.pageType;
    this.pageOf = b.pageOf;
    Set<SyncMode> modes =
        b.syncModes.isEmpty()
            ? (cursorField.isEmpty()
                ? EnumSet.of(SyncMode.FULL_REFRESH)
                : EnumSet.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
            : EnumSet.copyOf(b.syncModes);
    this.syncModes = modes;
    this.ordered = b.ordered;
    this.checkpointRecords = b.checkpointRecords;
    this.checkpointSeconds = b.checkpointSeconds;
    this.serializer = Objects.requireNonNull(b.serializer, "serializer");
    this.reader = Objects.requireNonNull(b.reader, "reader");
    if (!cursorField.isEmpty() && (cursorType == null || cursorOf == null)) {
      throw new IllegalArgumentException(
          "stream " + name + ": a cursor needs its type and extractor");
    }
  }

  public static <C, R> Builder<C, R> builder(String name) {
    return new Builder<>(name);
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public String schemaResource() {
    return schemaResource;
  }

  public List<List<String>> primaryKey() {
    return primaryKey;
  }

  public List<String> cursorField() {
    return cursorField;
  }

  public CursorType<?> cursorType() {
    return cursorType;
  }

  public Function<? super R, ?> cursorOf() {
    return cursorOf;
  }

  public String pageKey() {
    return pageKey;
  }

  public CursorType<?> pageType() {
    return pageType;
  }

  public Function<? super R, ?> pageOf() {
    return pageOf;
  }

  /** Supported sync modes, iterated full refresh first. */
  public Set<SyncMode> syncModes() {
    return syncModes;
  }

  public boolean ordered() {
    return ordered;
  }

  /** Records between checkpoints; 0 means the runtime default. */
  public int checkpointRecords() {
    return checkpointRecords;
  }

  /** Seconds between checkpoints; 0 means the runtime default. */
  public int checkpointSeconds() {
    return checkpointSeconds;
  }

  public RecordSerializer<? super R> serializer() {
    return serializer;
  }

  public StreamReader<C, R> reader() {
    return reader;
  }

  /** Builder used by generated code. */
  public static final class Builder<C, R> {
    private final String name;
    private String namespace;
    private String schemaResource;
    private final List<List<String>> primaryKey = new ArrayList<>();
    private final List<String> cursorField = new ArrayList<>();
    private CursorType<?> cursorType;
    private Function<? super R, ?> cursorOf;
    private String pageKey;
    private CursorType<?> pageType;
    private Function<? super R, ?> pageOf;
    private final Set<SyncMode> syncModes = EnumSet.noneOf(SyncMode.class);
    private boolean ordered;
    private int checkpointRecords;
    private int checkpointSeconds;
    private RecordSerializer<? super R> serializer;
    private StreamReader<C, R> reader;

    private Builder(String name) {
      this.name = name;
    }

    public Builder<C, R> namespace(String namespace) {
      this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
      return this;
    }

    public Builder<C, R> schemaResource(String schemaResource) {
      this.schemaResource = schemaResource;
      return this;
    }

    /** Adds one primary-key path; call once per key part. */
    public Builder<C, R> primaryKey(String... path) {
      this.primaryKey.add(List.of(path));
      return this;
    }

    public <K> Builder<C, R> cursor(
        List<String> field, CursorType<K> type, Function<? super R, ? extends K> extractor) {
      this.cursorField.clear();
      this.cursorField.addAll(field);
      this.cursorType = type;
      this.cursorOf = extractor;
      return this;
    }

    public <K> Builder<C, R> page(
        String field, CursorType<K> type, Function<? super R, ? extends K> extractor) {
      this.pageKey = field;
      this.pageType = type;
      this.pageOf = extractor;
      return this;
    }

    public Builder<C, R> syncModes(SyncMode... modes) {
      this.syncModes.addAll(List.of(modes));
      return this;
    }

    public Builder<C, R> ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    public Builder<C, R> checkpointRecords(int records) {
      this.checkpointRecords = records;
      return this;
    }

    public Builder<C, R> checkpointSeconds(int seconds) {
      this.checkpointSeconds = seconds;
      return this;
    }

    public Builder<C, R> serializer(RecordSerializer<? super R> serializer) {
      this.serializer = serializer;
      return this;
    }

    public Builder<C, R> reader(StreamReader<C, R> reader) {
      this.reader = reader;
      return this;
    }

    public StreamDefinition<C, R> build() {
      return new StreamDefinition<>(this);
    }
  }
}
