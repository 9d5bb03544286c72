package io.c8kit.airbyte.cli;

import io.c8kit.airbyte.cli.CommandLineParser.Command;
import io.c8kit.airbyte.cli.CommandLineParser.Invocation;
import io.c8kit.airbyte.cli.CommandLineParser.UsageException;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The picocli side of {@link CommandLineParser} (programmatic model: no reflection): help, version,
 * people's command lines and every usage error with its usage text. Kept in its own class so that
 * the machine path ({@link MachineArgs}) never loads picocli, not even to verify a method.
 */
final class PicocliParser {
  private PicocliParser() {}

  /** Parses the normalized {@code argv}; see {@link CommandLineParser#parse}. */
  static Invocation parse(
      ConnectorInfo info, List<String> argv, PrintWriter stderr, boolean printUsage)
      throws UsageException {
    CommandLine cli = build(info, stderr);
    Usage usage =
        (c, message) -> printUsage ? usage(c, stderr, message) : new UsageException(message);
    List<String> commands = CommandLineParser.commandNames(info.kind());
    if (!argv.isEmpty()
        && !argv.get(0).startsWith("-")
        && CommandLineParser.commandNamed(argv.get(0)) == null) {
      throw usage.error(cli, CommandLineParser.unknownCommand(argv.get(0), commands));
    }
    if (!argv.isEmpty()) {
      Command requested = CommandLineParser.commandNamed(argv.get(0));
      if (requested != null && !requested.supportedBy(info.kind())) {
        throw usage.error(
            cli,
            "'"
                + requested.cliName()
                + "' is not supported by a "
                + (info.kind() == ConnectorKind.SOURCE ? "source" : "destination")
                + "; commands: "
                + String.join(", ", commands));
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
      throw usage.error(cli, "Missing command; expected one of " + String.join(", ", commands));
    }
    ParseResult sub = result.subcommand();
    Command command = CommandLineParser.commandNamed(sub.commandSpec().name());
    String config = sub.matchedOptionValue("--config", null);
    String catalog = sub.matchedOptionValue("--catalog", null);
    String state = sub.matchedOptionValue("--state", null);
    if (command == Command.CHECK
        || command == Command.DISCOVER
        || command == Command.SPEC
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
    if (command != Command.SPEC
        && command != Command.DOCS
        && (config == null || config.isEmpty())) {
      throw usage.error(
          sub.commandSpec().commandLine(), "Option '--config' needs the path of the config file");
    }
    if ((command == Command.READ || command == Command.WRITE)
        && (catalog == null || catalog.isEmpty())) {
      throw usage.error(
          sub.commandSpec().commandLine(),
          "Option '--catalog' needs the path of the configured catalog file");
    }
    return new Invocation(command, config, catalog, state, false);
  }

  /** Makes the exception for a usage error, printing what the mode prints. */
  private interface Usage {
    UsageException error(CommandLine cli, String message);
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
    CommandSpec root =
        CommandSpec.create()
            .name(info.name())
            .version(title + " " + info.version())
            .mixinStandardHelpOptions(true);
    root.usageMessage()
        .description(
            title
                + " "
                + info.version()
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
          sub.usageMessage()
              .description(
                  "Print the connector's settings and streams as Markdown "
                      + "(not an Airbyte command; with --config, discovered streams too).");
          sub.addOption(fileOption("--config", "the config JSON file (optional)", false, false));
          break;
        case WRITE:
          sub.usageMessage()
              .description("Write the messages read from stdin; echoes STATE messages.");
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

  private static OptionSpec fileOption(
      String name, String description, boolean required, boolean hidden) {
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
