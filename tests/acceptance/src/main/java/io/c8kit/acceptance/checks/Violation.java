package io.c8kit.acceptance.checks;

import java.util.Objects;

/**
 * One broken acceptance rule: which rule, for which stream (if any), on what (a property, a record,
 * a message), why, and the offending protocol line or JSON fragment.
 *
 * @param rule the rule id, e.g. {@code spec.secret_is_properly_marked} (see {@link Rules})
 * @param stream the stream concerned, or {@code null}
 * @param subject what is wrong, e.g. {@code property /properties/password} or {@code record #3}
 * @param message why it is wrong
 * @param evidence the offending line or JSON (truncated when printed), or {@code null}
 */
public record Violation(
    String rule, StreamKey stream, String subject, String message, String evidence) {
  /** Characters of evidence printed per violation. */
  public static final int EVIDENCE_LIMIT = 500;

  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    subject = subject == null ? "" : subject;
  }

  public static Violation of(String rule, String subject, String message) {
    return new Violation(rule, null, subject, message, null);
  }

  public static Violation of(String rule, StreamKey stream, String subject, String message) {
    return new Violation(rule, stream, subject, message, null);
  }

  public Violation withEvidence(String evidence) {
    return new Violation(rule, stream, subject, message, evidence);
  }

  public Violation withStream(StreamKey stream) {
    return new Violation(rule, stream, subject, message, evidence);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[").append(rule).append("] ");
    if (stream != null) {
      sb.append("stream '").append(stream).append("' ");
    }
    if (!subject.isEmpty()) {
      sb.append(subject).append(": ");
    }
    sb.append(message);
    if (evidence != null) {
      sb.append("\n      offending: ").append(Json.truncate(evidence, EVIDENCE_LIMIT));
    }
    return sb.toString();
  }
}
