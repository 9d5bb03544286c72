package io.c8kit.singer;

import io.c8kit.runtime.DestinationConnector;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A c8kit destination as a Singer target: {@code target-<name> --config F} reads Singer messages on
 * stdin and loads them through the engine's buffers and commit path; after each commit it prints
 * the latest STATE value it covers as one JSON line, and only then. Malformed input stops the run
 * with the line named (exit 1); what was committed before stays.
 */
public final class Target {
  private Target() {}

  /** Runs in-process and returns the exit code; never exits the JVM. */
  public static int run(
      DestinationConnector<?> connector,
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr) {
    return new Run<>(connector, stdin, stdout, stderr).execute(args);
  }

  private static final class Run<C> extends SingerCommand {
    private final DestinationConnector<C> connector;
    private final InputStream stdin;

    Run(
        DestinationConnector<C> connector,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr) {
      super(connector.info(), connector.getClass(), Args.TARGET, stdout, stderr);
      this.connector = connector;
      this.stdin = stdin;
    }

    @Override
    int command(Args args, StderrLog log) throws Exception {
      C config = loadConfig(connector.definition().binder(), args.get(Args.CONFIG));
      StateLines states = new StateLines(output);
      TargetRun run =
          new TargetRun(
              new TargetStreams(connector.definition().syncModes()),
              streams ->
                  new EngineWrite<>(
                      connector,
                      config,
                      streams,
                      states,
                      masker,
                      (level, message) -> log.line(Tap.pythonLevel(level), message)),
              states,
              warning -> log.line("WARNING", warning));
      Set<String> unknownTypes = new HashSet<>();
      long lineNumber = 0;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        while ((line = in.readLine()) != null) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          SingerMessage message = SingerParser.parse(line, lineNumber);
          if (message instanceof SingerMessage.Other other) {
            if ("BATCH".equalsIgnoreCase(other.type())) {
              throw new SingerInputException(
                  lineNumber,
                  "BATCH messages are not supported by this target;"
                      + " run the tap without batch output");
            }
            if (unknownTypes.add(other.type())) {
              log.line(
                  "WARNING",
                  "Ignoring messages of unknown type "
                      + other.type()
                      + " (first at line "
                      + lineNumber
                      + ")");
            }
            continue;
          }
          run.message(message, lineNumber);
        }
        run.finish();
      } catch (Exception | Error e) {
        run.abort();
        throw e;
      }
      log.line("INFO", "Loaded " + run.records + " records from " + lineNumber + " lines");
      return OK;
    }
  }

  /** Prints the latest committed state value as one line after each commit. */
  private static final class StateLines implements WriteEvents.Listener {
    private final SingerOutput out;
    private Object latest;

    StateLines(SingerOutput out) {
      this.out = out;
    }

    @Override
    public synchronized void committed(Object state) {
      latest = state;
    }

    @Override
    public synchronized void flush() {
      if (latest != null) {
        out.text(PythonJson.oneLine((com.fasterxml.jackson.databind.JsonNode) latest));
        latest = null;
      }
    }
  }
}
