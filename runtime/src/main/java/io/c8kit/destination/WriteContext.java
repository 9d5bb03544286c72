package io.c8kit.destination;

import java.util.List;

/** What a {@code @Writer} method receives besides the config: the streams of this run's catalog. */
public interface WriteContext {
  /** The configured streams, in catalog order. */
  List<DestinationStream> streams();
}
