package io.c8kit.airbyte.cli;

import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the Airbyte command line: {@code spec}/{@code --spec} and friends; rejects commands the
 * connector kind does not support, and never prints to stdout: usage and help go to the given
 * stderr writer. This class holds the command vocabulary and loads no picocli class: the command
 * lines a platform sends are parsed by {@link MachineArgs}, the rest by picocli ({@link
 * PicocliParser}).
 */
public final class CommandLineParser {
  /** The five Airbyte commands. */
  public enum Command {
    SPEC,
    CHECK,
    DISCOVER,
    READ,
    WRITE,
    /** Not an Airbyte command: the connector's reference page in Markdown, for people. */
    DOCS;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean supportedBy(ConnectorKind kind) {
      switch (this) {
        case DISCOVER:
        case READ:
          return kind == ConnectorKind.SOURCE;
        case WRITE:
          return kind == ConnectorKind.DESTINATION;
        default:
          return true;
      }
    }
  }

  /**
   * A parsed command line. Paths are {@code null} when absent; an empty {@code --catalog} on {@code
   * check} and an empty {@code --state} are treated as absent.
   */
  public record Invocation(
      Command command, String config, String catalog, String state, boolean helpShown) {}

  /** A usage error: reported as a TRACE ERROR config_error, exit code 2. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  private CommandLineParser() {}

  /**
   * Parses {@code args}; prints help to {@code stderr} when asked ({@link Invocation#helpShown()}),
   * and prints the usage text to {@code stderr} before throwing a {@link UsageException}.
   */
  public static Invocation parse(ConnectorInfo info, String[] args, PrintWriter stderr)
      throws UsageException {
    return parse(info, args, stderr, true);
  }

  /**
   * As {@link #parse(ConnectorInfo, String[], PrintWriter)}; with {@code printUsage} false a usage
   * error prints only its message (people mode prints its own hint instead of the whole usage).
   * Well-formed machine command lines are parsed without picocli ({@link MachineArgs}); everything
   * else, help and every error included, goes through picocli ({@link PicocliParser}).
   */
  static Invocation parse(ConnectorInfo info, String[] args, PrintWriter stderr, boolean printUsage)
      throws UsageException {
    List<String> argv = normalize(args == null ? new String[0] : args);
    Invocation fast = MachineArgs.parse(info.kind(), argv);
    return fast != null ? fast : PicocliParser.parse(info, argv, stderr, printUsage);
  }

  /** Turns the base.sh form ({@code --check --config f}) into the subcommand form. */
  static List<String> normalize(String[] args) {
    List<String> argv = new ArrayList<>(List.of(args));
    int flagAt = -1;
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.startsWith("--") && commandNamed(a.substring(2)) != null) {
        if (flagAt >= 0) {
          return argv; // two command flags: let picocli report the second
        }
        flagAt = i;
      }
    }
    if (flagAt < 0 || (flagAt > 0 && commandNamed(argv.get(0)) != null)) {
      return argv; // no flag form, or both forms: picocli reports the stray flag
    }
    argv.add(0, argv.remove(flagAt).substring(2));
    return argv;
  }

  static Command commandNamed(String name) {
    for (Command c : Command.values()) {
      if (c.cliName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  static List<String> commandNames(ConnectorKind kind) {
    List<String> names = new ArrayList<>();
    for (Command c : Command.values()) {
      if (c.supportedBy(kind)) {
        names.add(c.cliName());
      }
    }
    return names;
  }

  /**
   * "unknown command 'chek', did you mean 'check'?", or the list of commands when none is close.
   */
  static String unknownCommand(String given, List<String> commands) {
    String lower = given.toLowerCase(Locale.ROOT);
    for (String c : commands) {
      if (!lower.isEmpty() && c.startsWith(lower)) {
        return "unknown command '" + given + "', did you mean '" + c + "'?";
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : commands) {
      int d = editDistance(lower, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= 2) {
      return "unknown command '" + given + "', did you mean '" + best + "'?";
    }
    return "unknown command '" + given + "'; commands: " + String.join(", ", commands);
  }

  /** Levenshtein distance with transpositions counted as one edit ("chcek" is one from "check"). */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
