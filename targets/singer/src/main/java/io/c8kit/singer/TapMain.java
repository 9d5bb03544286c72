package io.c8kit.singer;

import io.c8kit.runtime.SourceConnector;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * The {@code tap-<name>} executable: {@code java -cp <connector.jar> io.c8kit.singer.TapMain
 * --config config.json [--catalog catalog.json] [--state state.json]}. Runs the jar's
 * {@code @Source} as a Singer tap and exits with its code.
 */
public final class TapMain {
  private TapMain() {}

  public static void main(String[] args) {
    int code;
    try {
      SourceConnector<?> connector = Connectors.find(SourceConnector.class, "c8kit source");
      // the raw descriptor: PrintStream would swallow a closed pipe
      code = Tap.run(connector, args, new FileOutputStream(FileDescriptor.out), System.err);
    } catch (Throwable t) {
      System.err.println("CRITICAL " + SingerCommand.summary(t));
      code = SingerCommand.FAILURE;
    }
    Connectors.exit(code);
  }
}
