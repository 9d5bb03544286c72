package io.c8kit.singer;

import io.c8kit.runtime.DestinationConnector;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * The {@code target-<name>} executable: {@code java -cp <connector.jar> io.c8kit.singer.TargetMain
 * --config config.json < messages}. Runs the jar's {@code @Destination} as a Singer target and
 * exits with its code.
 */
public final class TargetMain {
  private TargetMain() {}

  public static void main(String[] args) {
    int code;
    try {
      DestinationConnector<?> connector =
          Connectors.find(DestinationConnector.class, "c8kit destination");
      code =
          Target.run(
              connector, args, System.in, new FileOutputStream(FileDescriptor.out), System.err);
    } catch (Throwable t) {
      System.err.println("CRITICAL " + SingerCommand.summary(t));
      code = SingerCommand.FAILURE;
    }
    Connectors.exit(code);
  }
}
