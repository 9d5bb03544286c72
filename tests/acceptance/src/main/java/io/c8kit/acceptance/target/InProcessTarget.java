package io.c8kit.acceptance.target;

import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.runtime.Connector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a connector instance in this JVM through {@link ConnectorCli#run}. */
public final class InProcessTarget implements ConnectorTarget {
  private final Connector<?> connector;
  private final Duration timeout;
  private final Path workDir = WorkDir.create();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "c8kit-acceptance-inprocess");
            t.setDaemon(true);
            return t;
          });

  public InProcessTarget(Connector<?> connector, Duration timeout) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public RunResult run(List<String> args, byte[] stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    String[] argv = args.toArray(new String[0]);
    Future<Integer> future =
        executor.submit(
            () ->
                ConnectorCli.run(
                    connector,
                    argv,
                    new ByteArrayInputStream(stdin == null ? new byte[0] : stdin),
                    out,
                    err));
    int exit;
    try {
      exit = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      exit = RunResult.TIMED_OUT;
      appendNote(err, "c8kit-acceptance: in-process run timed out after " + timeout);
    } catch (ExecutionException e) {
      exit = RunResult.THREW;
      appendNote(
          err, "c8kit-acceptance: ConnectorCli.run threw instead of returning an exit code:");
      synchronized (err) {
        e.getCause().printStackTrace(new PrintStream(err, true, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      exit = RunResult.TIMED_OUT;
      appendNote(err, "c8kit-acceptance: interrupted");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    byte[] stdout;
    byte[] stderr;
    synchronized (out) {
      stdout = out.toByteArray();
    }
    synchronized (err) {
      stderr = err.toByteArray();
    }
    return RunResult.of(description(), args, exit, stdout, stderr, took);
  }

  private static void appendNote(ByteArrayOutputStream err, String note) {
    synchronized (err) {
      err.writeBytes(("\n" + note + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  @Override
  public String description() {
    return "in-process " + connector.getClass().getSimpleName();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    WorkDir.delete(workDir);
  }
}
