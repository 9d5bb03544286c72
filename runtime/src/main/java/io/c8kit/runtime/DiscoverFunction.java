package io.c8kit.runtime;

import io.c8kit.source.DiscoveredStream;
import java.util.List;

/** Adapts a {@code @Discover} method. */
@FunctionalInterface
public interface DiscoverFunction<C> {
  List<DiscoveredStream> discover(C config) throws Exception;
}
