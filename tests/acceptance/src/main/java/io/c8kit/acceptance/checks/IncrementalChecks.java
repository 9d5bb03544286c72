package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code incremental} suite: pure parts of CAT's {@code TestIncremental}. */
public final class IncrementalChecks {
  /** At most this many checkpoints are re-read per stream. */
  public static final int MAX_SAMPLED_CHECKPOINTS = 5;

  private IncrementalChecks() {}

  /** Every stream of the incremental catalog has a cursor field (configured or default). */
  public static List<Violation> cursorFieldDefined(JsonNode incrementalCatalog) {
    List<Violation> out = new ArrayList<>();
    List<JsonNode> streams = Catalogs.configuredStreams(incrementalCatalog);
    for (JsonNode cs : streams) {
      if (Catalogs.path(cs.get("cursor_field")).isEmpty()) {
        out.add(
            Violation.of(
                    Rules.INCREMENTAL_CURSOR_FIELD_DEFINED,
                    Catalogs.keyOfConfigured(cs),
                    "cursor_field",
                    "the stream supports incremental but has neither a configured cursor_field nor a default_cursor_field")
                .withEvidence(Json.write(cs.path("stream"))));
      }
    }
    return out;
  }

  /**
   * Read 1 has ≥1 STATE and ≥1 RECORD; read 2 (from read 1's latest states) returns a different
   * record set (data compared, order ignored).
   */
  public static List<Violation> twoSequentialReads(RunResult first, RunResult second) {
    String rule = Rules.INCREMENTAL_TWO_SEQUENTIAL_READS;
    List<Violation> out = new ArrayList<>();
    if (first.exitCode() != 0) {
      out.add(Violation.of(rule, "read 1", "exited " + first.exitCode() + ", expected 0"));
    }
    if (first.states().isEmpty()) {
      out.add(Violation.of(rule, "read 1", "should produce at least one STATE"));
    }
    if (first.records().isEmpty()) {
      out.add(Violation.of(rule, "read 1", "should produce at least one RECORD"));
    }
    if (second.exitCode() != 0) {
      out.add(
          Violation.of(
              rule,
              "read 2 (with the latest states)",
              "exited " + second.exitCode() + ", expected 0"));
    }
    if (out.isEmpty() && sameRecords(first.records(), second.records())) {
      out.add(
          Violation.of(
              rule,
              "read 2 (with the latest states)",
              "returned the same "
                  + second.records().size()
                  + " records as read 1: the state was not used to read incrementally"));
    }
    return out;
  }

  /** A usable checkpoint of a stream's full read. */
  public record Checkpoint(
      int position, Message message, JsonNode state, double recordCount, double cumulativeCount) {
    /** The {@code --state} input that resumes from this checkpoint. */
    public JsonNode stateInput() {
      return Json.array().add(States.inputState(state));
    }
  }

  /** The checkpoints of a full read and the problems that make the test impossible. */
  public record Checkpoints(List<Checkpoint> usable, List<Violation> problems, int totalRecords) {}

  /**
   * CAT's checkpoint selection for one stream: collapse consecutive identical states (summing
   * {@code sourceStats.recordCount}), drop states with count 0. A stream with records but no usable
   * checkpoint is a violation.
   */
  public static Checkpoints checkpoints(RunResult fullRead, StreamKey stream) {
    String rule = Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES;
    int total = 0;
    for (Message m : fullRead.records()) {
      if (m.recordStream().equals(stream)) {
        total++;
      }
    }
    List<Violation> problems = new ArrayList<>();
    if (fullRead.exitCode() != 0) {
      problems.add(
          Violation.of(
              rule, stream, "full read", "exited " + fullRead.exitCode() + ", expected 0"));
      return new Checkpoints(List.of(), problems, total);
    }
    List<Message> states = new ArrayList<>();
    for (Message m : fullRead.states()) {
      JsonNode s = m.payload();
      String type = s.path("type").asText("");
      if (type.equals("GLOBAL")
          || (type.equals("STREAM")
              && StreamKey.from(s.path("stream").path("stream_descriptor")).equals(stream))) {
        states.add(m);
      }
    }
    if (total == 0) {
      return new Checkpoints(List.of(), problems, 0);
    }
    if (states.isEmpty()) {
      problems.add(
          Violation.of(
              rule,
              stream,
              "full read",
              "returned "
                  + total
                  + " records but no STATE, so there is no checkpoint to resume from"));
      return new Checkpoints(List.of(), problems, total);
    }
    List<Message> collapsedMessages = new ArrayList<>();
    List<Double> collapsedCounts = new ArrayList<>();
    String previous = null;
    for (Message m : states) {
      String key = States.withoutStats(m.payload());
      double count = States.count(m.payload(), "sourceStats");
      if (key.equals(previous)) {
        int last = collapsedCounts.size() - 1;
        collapsedCounts.set(last, collapsedCounts.get(last) + count);
        collapsedMessages.set(last, m);
      } else {
        collapsedMessages.add(m);
        collapsedCounts.add(count);
      }
      previous = key;
    }
    List<Checkpoint> usable = new ArrayList<>();
    double cumulative = 0;
    for (int i = 0; i < collapsedMessages.size(); i++) {
      cumulative += collapsedCounts.get(i);
      if (collapsedCounts.get(i) > 0) {
        Message m = collapsedMessages.get(i);
        usable.add(new Checkpoint(i, m, m.payload(), collapsedCounts.get(i), cumulative));
      }
    }
    if (usable.isEmpty()) {
      problems.add(
          Violation.of(
                  rule,
                  stream,
                  "states",
                  "no usable checkpoint: every STATE has sourceStats.recordCount 0"
                      + " (recordCount must count the records since the previous state)")
              .withEvidence(states.get(states.size() - 1).evidence()));
    }
    return new Checkpoints(usable, problems, total);
  }

  /**
   * Up to {@value #MAX_SAMPLED_CHECKPOINTS} checkpoints, evenly spaced, without the first and last
   * when there are ≥3.
   */
  public static List<Checkpoint> sample(List<Checkpoint> usable) {
    List<Checkpoint> candidates =
        usable.size() >= 3 ? usable.subList(1, usable.size() - 1) : usable;
    if (candidates.size() <= MAX_SAMPLED_CHECKPOINTS) {
      return List.copyOf(candidates);
    }
    Set<Integer> picks = new LinkedHashSet<>();
    for (int i = 0; i < MAX_SAMPLED_CHECKPOINTS; i++) {
      picks.add(
          (int) Math.round(i * (candidates.size() - 1) / (double) (MAX_SAMPLED_CHECKPOINTS - 1)));
    }
    List<Checkpoint> out = new ArrayList<>();
    picks.forEach(i -> out.add(candidates.get(i)));
    return out;
  }

  /**
   * Re-reading from a checkpoint returns at least (total − records up to the checkpoint) records of
   * the stream and a record set different from the full read.
   */
  public static List<Violation> resumedRead(
      StreamKey stream,
      RunResult fullRead,
      Checkpoints checkpoints,
      Checkpoint checkpoint,
      RunResult resumed) {
    String rule = Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES;
    List<Violation> out = new ArrayList<>();
    String subject = "resume from checkpoint #" + (checkpoint.position() + 1);
    if (resumed.exitCode() != 0) {
      out.add(
          Violation.of(rule, stream, subject, "exited " + resumed.exitCode() + ", expected 0")
              .withEvidence(checkpoint.message().evidence()));
      return out;
    }
    List<Message> fullRecords = recordsOf(fullRead, stream);
    List<Message> resumedRecords = recordsOf(resumed, stream);
    double expected = checkpoints.totalRecords() - checkpoint.cumulativeCount();
    if (resumedRecords.size() < expected) {
      out.add(
          Violation.of(
                  rule,
                  stream,
                  subject,
                  "returned "
                      + resumedRecords.size()
                      + " records, expected at least "
                      + (long) Math.ceil(expected)
                      + " ("
                      + checkpoints.totalRecords()
                      + " in the full read minus "
                      + (long) checkpoint.cumulativeCount()
                      + " covered by the checkpoint): resuming must re-emit everything after it")
              .withEvidence(checkpoint.message().evidence()));
    }
    if (sameRecords(fullRecords, resumedRecords)) {
      out.add(
          Violation.of(
                  rule,
                  stream,
                  subject,
                  "returned the same records as the full read; the state was ignored")
              .withEvidence(checkpoint.message().evidence()));
    }
    return out;
  }

  /** A read from a far-future state yields no records and at least one STATE (and exits 0). */
  public static List<Violation> stateWithAbnormallyLargeValues(RunResult run) {
    String rule = Rules.INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES;
    List<Violation> out = new ArrayList<>();
    if (run.exitCode() != 0) {
      out.add(
          Violation.of(
              rule, "read with the future state", "exited " + run.exitCode() + ", expected 0"));
    }
    if (!run.records().isEmpty()) {
      Message first = run.records().get(0);
      out.add(
          Violation.of(
                  rule,
                  first.recordStream(),
                  "read with the future state",
                  "should produce no records, got " + run.records().size())
              .withEvidence(first.evidence()));
    }
    if (run.states().isEmpty()) {
      out.add(
          Violation.of(rule, "read with the future state", "should produce at least one STATE"));
    }
    return out;
  }

  private static List<Message> recordsOf(RunResult run, StreamKey stream) {
    List<Message> out = new ArrayList<>();
    for (Message m : run.records()) {
      if (m.recordStream().equals(stream)) {
        out.add(m);
      }
    }
    return out;
  }

  /** True when both lists hold the same multiset of record {@code data}. */
  static boolean sameRecords(List<Message> a, List<Message> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Message m : a) {
      counts.merge(Json.canonical(m.payload().path("data")), 1, Integer::sum);
    }
    for (Message m : b) {
      String k = Json.canonical(m.payload().path("data"));
      Integer c = counts.get(k);
      if (c == null || c == 0) {
        return false;
      }
      counts.put(k, c - 1);
    }
    return true;
  }
}
