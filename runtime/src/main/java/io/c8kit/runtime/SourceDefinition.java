package io.c8kit.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the runtime needs to run one source, assembled by generated code: the common
 * definition, static streams and the optional discover/read pair for run-time streams.
 *
 * @param <C> the config type
 */
public final class SourceDefinition<C> extends ConnectorDefinition<C> {
  private final List<StreamDefinition<C, ?>> streams;
  private final DiscoverFunction<C> discover;
  private final DynamicReader<C> dynamicReader;
  private final int concurrency;
  private final boolean ioBound;

  private SourceDefinition(Builder<C> b) {
    super(b);
    this.concurrency = b.concurrency;
    this.ioBound = b.ioBound;
    this.streams = List.copyOf(b.streams);
    this.discover = b.discover;
    this.dynamicReader = b.dynamicReader;
    if ((discover == null) != (dynamicReader == null)) {
      throw new IllegalArgumentException("a @Discover method needs a @Read method and vice versa");
    }
  }

  public static <C> Builder<C> builder(ConnectorInfo info, ConfigBinder<C> binder) {
    return new Builder<>(info, binder);
  }

  /** Streams known at compile time, in declaration order. */
  public List<StreamDefinition<C, ?>> streams() {
    return streams;
  }

  /** The {@code @Discover} adapter, or {@code null}. */
  public DiscoverFunction<C> discover() {
    return discover;
  }

  /** The {@code @Read} adapter, or {@code null}. */
  public DynamicReader<C> dynamicReader() {
    return dynamicReader;
  }

  /**
   * How many streams the author allows to be read at the same time (1 = one after another): only
   * the author knows whether the stream methods share state that is not thread-safe.
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Whether the streams spend their time waiting on I/O (a remote database, an API) rather than
   * computing records ({@code @Source(ioBound = true)}, or an {@code @HttpSource}): their {@link
   * #concurrency()} is then not bounded by the processors by default.
   */
  public boolean ioBound() {
    return ioBound;
  }

  /** Builder used by generated code. */
  public static final class Builder<C> extends ConnectorDefinition.Builder<C, Builder<C>> {
    private final List<StreamDefinition<C, ?>> streams = new ArrayList<>();
    private DiscoverFunction<C> discover;
    private DynamicReader<C> dynamicReader;
    private int concurrency = 1;
    private boolean ioBound;

    private Builder(ConnectorInfo info, ConfigBinder<C> binder) {
      super(info, binder);
    }

    @Override
    Builder<C> self() {
      return this;
    }

    public Builder<C> stream(StreamDefinition<C, ?> stream) {
      this.streams.add(stream);
      return this;
    }

    public Builder<C> discover(DiscoverFunction<C> discover, DynamicReader<C> reader) {
      this.discover = discover;
      this.dynamicReader = reader;
      return this;
    }

    public Builder<C> concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /** The streams mostly wait on I/O; see {@link SourceDefinition#ioBound()}. */
    public Builder<C> ioBound() {
      this.ioBound = true;
      return this;
    }

    public SourceDefinition<C> build() {
      return new SourceDefinition<>(this);
    }
  }
}
