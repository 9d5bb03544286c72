package io.c8kit.airbyte;

import io.c8kit.airbyte.cli.CliRunner;
import io.c8kit.airbyte.cli.SpecLine;
import io.c8kit.runtime.Connector;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.output.ProcessExit;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Entry point of every generated {@code <Name>Main}: runs one Airbyte command ({@code spec}, {@code
 * check}, {@code discover}, {@code read}, {@code write}, also as {@code --spec} …) for a connector.
 *
 * <p>stdout carries protocol messages only: while the command runs, JUL/SLF4J records and anything
 * printed to {@code System.out} become LOG messages, and {@code System.err} is masked. Exit codes:
 * 0 on success and on a FAILED check; 1 after a TRACE ERROR; 2 for a usage error (also reported as
 * a TRACE ERROR {@code config_error}, with the usage text on stderr).
 */
public final class ConnectorCli {
  /** How long shutdown hooks may take before the process is halted. */

  /**
   * {@code -Dc8kit.spec=full} turns the {@code spec} fast path off: the Dockerfile writes its
   * class-data archive with a {@code spec} run, which must go through the whole CLI to archive the
   * classes every other command needs.
   */
  public static final String FULL_SPEC_PROPERTY = "c8kit.spec";

  private ConnectorCli() {}

  /**
   * Runs the command given by {@code args} on the process's standard streams, then exits the JVM
   * with its exit code (the platform needs the process to terminate, whatever threads are still
   * running).
   */
  public static void main(Connector<?> connector, String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(CliRunner.STRAY_THREAD_HANDLER);
    int code;
    try {
      // The raw descriptor, not System.out: PrintStream swallows write errors (a closed pipe).
      OutputStream stdout = new FileOutputStream(FileDescriptor.out);
      code = CliRunner.runProcess(connector, args, System.in, stdout, System.err);
    } catch (Throwable t) {
      code = CliRunner.FAILURE;
    }
    exit(code);
  }

  /**
   * The fast path of {@code spec}, called by the generated main before it constructs the connector:
   * when {@code args} is exactly {@code spec} or {@code --spec}, writes the SPEC line built from
   * the spec resource and returns true. It loads neither picocli nor the ObjectMapper nor the
   * connector, which makes {@code spec} about as fast as starting the JVM. Returns false, having
   * written nothing, for any other command and whenever the line cannot be built this way; {@link
   * #main} then runs the command (and reports a broken resource) as usual.
   *
   * @param anchor a class of the connector's jar, to find the resource with
   * @param specResource the absolute resource path, as in {@link ConnectorInfo#specResource()}
   */
  public static boolean spec(Class<?> anchor, String specResource, String[] args) {
    if (!SpecLine.requested(args) || "full".equals(System.getProperty(FULL_SPEC_PROPERTY))) {
      return false;
    }
    Optional<byte[]> line = SpecLine.of(anchor, specResource);
    if (line.isEmpty()) {
      return false;
    }
    try {
      OutputStream stdout = new FileOutputStream(FileDescriptor.out);
      stdout.write(line.get());
      stdout.flush();
    } catch (IOException e) {
      System.err.println("Cannot write the SPEC message to stdout: " + e.getMessage());
      exit(CliRunner.FAILURE);
    }
    return true;
  }

  /**
   * Runs the command in-process on the given streams and returns the exit code; never exits the
   * JVM. Used by tests and the acceptance kit. Logging and {@code System.out}/{@code System.err}
   * are routed to these streams for the duration of the call.
   */
  public static int run(
      Connector<?> connector,
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr) {
    return CliRunner.run(connector, args, stdin, stdout, stderr);
  }

  static void exit(int code) {
    ProcessExit.exit(code);
  }
}
