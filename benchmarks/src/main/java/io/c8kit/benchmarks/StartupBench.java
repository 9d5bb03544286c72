package io.c8kit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * startup: wall time (process start to exit) and CPU time (user + system of the whole process) of
 * the faker jar's {@code spec}, {@code check} and {@code discover} against a hello-world jar on the
 * same JVM with the same flags. The commands run in interleaved rounds after one unmeasured warm-up
 * round (page cache, CDS archive), and no agent is attached. Only {@code spec} has a target, on
 * wall and on CPU; check and discover are reported for information.
 */
final class StartupBench {
  private StartupBench() {}

  static List<Result> run(Workspace ws) throws Exception {
    Options o = ws.options;
    if (!Files.isRegularFile(o.fakerJar)) {
      throw new java.io.FileNotFoundException("source-faker jar not found: " + o.fakerJar);
    }
    Path config =
        ws.writeJson("faker-config.json", Workspace.JSON.createObjectNode().put("count", 10));
    String jar = o.fakerJar.toString();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("hello", ws.java("-jar", ws.helloJar.toString()));
    commands.put("spec", ws.java("-jar", jar, "spec"));
    commands.put("check", ws.java("-jar", jar, "check", "--config", config.toString()));
    commands.put("discover", ws.java("-jar", jar, "discover", "--config", config.toString()));
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    Map<String, List<Double>> cpuMillis = new LinkedHashMap<>();
    commands.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
    commands.keySet().forEach(k -> cpuMillis.put(k, new ArrayList<>()));
    int rounds = o.runs + (o.runs > 1 ? 1 : 0);
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, List<String>> e : commands.entrySet()) {
        Launcher.Run run = ws.runOk(ws.spec("startup " + e.getKey(), e.getValue()));
        if (run.stdoutBytes == 0) {
          throw new IllegalStateException(e.getKey() + " printed nothing");
        }
        if (round > 0 || rounds == 1) {
          millis.get(e.getKey()).add(run.wallNanos / 1e6);
          if (run.cpuMillis >= 0) {
            cpuMillis.get(e.getKey()).add((double) run.cpuMillis);
          }
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (String cmd : List.of("spec", "check", "discover")) {
      Result r = new Result("startup-" + cmd, "startup: faker " + cmd, "ms");
      r.wall.c8kit.addAll(millis.get(cmd));
      r.wall.baseline.addAll(millis.get("hello"));
      r.cpu.c8kit.addAll(cpuMillis.get(cmd));
      r.cpu.baseline.addAll(cpuMillis.get("hello"));
      r.baselineLabel = "JVM hello world";
      r.comparison = Result.Comparison.DIFF;
      if (cmd.equals("spec")) {
        r.target(Result.Comparison.DIFF, "<= +100 ms", 100);
      }
      r.details.put("runsMs", round(millis.get(cmd)));
      r.details.put("helloRunsMs", round(millis.get("hello")));
      r.details.put("cpuMs", round(cpuMillis.get(cmd)));
      r.details.put("helloCpuMs", round(cpuMillis.get("hello")));
      results.add(r);
    }
    ws.log.printf(
        "  startup (wall / CPU ms): hello %.0f / %.0f, spec %.0f / %.0f, check %.0f / %.0f, discover"
            + " %.0f / %.0f%n",
        Stats.median(millis.get("hello")),
        Stats.median(cpuMillis.get("hello")),
        Stats.median(millis.get("spec")),
        Stats.median(cpuMillis.get("spec")),
        Stats.median(millis.get("check")),
        Stats.median(cpuMillis.get("check")),
        Stats.median(millis.get("discover")),
        Stats.median(cpuMillis.get("discover")));
    return results;
  }

  private static List<Long> round(List<Double> v) {
    return v.stream().map(Math::round).toList();
  }
}
