package io.c8kit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the harness table: a c8kit figure next to its baseline from the same run, how they
 * compare, and whether the target holds.
 */
final class Result {
  /** How {@link #compared} is computed. */
  enum Comparison {
    /** c8kit / baseline (higher is better: throughput). */
    RATIO,
    /** c8kit - baseline (lower is better: milliseconds). */
    DIFF,
    /** c8kit / baseline - 1, as a percentage (lower is better: extra time). */
    OVERHEAD,
    /** No baseline. */
    NONE
  }

  final String id;
  final String label;
  final String unit;
  double c8kit = Double.NaN;
  double baseline = Double.NaN;
  String baselineLabel = "";
  Comparison comparison = Comparison.NONE;
  /** The target, e.g. {@code >= 0.90x}; empty for an informational row. */
  String target = "";
  /** Null for an informational row. */
  Boolean holds;
  /** Why the row failed (a process exited non-zero, a check failed); null when it ran. */
  String error;
  /** Extra figures (MB/s, CPU time, peak heap …) in insertion order. */
  final Map<String, Object> details = new LinkedHashMap<>();
  /** Per-run raw figures. */
  final List<Map<String, Object>> runs = new ArrayList<>();

  Result(String id, String label, String unit) {
    this.id = id;
    this.label = label;
    this.unit = unit;
  }

  double compared() {
    return switch (comparison) {
      case RATIO -> c8kit / baseline;
      case DIFF -> c8kit - baseline;
      case OVERHEAD -> (c8kit / baseline - 1) * 100;
      case NONE -> Double.NaN;
    };
  }

  String comparedText() {
    if (error != null) {
      return "";
    }
    double v = compared();
    return switch (comparison) {
      case RATIO -> String.format("%.2fx", v);
      case DIFF -> String.format("%+.0f ms", v);
      case OVERHEAD -> String.format("%+.1f %%", v);
      case NONE -> "";
    };
  }

  static Result failed(String id, String label, String unit, String error) {
    Result r = new Result(id, label, unit);
    r.error = error;
    r.holds = false;
    return r;
  }
}
