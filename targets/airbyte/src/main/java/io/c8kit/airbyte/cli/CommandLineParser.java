package io.c8kit.airbyte.cli;

import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Parses the Airbyte command line with picocli (programmatic model: no reflection, fast {@code spec}).
 * Accepts {@code spec}/{@code --spec} and friends, rejects commands the connector kind does not
 * support, and never prints to stdout: usage and help go to the given stderr writer.
 */
public final class CommandLineParser {
  /** The five Airbyte commands. */
  public enum Command {
    SPEC, CHECK, DISCOVER, READ, WRITE,
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
  public record Invocation(Command command, String config, String catalog, String state,
      boolean helpShown) {}

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
   */
  static Invocation parse(ConnectorInfo info, String[] args, PrintWriter stderr, boolean printUsage)
      throws UsageException {
    CommandLine cli = build(info, stderr);
    Usage usage = (c, message) -> printUsage ? usage(c, stderr, message) : new UsageException(message);
    List<String> argv = normalize(args == null ? new String[0] : args);
    if (!argv.isEmpty() && !argv.get(0).startsWith("-") && commandNamed(argv.get(0)) == null) {
      throw usage.error(cli, unknownCommand(argv.get(0), commandNames(info.kind())));
    }
    if (!argv.isEmpty()) {
      Command requested = commandNamed(argv.get(0));
      if (requested != null && !requested.supportedBy(info.kind())) {
        throw usage.error(cli, "'" + requested.cliName() + "' is not supported by a "
            + (info.kind() == ConnectorKind.SOURCE ? "source" : "destination")
            + "; commands: " + String.join(", ", commandNames(info.kind())));
      }
    }
    ParseResult result;
    try {
      result = cli.parseArgs(argv.toArray(new String[0]));
    } catch (CommandLine.ParameterException e) {
      throw usage.error(e.getCommandLine(), e.getMessage());
    }
    if (CommandLine.printHelpIfRequested(result)) {
      stderr.flush();
      return new Invocation(null, null, null, null, true);
    }
    if (!result.hasSubcommand()) {
      throw usage.error(cli, "Missing command; expected one of "
          + String.join(", ", commandNames(info.kind())));
    }
    ParseResult sub = result.subcommand();
    Command command = commandNamed(sub.commandSpec().name());
    String config = sub.matchedOptionValue("--config", null);
    String catalog = sub.matchedOptionValue("--catalog", null);
    String state = sub.matchedOptionValue("--state", null);
    if (command == Command.CHECK || command == Command.DISCOVER || command == Command.SPEC
        || command == Command.DOCS) {
      catalog = null; // base.sh passes --catalog "" to check
      state = null;
    }
    if (state != null && state.isEmpty()) {
      state = null;
    }
    if (command == Command.DOCS && config != null && config.isEmpty()) {
      config = null;
    }
    if (command != Command.SPEC && command != Command.DOCS && (config == null || config.isEmpty())) {
      throw usage.error(sub.commandSpec().commandLine(),
          "Option '--config' needs the path of the config file");
    }
    if ((command == Command.READ || command == Command.WRITE)
        && (catalog == null || catalog.isEmpty())) {
      throw usage.error(sub.commandSpec().commandLine(),
          "Option '--catalog' needs the path of the configured catalog file");
    }
    return new Invocation(command, config, catalog, state, false);
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

  private static Command commandNamed(String name) {
    for (Command c : Command.values()) {
      if (c.cliName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static List<String> commandNames(ConnectorKind kind) {
    List<String> names = new ArrayList<>();
    for (Command c : Command.values()) {
      if (c.supportedBy(kind)) {
        names.add(c.cliName());
      }
    }
    return names;
  }

  /** Makes the exception for a usage error, printing what the mode prints. */
  private interface Usage {
    UsageException error(CommandLine cli, String message);
  }

  /** "unknown command 'chek', did you mean 'check'?", or the list of commands when none is close. */
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static UsageException usage(CommandLine cli, PrintWriter stderr, String message) {
    stderr.println(message);
    stderr.println();
    stderr.print(cli.getUsageMessage(CommandLine.Help.Ansi.OFF));
    stderr.flush();
    return new UsageException(message);
  }

  private static CommandLine build(ConnectorInfo info, PrintWriter stderr) {
    String title = info.title().isEmpty() ? info.name() : info.title();
    CommandSpec root = CommandSpec.create()
        .name(info.name())
        .version(title + " " + info.version())
        .mixinStandardHelpOptions(true);
    root.usageMessage().description(title + " " + info.version()
        + (info.description().isEmpty() ? "" : ": " + info.description()),
        "Airbyte protocol connector; every option takes a file path. The --spec, --check, ... "
            + "forms are accepted too.",
        "Errors also go to stderr as one line with a hint when stderr is a terminal, or with "
            + "--verbose (or --log-format text); --debug adds the stack trace; --log-format json "
            + "keeps stderr quiet. stdout carries only protocol messages.");
    for (Command command : Command.values()) {
      if (!command.supportedBy(info.kind())) {
        continue;
      }
      CommandSpec sub = CommandSpec.create().name(command.cliName()).mixinStandardHelpOptions(true);
      switch (command) {
        case SPEC:
          sub.usageMessage().description("Print the connector specification (a SPEC message).");
          break;
        case CHECK:
          sub.usageMessage().description("Check the config: one CONNECTION_STATUS message.");
          sub.addOption(fileOption("--config", "the config JSON file", true, false));
          sub.addOption(fileOption("--catalog", "ignored", false, true));
          break;
        case DISCOVER:
          sub.usageMessage().description("Discover the streams: one CATALOG message.");
          sub.addOption(fileOption("--config", "the config JSON file", true, false));
          break;
        case READ:
          sub.usageMessage().description("Read the configured streams: RECORD and STATE messages.");
          sub.addOption(fileOption("--config", "the config JSON file", true, false));
          sub.addOption(fileOption("--catalog", "the configured catalog JSON file", true, false));
          sub.addOption(fileOption("--state", "the state JSON file (optional)", false, false));
          break;
        case DOCS:
          sub.usageMessage().description("Print the connector's settings and streams as Markdown "
              + "(not an Airbyte command; with --config, discovered streams too).");
          sub.addOption(fileOption("--config", "the config JSON file (optional)", false, false));
          break;
        case WRITE:
          sub.usageMessage().description("Write the messages read from stdin; echoes STATE messages.");
          sub.addOption(fileOption("--config", "the config JSON file", true, false));
          sub.addOption(fileOption("--catalog", "the configured catalog JSON file", true, false));
          break;
        default:
          throw new AssertionError(command);
      }
      root.addSubcommand(command.cliName(), sub);
    }
    CommandLine cli = new CommandLine(root);
    cli.setExpandAtFiles(false);
    cli.setOut(stderr);
    cli.setErr(stderr);
    cli.setUsageHelpAutoWidth(false);
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.setExpandAtFiles(false);
      sub.setOut(stderr);
      sub.setErr(stderr);
    }
    return cli;
  }

  private static OptionSpec fileOption(String name, String description, boolean required,
      boolean hidden) {
    return OptionSpec.builder(name)
        .paramLabel("FILE")
        .type(String.class)
        .arity("1")
        .required(required)
        .hidden(hidden)
        .description(description)
        .build();
  }
}
