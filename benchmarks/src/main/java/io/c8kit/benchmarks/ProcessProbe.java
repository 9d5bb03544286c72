package io.c8kit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny Java agent the harness attaches to the processes it measures ({@code
 * -javaagent:probe.jar=OUTFILE}): when the JVM shuts down (also through {@code System.exit}) it
 * copies the process's CPU time and peak resident set from {@code /proc/self} into OUTFILE as
 * {@code key=value} lines. CPU time is the work the process did, which stays meaningful when other
 * processes compete for the cores; wall time does not. Also the CPU of each live thread, grouped by
 * name ({@code thread.main}, {@code thread.C2_CompilerThread}, {@code thread.GC_Thread} …; threads
 * that ended earlier are missing). It reads {@code /proc} rather than JMX so that it loads almost
 * nothing and adds no measurable time to the run.
 */
public final class ProcessProbe {
  private ProcessProbe() {}

  public static void premain(String args) {
    Path out = Path.of(args);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(out), "c8kit-probe"));
  }

  private static void write(Path out) {
    StringBuilder s = new StringBuilder();
    Runtime rt = Runtime.getRuntime();
    s.append("heapUsedAtExitKb=").append((rt.totalMemory() - rt.freeMemory()) >> 10).append('\n');
    try {
      // /proc/self/stat: fields 14 and 15 (1-based) are utime and stime in clock ticks; the command
      // name (field 2) is in parentheses and may contain spaces, so count from the closing one.
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      s.append("utimeTicks=").append(f[11]).append('\n');
      s.append("stimeTicks=").append(f[12]).append('\n');
      for (String line :
          Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
          s.append(line, 0, 5)
              .append("Kb=")
              .append(line.substring(6).trim().split("\\s+")[0])
              .append('\n');
        }
      }
      // CPU per live thread, grouped by name without digits ("C2 CompilerThread0" -> "C2
      // CompilerThread")
      java.util.Map<String, Long> byThread = new java.util.TreeMap<>();
      try (java.nio.file.DirectoryStream<Path> tasks =
          Files.newDirectoryStream(Path.of("/proc/self/task"))) {
        for (Path task : tasks) {
          try {
            String t = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            String name =
                t.substring(t.indexOf('(') + 1, t.lastIndexOf(')'))
                    .replaceAll("[0-9#]+", "")
                    .trim();
            String[] tf = t.substring(t.lastIndexOf(')') + 2).split(" ");
            byThread.merge(name, Long.parseLong(tf[11]) + Long.parseLong(tf[12]), Long::sum);
          } catch (IOException | RuntimeException e) {
            // the thread ended meanwhile
          }
        }
      }
      byThread.forEach(
          (name, ticks) ->
              s.append("thread.")
                  .append(name.replace(' ', '_'))
                  .append('=')
                  .append(ticks)
                  .append('\n'));
    } catch (IOException | RuntimeException e) {
      s.append("error=").append(e).append('\n');
    }
    try {
      Files.writeString(out, s.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // nothing to report to: the harness sees the file missing
    }
  }
}
