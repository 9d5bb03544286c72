package io.c8kit.runtime;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Entry point of every generated {@code <Name>Main}: runs one Airbyte command ({@code spec},
 * {@code check}, {@code discover}, {@code read}, {@code write}) for a connector.
 */
public final class ConnectorCli {
  private ConnectorCli() {}

  /**
   * Runs the command given by {@code args} on the process's standard streams, then exits the JVM with
   * its exit code (the platform needs the process to terminate).
   */
  public static void main(Connector<?> connector, String[] args) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Runs the command in-process on the given streams and returns the exit code; never exits the JVM.
   * Used by tests and the acceptance kit.
   */
  public static int run(
      Connector<?> connector, String[] args, InputStream stdin, OutputStream stdout,
      OutputStream stderr) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
