package io.c8kit.runtime.output;

/**
 * Ends a connector process with its exit code whatever threads a connector left running: the
 * platforms (Airbyte, Singer) wait for the process, so a stray non-daemon thread must not keep it
 * alive; a watchdog halts the JVM if shutdown hooks hang.
 */
public final class ProcessExit {
  /** How long shutdown hooks may take before the JVM is halted. */
  private static final long GRACE_MILLIS = 30_000;

  private ProcessExit() {}

  /** Flushes the standard streams and exits with {@code code}; does not return. */
  public static void exit(int code) {
    System.out.flush();
    System.err.flush();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(GRACE_MILLIS);
              } catch (InterruptedException ignored) {
                // halt anyway
              }
              Runtime.getRuntime().halt(code);
            },
            "c8kit-exit-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    System.exit(code);
  }
}
