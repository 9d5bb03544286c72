package io.c8kit.airbyte.cli;

import io.c8kit.protocol.FailureType;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person at a terminal sees when a command fails: stdout stays pure protocol (the platform's
 * channel), and stderr gets one readable line with a hint, plus the stack trace only with {@code
 * --debug}. On when stderr is a terminal, or with {@code --verbose} / {@code --log-format text};
 * {@code --log-format json} turns it off. These options are taken out of the command line before it
 * is parsed, so they work before or after the command.
 */
final class PeopleMode {
  private final boolean on;
  private final boolean debug;
  private final List<String> args;

  private PeopleMode(boolean on, boolean debug, List<String> args) {
    this.on = on;
    this.debug = debug;
    this.args = args;
  }

  /** Splits the people options off {@code args}; {@code terminal}: whether stderr is a terminal. */
  static PeopleMode of(String[] args, boolean terminal) {
    boolean on = terminal;
    boolean debug = false;
    List<String> rest = new ArrayList<>();
    String[] argv = args == null ? new String[0] : args;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--verbose")) {
        on = true;
      } else if (a.equals("--debug")) {
        on = true;
        debug = true;
      } else if (a.equals("--log-format") && i + 1 < argv.length && isFormat(argv[i + 1])) {
        on = argv[++i].equals("text");
      } else if (a.startsWith("--log-format=") && isFormat(a.substring("--log-format=".length()))) {
        on = a.endsWith("=text");
      } else {
        rest.add(a);
      }
    }
    return new PeopleMode(on || debug, debug, rest);
  }

  private static boolean isFormat(String value) {
    return value.equals("text") || value.equals("json");
  }

  /** Whether file descriptor 2 is a terminal; Linux only (elsewhere use --verbose). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  String[] args() {
    return args.toArray(new String[0]);
  }

  boolean on() {
    return on;
  }

  /** A command-line mistake; the usage text is left out in people mode, the hint points to it. */
  void usageError(PrintStream stderr, String connector, String message) {
    if (on) {
      stderr.println("error: " + message);
      stderr.println(
          "hint: run it with --help to list the commands of " + connector + " and their options");
      stderr.flush();
    }
  }

  /** A FAILED check (the CONNECTION_STATUS on stdout says the same). */
  void checkFailed(PrintStream stderr, String message) {
    if (on) {
      stderr.println("check failed: " + message);
      stderr.println("hint: fix the config file; 'spec' prints the settings it takes");
      stderr.flush();
    }
  }

  /** The failure behind the TRACE ERROR on stdout. */
  void failed(PrintStream stderr, Throwable error, FailureType type, String message) {
    if (!on) {
      return;
    }
    stderr.println("error: " + message);
    stderr.println("hint: " + hint(error, type));
    if (debug && !ErrorReporter.inputFileProblem(error)) {
      // A bad input file is not a bug: its message is the whole story, even with --debug.
      error.printStackTrace(stderr);
    }
    stderr.flush();
  }

  private String hint(Throwable error, FailureType type) {
    if (ErrorReporter.inputFileProblem(error)) {
      String text = String.valueOf(error.getMessage());
      if (text.contains("file not found") || text.contains("is a directory")) {
        return "every option takes the path of a JSON file; check the path (relative to "
            + Path.of("").toAbsolutePath()
            + ")";
      }
      if (text.startsWith("Config")) {
        return "'spec' prints the settings the config file takes";
      }
      return "fix the file as the message says and run the command again";
    }
    if (type == FailureType.CONFIG_ERROR) {
      return "fix the config file; 'check --config FILE' tests it";
    }
    if (type == FailureType.TRANSIENT_ERROR) {
      return "a temporary problem: run the command again";
    }
    return debug
        ? "the stack trace above shows where it failed"
        : "run the command again with --debug to see the stack trace";
  }
}
