package io.c8kit.processor.model;

import java.util.List;

/**
 * The {@code @Discover}/{@code @Read} pair of a source with run-time streams.
 *
 * @param emitterAdapts true when the read method's emitter takes a narrower type than Object, so
 *     the adapter must pass {@code ctx::emit} rather than the context itself
 */
public record DiscoverModel(
    String discoverMethod,
    String readMethod,
    ReturnKind readReturn,
    List<Param> readParams,
    boolean emitterAdapts) {
  public DiscoverModel {
    readParams = List.copyOf(readParams);
  }
}
