package io.c8kit.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Medians, minima and maxima of repeated runs. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = sorted(values);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(List<Double> values) {
    return values.isEmpty() ? Double.NaN : sorted(values)[0];
  }

  static double max(List<Double> values) {
    return values.isEmpty() ? Double.NaN : sorted(values)[values.size() - 1];
  }

  private static double[] sorted(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }
}
