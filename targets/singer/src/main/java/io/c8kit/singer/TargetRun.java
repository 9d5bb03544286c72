package io.c8kit.singer;

import io.c8kit.destination.DestinationStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Singer target's state machine over its input messages. The engine writes a fixed set of
 * streams per run, while Singer announces streams as it goes; so the input is loaded in segments,
 * each a write run over every stream with a SCHEMA so far, and a new segment starts (after the
 * previous one is committed) when a record needs a stream or mode the running one lacks: a new or
 * changed SCHEMA, or a new full-table version.
 *
 * <p>Modes: a stream whose records carry a {@code version} (or that had an ACTIVATE_VERSION first)
 * is a full table, loaded aside and swapped in by the ACTIVATE_VERSION that follows its records;
 * other streams are upserted by {@code key_properties}, or appended without keys. A full table
 * whose version never gets its ACTIVATE_VERSION is not applied. STATE values go to the listener
 * once everything before them is committed.
 */
final class TargetRun {
  /** Opens a write run over the given streams. */
  interface Segments {
    WriteEvents open(List<DestinationStream> streams) throws Exception;
  }

  /** A stream as the running segment has it. */
  private static final class InSegment {
    final boolean versioned;
    Long version;
    long records;
    boolean completed;

    InSegment(boolean versioned) {
      this.versioned = versioned;
    }
  }

  private final TargetStreams streams;
  private final Segments segments;
  private final WriteEvents.Listener listener;
  private final Consumer<String> warn;

  /** Streams whose last ACTIVATE_VERSION came before any of its records: versioned from now on. */
  private final Map<String, Long> announcedVersion = new HashMap<>();

  private final Set<String> changedSinceStart = new HashSet<>();
  private WriteEvents segment;
  private Map<String, InSegment> inSegment = new LinkedHashMap<>();
  long records;
  int segmentsRun;

  TargetRun(
      TargetStreams streams,
      Segments segments,
      WriteEvents.Listener listener,
      Consumer<String> warn) {
    this.streams = streams;
    this.segments = segments;
    this.listener = listener;
    this.warn = warn;
  }

  void message(SingerMessage message, long line) throws Exception {
    if (message instanceof SingerMessage.Schema s) {
      if (streams.schema(s) && inSegment.containsKey(s.stream())) {
        changedSinceStart.add(s.stream());
      }
    } else if (message instanceof SingerMessage.Record r) {
      record(r, line);
    } else if (message instanceof SingerMessage.State s) {
      if (segment == null) {
        listener.committed(s.value()); // nothing is uncommitted
        listener.flush();
      } else {
        segment.state(s.value());
      }
    } else if (message instanceof SingerMessage.ActivateVersion a) {
      activate(a, line);
    } else {
      throw new IllegalStateException("not a message for the run: " + message);
    }
  }

  private void record(SingerMessage.Record r, long line) throws Exception {
    if (streams.get(r.stream()) == null) {
      throw new SingerInputException(
          line,
          "RECORD for stream \""
              + r.stream()
              + "\" before any SCHEMA of it;"
              + " the target needs the stream's schema and key_properties first");
    }
    boolean versioned = r.version() != null || announcedVersion.containsKey(r.stream());
    InSegment s = segment == null ? null : inSegment.get(r.stream());
    if (s == null
        || s.completed
        || s.versioned != versioned
        || changedSinceStart.contains(r.stream())
        || (versioned
            && s.version != null
            && r.version() != null
            && !s.version.equals(r.version()))) {
      restart(r.stream(), versioned, line);
      s = inSegment.get(r.stream());
    }
    if (versioned && s.version == null) {
      s.version = r.version() != null ? r.version() : announcedVersion.get(r.stream());
    }
    announcedVersion.remove(r.stream());
    segment.record(r.stream(), r.record(), line);
    s.records++;
    records++;
  }

  private void activate(SingerMessage.ActivateVersion a, long line) throws Exception {
    if (streams.get(a.stream()) == null) {
      throw new SingerInputException(
          line, "ACTIVATE_VERSION for stream \"" + a.stream() + "\" before any SCHEMA of it");
    }
    InSegment s = segment == null ? null : inSegment.get(a.stream());
    if (s != null
        && s.versioned
        && !s.completed
        && s.records > 0
        && Long.valueOf(a.version()).equals(s.version)) {
      segment.complete(a.stream()); // the version is complete: swap it in
      s.completed = true;
      return;
    }
    if (Long.valueOf(a.version()).equals(announcedVersion.get(a.stream()))) {
      // announced, then activated with no record between: the table is now empty
      announcedVersion.remove(a.stream());
      restart(a.stream(), true, line);
      segment.complete(a.stream());
      inSegment.get(a.stream()).completed = true;
      return;
    }
    announcedVersion.put(a.stream(), a.version());
  }

  /**
   * Ends the running segment (committing it) and opens one where {@code stream} has the mode it
   * needs.
   */
  private void restart(String stream, boolean versioned, long line) throws Exception {
    endSegment(line, stream);
    Set<String> versionedStreams = new HashSet<>(announcedVersion.keySet());
    if (versioned) {
      versionedStreams.add(stream);
    } else {
      versionedStreams.remove(stream);
    }
    List<DestinationStream> destinationStreams = streams.destinationStreams(versionedStreams);
    inSegment = new LinkedHashMap<>();
    for (DestinationStream d : destinationStreams) {
      inSegment.put(d.name(), new InSegment(versionedStreams.contains(d.name())));
    }
    changedSinceStart.clear();
    segment = segments.open(destinationStreams);
    segmentsRun++;
  }

  /** End of input. */
  void finish() throws Exception {
    endSegment(-1, null);
  }

  private void endSegment(long line, String cause) throws Exception {
    if (segment == null) {
      return;
    }
    for (Map.Entry<String, InSegment> e : inSegment.entrySet()) {
      InSegment s = e.getValue();
      if (s.completed || s.records == 0) {
        continue;
      }
      if (!s.versioned) {
        segment.complete(e.getKey());
      } else if (line < 0) {
        warn.accept(
            "Stream "
                + e.getKey()
                + ": version "
                + s.version
                + " got no ACTIVATE_VERSION before the end"
                + " of input; its "
                + s.records
                + " records were not applied (the table keeps its previous data)");
      } else {
        throw new SingerInputException(
            line,
            "stream \""
                + cause
                + "\" needs a new load while the full-table"
                + " version "
                + s.version
                + " of stream \""
                + e.getKey()
                + "\" is still loading (its ACTIVATE_VERSION"
                + " has not come yet); send each full table's records and its ACTIVATE_VERSION together");
      }
    }
    WriteEvents ending = segment;
    segment = null;
    try (ending) {
      ending.finish();
    }
  }

  /** Closes a segment left open by a failure (its uncommitted records are not applied). */
  void abort() {
    if (segment != null) {
      try {
        segment.close();
      } catch (Exception ignored) {
        // the failure that got us here is what gets reported
      }
      segment = null;
    }
  }
}
