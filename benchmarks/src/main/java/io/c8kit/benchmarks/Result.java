package io.c8kit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the harness table: c8kit next to its baseline from the same interleaved runs, once by
 * whole-process wall time and once by whole-process CPU time (user + system), each as min, median
 * and max, and whether the target holds on both. CPU is the figure that stays meaningful when other
 * processes compete for the cores; wall is what a user waits for. A target holds only when it holds
 * on both.
 */
final class Result {
  /** How the medians are compared. */
  enum Comparison {
    /**
     * c8kit / baseline, higher is better (throughput: records per second, records per CPU second).
     */
    RATIO,
    /** c8kit - baseline, lower is better (milliseconds). */
    DIFF,
    /** c8kit / baseline - 1 as a percentage, lower is better (extra time). */
    OVERHEAD,
    /** No baseline. */
    NONE
  }

  /** The figures of one measure (wall or CPU) over the runs, both sides. */
  static final class Figures {
    final List<Double> c8kit = new ArrayList<>();
    final List<Double> baseline = new ArrayList<>();

    double c8kitMedian() {
      return Stats.median(c8kit);
    }

    double baselineMedian() {
      return Stats.median(baseline);
    }

    boolean isEmpty() {
      return c8kit.isEmpty();
    }
  }

  final String id;
  final String label;

  /**
   * Unit of the wall figures (records/s, rows/s, ms); the CPU figures are per CPU second or CPU ms.
   */
  final String unit;

  final Figures wall = new Figures();
  final Figures cpu = new Figures();
  String baselineLabel = "";
  Comparison comparison = Comparison.NONE;

  /** The target, e.g. {@code >= 0.90x}; empty for an informational row. */
  String target = "";

  /** The bound of the target on the compared figure (a minimum for RATIO, a maximum otherwise). */
  double threshold = Double.NaN;

  /** Another bound for the CPU figure (NaN: the same as wall). */
  double cpuThreshold = Double.NaN;

  /**
   * A verdict not computed from figures (memory: completes without OOM); null: from the figures.
   */
  Boolean verdict;

  /**
   * Why the row did not run although nothing failed (e.g. Node is not installed); null when it ran.
   */
  String notRun;

  /** Why the row failed (a process exited non-zero, a check failed); null when it ran. */
  String error;

  /** A short remark printed under the table (why a target cannot hold yet, what differs). */
  String note;

  /** Extra figures (MB/s, thread CPU, peak heap …) in insertion order. */
  final Map<String, Object> details = new LinkedHashMap<>();

  /** Per-run raw figures. */
  final List<Map<String, Object>> runs = new ArrayList<>();

  Result(String id, String label, String unit) {
    this.id = id;
    this.label = label;
    this.unit = unit;
  }

  /** Sets the comparison and a target on wall and CPU. */
  Result target(Comparison comparison, String text, double threshold) {
    this.comparison = comparison;
    this.target = text;
    this.threshold = threshold;
    return this;
  }

  double compared(Figures f) {
    double c = f.c8kitMedian();
    double b = f.baselineMedian();
    return switch (comparison) {
      case RATIO -> c / b;
      case DIFF -> c - b;
      case OVERHEAD -> (c / b - 1) * 100;
      case NONE -> Double.NaN;
    };
  }

  double comparedWall() {
    return compared(wall);
  }

  double comparedCpu() {
    return cpu.isEmpty() ? Double.NaN : compared(cpu);
  }

  /**
   * Null for an informational row (or one that did not run); otherwise whether wall AND CPU hold.
   */
  Boolean holds() {
    if (error != null) {
      return false;
    }
    if (verdict != null) {
      return verdict;
    }
    if (notRun != null || target.isEmpty() || Double.isNaN(threshold)) {
      return null;
    }
    return wallHolds() && cpuHolds();
  }

  boolean wallHolds() {
    return within(comparedWall(), threshold);
  }

  boolean cpuHolds() {
    return within(comparedCpu(), Double.isNaN(cpuThreshold) ? threshold : cpuThreshold);
  }

  private boolean within(double v, double bound) {
    if (Double.isNaN(v)) {
      return false;
    }
    return comparison == Comparison.RATIO ? v >= bound : v <= bound;
  }

  String comparedText(double v) {
    if (error != null || notRun != null || Double.isNaN(v)) {
      return "";
    }
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
    return r;
  }
}
