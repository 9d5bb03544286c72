package io.c8kit.airbyte.cli;

import io.c8kit.airbyte.cli.CommandLineParser.Command;
import io.c8kit.airbyte.cli.CommandLineParser.Invocation;
import io.c8kit.runtime.ConnectorKind;
import java.util.List;

/**
 * Parses the command lines a platform sends ({@code spec}, {@code check --config F}, {@code
 * discover --config F}, {@code read --config F --catalog F [--state F]}, {@code write --config F
 * --catalog F}, after {@link CommandLineParser#normalize}) without picocli, whose ~160 classes
 * every connector process would otherwise load (benchmarks/FINDINGS.md, finding 10). It accepts
 * only what picocli accepts with the same result, and gives up ({@code null}) on anything else, so
 * that help, people's command lines and every error keep picocli's exact behaviour and messages.
 */
final class MachineArgs {
  private MachineArgs() {}

  /**
   * The invocation, or {@code null} when {@code argv} is not a well-formed machine command line.
   */
  static Invocation parse(ConnectorKind kind, List<String> argv) {
    if (argv.isEmpty()) {
      return null;
    }
    Command command = CommandLineParser.commandNamed(argv.get(0));
    if (command == null || command == Command.DOCS || !command.supportedBy(kind)) {
      return null;
    }
    String config = null;
    String catalog = null;
    String state = null;
    for (int i = 1; i < argv.size(); i++) {
      String name = argv.get(i);
      String value;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < argv.size()) {
        value = argv.get(++i);
      } else {
        return null; // an option without its value
      }
      if (!plainValue(value) || !takes(command, name)) {
        return null;
      }
      switch (name) {
        case "--config" -> {
          if (config != null || value.isEmpty()) {
            return null;
          }
          config = value;
        }
        case "--catalog" -> {
          if (catalog != null || (value.isEmpty() && command != Command.CHECK)) {
            return null;
          }
          catalog = value;
        }
        default -> {
          if (state != null) {
            return null;
          }
          state = value;
        }
      }
    }
    if (command != Command.SPEC && config == null
        || (command == Command.READ || command == Command.WRITE) && catalog == null) {
      return null; // picocli reports the missing option
    }
    if (command == Command.CHECK) {
      catalog = null; // base.sh passes --catalog "" to check
    }
    return new Invocation(
        command, config, catalog, state == null || state.isEmpty() ? null : state, false);
  }

  /** Whether {@code command} has option {@code name}; {@code --catalog} is hidden on check. */
  private static boolean takes(Command command, String name) {
    return switch (command) {
      case CHECK -> name.equals("--config") || name.equals("--catalog");
      case DISCOVER -> name.equals("--config");
      case READ -> name.equals("--config") || name.equals("--catalog") || name.equals("--state");
      case WRITE -> name.equals("--config") || name.equals("--catalog");
      default -> false;
    };
  }

  /**
   * A value picocli takes as it is: not an option (it starts with {@code -}) and not a command
   * name, which picocli does not accept as an option's value either.
   */
  private static boolean plainValue(String value) {
    return !value.startsWith("-") && CommandLineParser.commandNamed(value) == null;
  }
}
