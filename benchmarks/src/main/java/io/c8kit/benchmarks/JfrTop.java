package io.c8kit.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the {@code jdk.ExecutionSample} events of a JFR recording by method: self time (top
 * frame) and inclusive time (anywhere on the stack), as percentages of the samples, and optionally
 * the inclusive share of package prefixes. The same as reading {@code jfr print --events
 * jdk.ExecutionSample --stack-depth 64}, counted.
 *
 * <pre>java -XX:StartFlightRecording=filename=read.jfr,settings=profile -jar connector.jar read …
 * java -cp c8kit-benchmarks.jar io.c8kit.benchmarks.JfrTop read.jfr [top N] [prefix …]</pre>
 */
public final class JfrTop {
  private JfrTop() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> byPrefix = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
      for (String p : prefixes) {
        if (seen.stream().anyMatch(n -> n.startsWith(p))) {
          byPrefix.merge(p, 1, Integer::sum);
        }
      }
    }
    System.out.println(samples + " execution samples in " + file);
    print("self (top frame)", self, samples, top);
    print("inclusive", inclusive, samples, top);
    if (!prefixes.isEmpty()) {
      System.out.println("== inclusive by prefix");
      for (String p : prefixes) {
        System.out.printf(
            "%5.1f%%  %s%n", 100.0 * byPrefix.getOrDefault(p, 0) / Math.max(1, samples), p);
      }
    }
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println("== " + title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
  }
}
