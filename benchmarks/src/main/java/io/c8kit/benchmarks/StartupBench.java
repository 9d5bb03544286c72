package io.c8kit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * startup: wall time (process start to exit) of the faker jar's {@code spec}, {@code check} and
 * {@code discover} against a hello-world jar on the same JVM with the same flags. The commands run in
 * interleaved rounds after one unmeasured warm-up round (page cache, CDS archive), and no agent is
 * attached. Only {@code spec} has a target; check and discover are reported for information.
 */
final class StartupBench {
  private StartupBench() {}

  static List<Result> run(Workspace ws) throws Exception {
    Options o = ws.options;
    if (!Files.isRegularFile(o.fakerJar)) {
      throw new java.io.FileNotFoundException("source-faker jar not found: " + o.fakerJar);
    }
    Path config = ws.writeJson("faker-config.json", Workspace.JSON.createObjectNode().put("count", 10));
    String jar = o.fakerJar.toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("hello", ws.java("-jar", ws.helloJar.toString()));
    commands.put("spec", ws.java("-jar", jar, "spec"));
    commands.put("check", ws.java("-jar", jar, "check", "--config", config.toString()));
    commands.put("discover", ws.java("-jar", jar, "discover", "--config", config.toString()));
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    commands.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
    int rounds = o.runs + (o.runs > 1 ? 1 : 0);
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<String>> e : commands.entrySet()) {
        Launcher.Run run = ws.runOk(ws.spec("startup " + e.getKey(), e.getValue()));
        if (run.stdoutBytes == 0) {
          throw new IllegalStateException(e.getKey() + " printed nothing");
        }
        if (round > 0 || rounds == 1) {
          millis.get(e.getKey()).add(run.wallNanos / 1e6);
        }
      }
    }
    double hello = Stats.median(millis.get("hello"));
    List<Result> results = new ArrayList<>();
    for (String cmd : List.of("spec", "check", "discover")) {
      Result r = new Result("startup-" + cmd, "startup: faker " + cmd, "ms");
      r.c8kit = Stats.median(millis.get(cmd));
      r.baseline = hello;
      r.baselineLabel = "JVM hello world";
      r.comparison = Result.Comparison.DIFF;
      if (cmd.equals("spec")) {
        r.target = "<= +100 ms";
        r.holds = r.compared() <= 100;
      }
      r.details.put("runsMs", round(millis.get(cmd)));
      r.details.put("helloRunsMs", round(millis.get("hello")));
      results.add(r);
    }
    ws.log.printf("  startup: hello %.0f ms, spec %.0f ms, check %.0f ms, discover %.0f ms%n", hello,
        results.get(0).c8kit, results.get(1).c8kit, results.get(2).c8kit);
    return results;
  }

  private static List<Long> round(List<Double> v) {
    return v.stream().map(Math::round).toList();
  }
}
