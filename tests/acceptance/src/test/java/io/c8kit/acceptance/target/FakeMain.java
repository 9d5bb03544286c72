package io.c8kit.acceptance.target;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in connector process for the subprocess targets: behaviour chosen by the command. */
public final class FakeMain {
  private FakeMain() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "spec":
        System.out.println(
            "{\"type\":\"SPEC\",\"spec\":{\"connectionSpecification\":{\"type\":\"object\"}}}");
        return;
      case "check":
        {
          String config = Files.readString(Path.of(args[2]));
          System.err.println("checking " + args[2]);
          System.out.println("not json: a stray println");
          System.out.println(
              "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\""
                  + (config.contains("bad") ? "FAILED" : "SUCCEEDED")
                  + "\"}}");
          return;
        }
      case "write":
        {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          String line;
          while ((line = in.readLine()) != null) {
            if (line.contains("\"STATE\"")) {
              System.out.println(line);
            }
          }
          return;
        }
      case "crash":
        System.err.println("java.lang.IllegalStateException: boom");
        System.exit(3);
        return;
      case "hang":
        Thread.sleep(60_000);
        return;
      default:
        System.exit(2);
    }
  }
}
