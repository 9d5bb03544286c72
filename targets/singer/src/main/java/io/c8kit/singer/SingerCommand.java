package io.c8kit.singer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.config.ConfigPreparer;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.config.JsonFiles;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

/**
 * What a tap and a target share around their work: argparse-style usage errors (exit 2), {@code
 * --help}, {@code --about}, the config read and validated with its secrets registered before
 * anything is logged, logs on stderr, and any failure as one masked {@code CRITICAL} line (plus the
 * stack trace of an unexpected error) and exit 1.
 */
abstract class SingerCommand {
  static final int OK = 0;
  static final int FAILURE = 1;

  final ConnectorInfo info;
  final Class<?> anchor;
  final List<Args.Option> options;
  final SingerOutput output;
  final SecretMasker masker = new SecretMasker();
  private final OutputStream stdout;
  private final OutputStream stderr;

  SingerCommand(
      ConnectorInfo info,
      Class<?> anchor,
      List<Args.Option> options,
      OutputStream stdout,
      OutputStream stderr) {
    this.info = info;
    this.anchor = anchor;
    this.options = options;
    this.stdout = stdout;
    this.stderr = stderr;
    this.output = new SingerOutput(stdout);
  }

  /** The work after the command line was parsed and logging routed; returns the exit code. */
  abstract int command(Args args, StderrLog log) throws Exception;

  final int execute(String[] argv) {
    String prog = About.executable(info);
    Args args;
    try {
      args = Args.parse(argv, options);
    } catch (Args.UsageException e) {
      print(stderr, Args.usage(prog, options) + "\n" + prog + ": error: " + e.getMessage() + "\n");
      return Args.USAGE;
    }
    if (args.has(Args.HELP)) {
      print(stdout, Args.help(prog, options));
      return OK;
    }
    try (StderrLog log = new StderrLog(stderr, masker, logLevel())) {
      try {
        if (args.has(Args.ABOUT)) {
          print(
              stdout,
              new About(info, spec().connectionSpecification()).render(args.get(Args.FORMAT)));
          return OK;
        }
        int code = command(args, log);
        output.flush();
        return code;
      } catch (Throwable t) {
        fail(t, log);
        return FAILURE;
      }
    }
  }

  private void fail(Throwable t, StderrLog log) {
    try {
      output.flush(); // whatever was complete before the failure is still valid output
    } catch (RuntimeException ignored) {
      // stdout is gone; stderr still tells
    }
    if (t instanceof VirtualMachineError vme && !(t instanceof OutOfMemoryError)) {
      throw vme;
    }
    log.line("CRITICAL", summary(t));
    if (!(t instanceof ConfigException) && !(t instanceof SingerInputException)) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      log.line("DEBUG", trace.toString().stripTrailing());
    }
  }

  /** The message, with its causes' messages when they add something. */
  static String summary(Throwable t) {
    StringBuilder sb = new StringBuilder();
    String message = t.getMessage();
    sb.append(
        t instanceof ConfigException || t instanceof SingerInputException || message == null
            ? (message == null ? t.getClass().getSimpleName() : message)
            : t.getClass().getSimpleName() + ": " + message);
    Throwable cause = t.getCause();
    int depth = 0;
    while (cause != null && cause != t && depth++ < 5) {
      String m = cause.getMessage();
      if (m != null && !sb.toString().contains(m)) {
        sb.append(" (caused by ")
            .append(cause.getClass().getSimpleName())
            .append(": ")
            .append(m)
            .append(')');
      }
      cause = cause.getCause();
    }
    return sb.toString();
  }

  ConnectorSpec spec() {
    return ConnectorSpec.of(anchor, info);
  }

  /** Reads, validates (secrets registered first) and binds the config file. */
  <C> C loadConfig(ConfigBinder<C> binder, String path) {
    ObjectNode raw = JsonFiles.readConfig(path);
    ObjectNode prepared = ConfigPreparer.prepare(spec(), raw, masker);
    return ConfigPreparer.bind(binder, prepared, masker);
  }

  /** {@code C8KIT_LOG_LEVEL} (DEBUG, INFO, WARNING, ERROR), INFO by default. */
  private static Level logLevel() {
    String value = System.getenv("C8KIT_LOG_LEVEL");
    if (value == null) {
      return Level.INFO;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "DEBUG", "TRACE" -> Level.FINE;
      case "WARN", "WARNING" -> Level.WARNING;
      case "ERROR", "FATAL", "CRITICAL" -> Level.SEVERE;
      default -> Level.INFO;
    };
  }

  private static void print(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
