package io.c8kit.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scaling: the read row at several sizes (200k, 1M, 4M records by default), c8kit against the
 * hand-written limit, whole-process wall and CPU, interleaved. Informational rows: they show how
 * the ratio moves with the size, i.e. how much of the gap is a fixed start-up and warm-up cost (it
 * shrinks as the size grows) and how much is per record (it stays). The RECORD lines are checked as
 * in read.
 */
final class ScalingBench {
  private ScalingBench() {}

  static List<Result> run(Workspace ws) throws Exception {
    Options o = ws.options;
    Path catalog = ws.writeJson("read-catalog.json", Workspace.catalog(List.of("rows")));
    List<Result> results = new ArrayList<>();
    for (long n : o.scalingSizes) {
      Result r =
          new Result("scaling-" + n, String.format("scaling: read %,d records", n), "records/s");
      r.comparison = Result.Comparison.RATIO;
      r.baselineLabel = "hand-written Jackson, same instant writer";
      Path config =
          ws.writeJson(
              "read-config-" + n + ".json", Workspace.JSON.createObjectNode().put("count", n));
      for (int i = 0; i < o.scalingRuns; i++) {
        Launcher.Run a = ws.runOk(ws.measured("scaling c8kit", ws.benchRead(config, catalog)));
        Launcher.Run b =
            ws.runOk(
                ws.measured(
                    "scaling baseline",
                    ws.java(
                        "-cp",
                        o.classpath,
                        "io.c8kit.benchmarks.baseline.RawRead",
                        Long.toString(n))));
        if (i == 0) {
          ReadBench.verify(a, b);
        }
        ReadBench.add(r, a, b, n);
      }
      r.details.put(
          "c8kitWallSeconds", ReadBench.round2(Stats.median(seconds(r, "c8kit", "wallSeconds"))));
      r.details.put(
          "baselineWallSeconds",
          ReadBench.round2(Stats.median(seconds(r, "baseline", "wallSeconds"))));
      r.details.put(
          "c8kitCpuSeconds", ReadBench.round2(Stats.median(seconds(r, "c8kit", "cpuSeconds"))));
      r.details.put(
          "baselineCpuSeconds",
          ReadBench.round2(Stats.median(seconds(r, "baseline", "cpuSeconds"))));
      ws.log.printf(
          "  scaling %,d: wall %s, CPU %s%n",
          n, r.comparedText(r.comparedWall()), r.comparedText(r.comparedCpu()));
      results.add(r);
    }
    return results;
  }

  static List<Double> seconds(Result r, String side, String key) {
    return r.runs.stream()
        .filter(m -> m.get("side").equals(side))
        .map(m -> ((Number) m.get(key)).doubleValue())
        .toList();
  }
}
