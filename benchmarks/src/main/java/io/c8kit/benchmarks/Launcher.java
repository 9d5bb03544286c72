package io.c8kit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured process: stdin from a file (or nothing), stdout counted through a pipe (keeping
 * its first and last bytes for checks) or sent to a file, stderr to a file. Measures the whole
 * process: wall time from just before the start to the exit, and CPU time (user + system of the
 * process and of the children it waited for) from the harness's own {@code cutime}/{@code cstime},
 * which the kernel adds to when the JDK reaps the child; the harness runs one child at a time, so
 * the difference is that child's CPU, whatever it runs (a JVM, Node, javac) and with no agent.
 * Optionally attaches the {@link ProcessProbe} agent (per-thread CPU, heap at exit), and samples
 * the peak resident set from {@code /proc/<pid>/status} while the process runs.
 */
final class Launcher {
  static final int HEAD_BYTES = 256 * 1024;
  static final int TAIL_BYTES = 64 * 1024;

  /** What to run. */
  static final class Spec {
    final String label;
    final List<String> command = new ArrayList<>();
    Path stdin;

    /** Null: stdout is counted through a pipe; otherwise it is written to this file. */
    Path stdoutFile;

    Path stderrFile;

    /** Null: no probe agent (or, with {@link #probeOut} set, the command attaches it itself). */
    Path probeJar;

    /** Where the probe agent writes its figures; null when there is no probe. */
    Path probeOut;

    boolean sampleRss;
    long timeoutSeconds = 600;
    final Map<String, String> env = new HashMap<>();

    Spec(String label, List<String> command) {
      this.label = label;
      this.command.addAll(command);
    }
  }

  /** What happened. */
  static final class Run {
    String label;
    int exitCode;

    /** From just before the process was started. */
    long wallNanos;

    /**
     * Nanoseconds from start to the first stdout byte, and to the end of stdout; -1 if not counted.
     */
    long firstByteNanos = -1;

    long lastByteNanos = -1;
    long stdoutBytes;
    byte[] head = new byte[0];
    byte[] tail = new byte[0];

    /**
     * Whole-process CPU (user + system) in ms, from the harness's children times; -1 if unknown.
     */
    long cpuMillis = -1;

    /** CPU ms as the probe agent saw it in its shutdown hook (before the JVM's teardown), or -1. */
    long probeCpuMillis = -1;

    long hwmKb = -1;
    long heapUsedAtExitKb = -1;

    /** CPU ms of the process's threads at exit, grouped: main, JIT, GC, other (from the probe). */
    final Map<String, Long> threadCpuMillis = new java.util.TreeMap<>();

    /** Largest VmHWM seen by sampling, or -1. */
    long sampledHwmKb = -1;

    Path stderrFile;

    double streamSeconds() {
      return (lastByteNanos - firstByteNanos) / 1e9;
    }

    double wallSeconds() {
      return wallNanos / 1e9;
    }

    double cpuSeconds() {
      return cpuMillis / 1000.0;
    }

    String stderrTail() {
      try {
        String s = stderrFile == null ? "" : Files.readString(stderrFile, StandardCharsets.UTF_8);
        return s.length() > 2000 ? "…" + s.substring(s.length() - 2000) : s;
      } catch (IOException e) {
        return "";
      }
    }
  }

  private Launcher() {}

  static Run run(Spec spec) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(spec.command);
    if (spec.probeOut != null) {
      Files.deleteIfExists(spec.probeOut);
    }
    if (spec.probeJar != null) {
      // the agent option goes right after the java executable
      command.add(1, "-javaagent:" + spec.probeJar + "=" + spec.probeOut);
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(spec.env);
    pb.redirectInput(
        spec.stdin == null
            ? ProcessBuilder.Redirect.from(nullFile())
            : ProcessBuilder.Redirect.from(spec.stdin.toFile()));
    if (spec.stdoutFile != null) {
      pb.redirectOutput(spec.stdoutFile.toFile());
    }
    pb.redirectError(spec.stderrFile.toFile());
    Run run = new Run();
    run.label = spec.label;
    run.stderrFile = spec.stderrFile;
    long cpuBefore = childrenCpuTicks();
    long start = System.nanoTime();
    Process p = pb.start();
    Counter counter = null;
    Thread counting = null;
    if (spec.stdoutFile == null) {
      counter = new Counter(p.getInputStream(), start);
      counting = new Thread(counter, "stdout-counter");
      counting.start();
    }
    RssSampler sampler = null;
    Thread sampling = null;
    if (spec.sampleRss) {
      sampler = new RssSampler(p.pid());
      sampling = new Thread(sampler, "rss-sampler");
      sampling.setDaemon(true);
      sampling.start();
    }
    if (!p.waitFor(spec.timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
      throw new IOException(
          spec.label + ": still running after " + spec.timeoutSeconds + " s; killed");
    }
    run.wallNanos = System.nanoTime() - start;
    run.exitCode = p.exitValue();
    long cpuAfter = childrenCpuTicks();
    if (cpuBefore >= 0 && cpuAfter >= 0) {
      run.cpuMillis = (cpuAfter - cpuBefore) * 10; // USER_HZ is 100 on every Linux that matters
    }
    if (counting != null) {
      counting.join();
      if (counter.error != null) {
        throw counter.error;
      }
      run.firstByteNanos = counter.first;
      run.lastByteNanos = counter.last;
      run.stdoutBytes = counter.bytes;
      run.head = counter.head.toByteArray();
      run.tail = counter.tail();
    }
    if (sampler != null) {
      sampler.stop = true;
      sampling.join(1000);
      run.sampledHwmKb = sampler.maxHwmKb;
    }
    if (spec.probeOut != null) {
      readProbe(spec.probeOut, run);
    }
    return run;
  }

  /** Processes run at the same time: their runs, the wall time until the last ended, their CPU. */
  record Together(List<Run> runs, long wallNanos, long cpuMillis) {}

  /**
   * Runs the specs at the same time. The runs' own {@code cpuMillis} are unknown (-1): the children
   * overlap, so only the CPU of all of them together is exact.
   */
  static Together runTogether(List<Spec> specs) throws IOException, InterruptedException {
    Run[] runs = new Run[specs.size()];
    Exception[] failures = new Exception[specs.size()];
    List<Thread> threads = new ArrayList<>();
    long cpuBefore = childrenCpuTicks();
    long start = System.nanoTime();
    for (int i = 0; i < specs.size(); i++) {
      int k = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  runs[k] = run(specs.get(k));
                } catch (Exception e) {
                  failures[k] = e;
                }
              },
              "together-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long wall = System.nanoTime() - start;
    long cpuAfter = childrenCpuTicks();
    for (int i = 0; i < specs.size(); i++) {
      if (failures[i] instanceof IOException e) {
        throw e;
      }
      if (failures[i] != null) {
        throw new IOException(specs.get(i).label + " failed", failures[i]);
      }
      runs[i].cpuMillis = -1;
    }
    long cpu = cpuBefore >= 0 && cpuAfter >= 0 ? (cpuAfter - cpuBefore) * 10 : -1;
    return new Together(List.of(runs), wall, cpu);
  }

  /**
   * cutime + cstime of this JVM in clock ticks: the CPU of the children it has reaped (fields 16
   * and 17 of {@code /proc/self/stat}), or -1 off Linux.
   */
  static long childrenCpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File("/dev/null");
  }

  private static void readProbe(Path file, Run run) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    Map<String, Long> v = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        try {
          v.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
        } catch (NumberFormatException e) {
          // error line
        }
      }
    }
    if (v.containsKey("utimeTicks")) {
      // USER_HZ is 100 on every Linux configuration that matters
      run.probeCpuMillis = (v.get("utimeTicks") + v.getOrDefault("stimeTicks", 0L)) * 10;
    }
    run.hwmKb = v.getOrDefault("VmHWMKb", -1L);
    run.heapUsedAtExitKb = v.getOrDefault("heapUsedAtExitKb", -1L);
    v.forEach(
        (k, ticks) -> {
          if (k.startsWith("thread.")) {
            run.threadCpuMillis.merge(threadGroup(k.substring(7)), ticks * 10, Long::sum);
          }
        });
  }

  private static String threadGroup(String name) {
    // thread names as /proc shows them: at most 15 characters, digits removed by the probe
    if (name.contains("CompilerThre")) {
      return "jit";
    }
    if (name.startsWith("GC_") || name.startsWith("G_")) {
      return "gc";
    }
    if (name.equals("main") || name.equals("java")) {
      return "main";
    }
    return "other";
  }

  /** Reads a pipe to EOF, counting bytes and keeping the first and last bytes. */
  private static final class Counter implements Runnable {
    private final InputStream in;
    private final long start;
    final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] ring = new byte[TAIL_BYTES];
    private long ringWritten;
    long first = -1;
    long last = -1;
    long bytes;
    IOException error;

    Counter(InputStream in, long start) {
      this.in = in;
      this.start = start;
    }

    @Override
    public void run() {
      byte[] buf = new byte[1 << 16];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (n == 0) {
            continue;
          }
          if (first < 0) {
            first = System.nanoTime() - start;
          }
          bytes += n;
          int off = 0;
          if (head.size() < HEAD_BYTES) {
            int take = Math.min(n, HEAD_BYTES - head.size());
            head.write(buf, 0, take);
            off = take;
          }
          if (off < n) {
            ringAppend(buf, off, n - off);
          }
        }
        last = System.nanoTime() - start;
      } catch (IOException e) {
        error = e;
      }
    }

    private void ringAppend(byte[] b, int off, int len) {
      if (len >= ring.length) {
        System.arraycopy(b, off + len - ring.length, ring, 0, ring.length);
        ringWritten = ((ringWritten / ring.length) + 1) * ring.length; // ring now starts at 0
        return;
      }
      int pos = (int) (ringWritten % ring.length);
      int part = Math.min(len, ring.length - pos);
      System.arraycopy(b, off, ring, pos, part);
      System.arraycopy(b, off + part, ring, 0, len - part);
      ringWritten += len;
    }

    /** The last bytes after the head, oldest first. */
    byte[] tail() {
      if (ringWritten <= ring.length) {
        return java.util.Arrays.copyOf(ring, (int) ringWritten);
      }
      int pos = (int) (ringWritten % ring.length);
      byte[] out = new byte[ring.length];
      System.arraycopy(ring, pos, out, 0, ring.length - pos);
      System.arraycopy(ring, 0, out, ring.length - pos, pos);
      return out;
    }
  }

  /** Samples VmHWM of a running process every 20 ms. */
  private static final class RssSampler implements Runnable {
    private final Path status;
    volatile boolean stop;
    volatile long maxHwmKb = -1;

    RssSampler(long pid) {
      this.status = Path.of("/proc/" + pid + "/status");
    }

    @Override
    public void run() {
      while (!stop) {
        try {
          for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmHWM:")) {
              long kb = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
              if (kb > maxHwmKb) {
                maxHwmKb = kb;
              }
            }
          }
          Thread.sleep(20);
        } catch (IOException | RuntimeException e) {
          return; // the process is gone
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
