package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.config.JsonFiles;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A c8kit source as a Singer tap: {@code --discover}, a sync of the selected streams ({@code
 * --catalog}, deprecated {@code -p/--properties}, none = every stream), resumable with {@code
 * --state}, and {@code --about}. stdout carries Singer messages only; logs go to stderr. Exit
 * codes: 0 on success, 1 after an error (one {@code CRITICAL} line naming it), 2 for a usage error
 * (argparse's text).
 */
public final class Tap {
  private Tap() {}

  /** Runs in-process and returns the exit code; never exits the JVM. */
  public static int run(
      SourceConnector<?> connector, String[] args, OutputStream stdout, OutputStream stderr) {
    return new Run<>(connector, stdout, stderr).execute(args);
  }

  private static final class Run<C> extends SingerCommand {
    private final SourceConnector<C> connector;

    Run(SourceConnector<C> connector, OutputStream stdout, OutputStream stderr) {
      super(connector.info(), connector.getClass(), Args.TAP, stdout, stderr);
      this.connector = connector;
    }

    @Override
    int command(Args args, StderrLog log) throws Exception {
      ConfigBinder<C> binder = connector.definition().binder();
      C config = loadConfig(binder, args.get(Args.CONFIG));
      List<TapStream> streams = Engine.discover(connector, config);
      if (args.has(Args.DISCOVER)) {
        if (streams.isEmpty()) {
          log.line("WARNING", "Catalog being written with no streams.");
        }
        output.text(PythonJson.indented(SingerCatalog.discovered(streams)));
        return OK;
      }
      List<SyncPlan> plans;
      String catalogPath = args.get(Args.CATALOG);
      if (catalogPath == null && args.get(Args.PROPERTIES) != null) {
        log.line("WARNING", "-p/--properties is DEPRECATED, please use --catalog instead");
        catalogPath = args.get(Args.PROPERTIES);
      }
      if (catalogPath != null) {
        String what = args.get(Args.CATALOG) != null ? "Catalog" : "Properties";
        List<String> skipped = new ArrayList<>();
        plans =
            SingerCatalog.selected(
                JsonFiles.readTree(catalogPath, what), what, catalogPath, streams, skipped);
        skipped.forEach(id -> log.line("INFO", "Skipping stream: " + id));
      } else {
        plans = SingerCatalog.all(streams);
      }
      String statePath = args.get(Args.STATE);
      JsonNode stateJson = statePath == null ? null : JsonFiles.readState(statePath);
      Bookmarks bookmarks = Bookmarks.of(stateJson, statePath);
      plans = bookmarks.order(plans);
      Map<SyncPlan, ObjectNode> states = bookmarks.engineStates(plans);
      bookmarks.warnings().forEach(w -> log.line("WARNING", w));
      if (plans.isEmpty()) {
        log.line("WARNING", "No streams were selected");
        return OK;
      }
      Map<String, SyncPlan> byId = new LinkedHashMap<>();
      plans.forEach(p -> byId.put(p.stream().tapStreamId(), p));
      TapSink sink = new TapSink(output, bookmarks, byId, System::currentTimeMillis);
      Engine.read(
          connector,
          config,
          plans,
          states,
          sink,
          masker,
          (level, message) -> log.line(pythonLevel(level), message));
      sink.finish();
      return OK;
    }
  }

  static String pythonLevel(String airbyteLevel) {
    return switch (airbyteLevel) {
      case "WARN" -> "WARNING";
      case "FATAL" -> "CRITICAL";
      case "TRACE" -> "DEBUG";
      default -> airbyteLevel;
    };
  }
}
