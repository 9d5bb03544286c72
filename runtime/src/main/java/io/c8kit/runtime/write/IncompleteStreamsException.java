package io.c8kit.runtime.write;

import io.c8kit.TransientException;
import java.util.List;

/**
 * The input carried stream statuses but ended with streams that never got COMPLETE: typed, so that
 * a target whose own protocol decides completion (Singer's ACTIVATE_VERSION) can tell it from other
 * failures. Everything received was committed and its states echoed before it is thrown.
 */
public final class IncompleteStreamsException extends TransientException {
  private static final long serialVersionUID = 1L;

  private final List<String> streams;

  IncompleteStreamsException(String message, List<String> streams) {
    super(message);
    this.streams = List.copyOf(streams);
  }

  /** The display names of the streams left without COMPLETE. */
  public List<String> streams() {
    return streams;
  }
}
