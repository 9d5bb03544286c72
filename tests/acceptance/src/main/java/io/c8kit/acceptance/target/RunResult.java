package io.c8kit.acceptance.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one connector run: exit code, stdout split into lines and parsed into messages
 * (lines that are not JSON objects with a {@code type} are kept in {@link #unparseableLines()},
 * never fatal), and stderr.
 */
public final class RunResult {
  /** Exit code used when the run timed out. */
  public static final int TIMED_OUT = -1;

  /** Exit code used when an in-process run threw instead of returning. */
  public static final int THREW = -2;

  private final List<String> args;
  private final int exitCode;
  private final List<String> stdoutLines;
  private final List<Message> messages;
  private final List<String> unparseableLines;
  private final String stderr;
  private final Duration duration;
  private final String target;

  private RunResult(
      String target,
      List<String> args,
      int exitCode,
      List<String> stdoutLines,
      String stderr,
      Duration duration) {
    this.target = target;
    this.args = List.copyOf(args);
    this.exitCode = exitCode;
    this.stdoutLines = Collections.unmodifiableList(new ArrayList<>(stdoutLines));
    this.stderr = stderr == null ? "" : stderr;
    this.duration = duration == null ? Duration.ZERO : duration;
    List<Message> parsed = new ArrayList<>();
    List<String> junk = new ArrayList<>();
    for (int i = 0; i < stdoutLines.size(); i++) {
      String line = stdoutLines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = Json.tryParse(line);
      if (node != null && node.isObject() && node.path("type").isTextual()) {
        parsed.add(new Message(i + 1, line, node));
      } else {
        junk.add(line);
      }
    }
    this.messages = Collections.unmodifiableList(parsed);
    this.unparseableLines = Collections.unmodifiableList(junk);
  }

  /** Builds a result from raw process output. */
  public static RunResult of(
      String target,
      List<String> args,
      int exitCode,
      byte[] stdout,
      byte[] stderr,
      Duration duration) {
    return new RunResult(
        target,
        args,
        exitCode,
        splitLines(new String(stdout, StandardCharsets.UTF_8)),
        new String(stderr, StandardCharsets.UTF_8),
        duration);
  }

  /**
   * Builds a result from stdout text, for tests of the checks: {@code RunResult.of(0,
   * "{...}\n{...}")}.
   */
  public static RunResult of(int exitCode, String stdout) {
    return new RunResult("test", List.of(), exitCode, splitLines(stdout), "", Duration.ZERO);
  }

  /** Builds a result from stdout and stderr text. */
  public static RunResult of(int exitCode, String stdout, String stderr) {
    return new RunResult("test", List.of(), exitCode, splitLines(stdout), stderr, Duration.ZERO);
  }

  private static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(stripCr(text.substring(start, i)));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(stripCr(text.substring(start)));
    }
    return lines;
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  public List<String> args() {
    return args;
  }

  public int exitCode() {
    return exitCode;
  }

  public boolean timedOut() {
    return exitCode == TIMED_OUT;
  }

  public List<String> stdoutLines() {
    return stdoutLines;
  }

  public List<Message> messages() {
    return messages;
  }

  public List<String> unparseableLines() {
    return unparseableLines;
  }

  public String stderr() {
    return stderr;
  }

  public Duration duration() {
    return duration;
  }

  /** Messages of one type, in output order. */
  public List<Message> ofType(String type) {
    return messages.stream().filter(m -> m.is(type)).collect(Collectors.toList());
  }

  public List<Message> records() {
    return ofType("RECORD");
  }

  public List<Message> states() {
    return ofType("STATE");
  }

  public List<Message> traces() {
    return ofType("TRACE");
  }

  public List<Message> errorTraces() {
    return messages.stream().filter(Message::isErrorTrace).collect(Collectors.toList());
  }

  /** The end of stderr, for failure messages. */
  public String stderrTail(int maxChars) {
    String s = stderr.strip();
    return s.length() <= maxChars ? s : "…" + s.substring(s.length() - maxChars);
  }

  /**
   * A summary for failure messages: command, target, exit code, message counts, the first error
   * trace, and the end of stderr.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("run `")
        .append(String.join(" ", args))
        .append("` on ")
        .append(target)
        .append(": exit ")
        .append(exitCode == TIMED_OUT ? "(timed out)" : exitCode == THREW ? "(threw)" : exitCode)
        .append(", ")
        .append(messages.size())
        .append(" messages (")
        .append(records().size())
        .append(" RECORD, ")
        .append(states().size())
        .append(" STATE, ")
        .append(traces().size())
        .append(" TRACE)");
    if (!unparseableLines.isEmpty()) {
      sb.append(", ")
          .append(unparseableLines.size())
          .append(" unparseable stdout lines, first: ")
          .append(Json.truncate(unparseableLines.get(0), 200));
    }
    List<Message> errors = errorTraces();
    if (!errors.isEmpty()) {
      sb.append("\n    first TRACE ERROR: ").append(Json.truncate(errors.get(0).line(), 500));
    }
    if (!stderr.isBlank()) {
      sb.append("\n    stderr (end): ").append(stderrTail(1500).replace("\n", "\n      "));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
