package io.c8kit.singer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write run of the engine over a fixed set of streams, fed event by event: what the Singer
 * target turns its input into. {@link #committed} tells which state values are safe to print.
 */
interface WriteEvents extends AutoCloseable {
  /** A record of {@code stream}; {@code line} locates it in the input for errors. */
  void record(String stream, ObjectNode data, long line) throws Exception;

  /** A state barrier: handed back through the listener once every record before it is committed. */
  void state(Object state) throws Exception;

  /** The stream is complete: commit it and apply its mode's final step (swap in a full table). */
  void complete(String stream) throws Exception;

  /** End of this run's input: commit everything, release every state; then close. */
  void finish() throws Exception;

  /** Told, in order, of each state whose records are committed; then {@link #flush()}. */
  interface Listener {
    void committed(Object state) throws Exception;

    void flush() throws Exception;
  }
}
