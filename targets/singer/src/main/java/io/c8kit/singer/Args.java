package io.c8kit.singer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a tap or target, parsed the way singer-python 1.2.0's {@code parse_args}
 * (Python argparse) parses it: {@code -c F}, {@code -cF}, {@code --config F}, {@code --config=F},
 * unambiguous prefixes of long options, the last repeat wins; the same error texts, exit code 2.
 * {@code --about [--format json|markdown]} (Meltano SDK) needs no config.
 */
final class Args {
  /** Exit code of a usage error, as argparse. */
  static final int USAGE = 2;

  /** One option: {@code shortName} may be null; {@code flag} options take no value. */
  record Option(String shortName, String longName, String metavar, boolean flag, String help) {
    String display() {
      return shortName == null ? longName : shortName + "/" + longName;
    }
  }

  static final Option CONFIG = new Option("-c", "--config", "CONFIG", false, "Config file");
  static final Option STATE = new Option("-s", "--state", "STATE", false, "State file");
  static final Option PROPERTIES =
      new Option(
          "-p",
          "--properties",
          "PROPERTIES",
          false,
          "Property selections: DEPRECATED, Please use --catalog instead");
  static final Option CATALOG = new Option(null, "--catalog", "CATALOG", false, "Catalog file");
  static final Option DISCOVER = new Option("-d", "--discover", null, true, "Do schema discovery");
  static final Option ABOUT =
      new Option(null, "--about", null, true, "Display package metadata and settings");
  static final Option FORMAT =
      new Option(null, "--format", "{json,markdown}", false, "Specify output style for --about");
  static final Option HELP =
      new Option("-h", "--help", null, true, "show this help message and exit");

  static final List<Option> TAP =
      List.of(HELP, CONFIG, STATE, PROPERTIES, CATALOG, DISCOVER, ABOUT, FORMAT);
  static final List<Option> TARGET = List.of(HELP, CONFIG, ABOUT, FORMAT);

  /** A usage error: the message argparse would print after {@code <prog>: error: }. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private final Map<Option, String> values;

  private Args(Map<Option, String> values) {
    this.values = values;
  }

  /** The option's value (the last one given), or null; {@code "true"} for a flag that was given. */
  String get(Option option) {
    return values.get(option);
  }

  boolean has(Option option) {
    return values.containsKey(option);
  }

  static Args parse(String[] args, List<Option> options) throws UsageException {
    Map<Option, String> values = new LinkedHashMap<>();
    List<String> unrecognized = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--") && arg.length() > 2) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        Option o = longOption(name, options);
        if (o == null) {
          unrecognized.add(arg);
          continue;
        }
        if (o.flag()) {
          if (eq >= 0) {
            throw new UsageException(
                "argument "
                    + o.display()
                    + ": ignored explicit argument '"
                    + arg.substring(eq + 1)
                    + "'");
          }
          values.put(o, "true");
        } else if (eq >= 0) {
          values.put(o, arg.substring(eq + 1));
        } else {
          i = value(args, i, o, values);
        }
      } else if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
        // a cluster of short options: flags first, then at most one option taking the rest as value
        for (int j = 1; j < arg.length(); j++) {
          Option o = shortOption(arg.charAt(j), options);
          if (o == null) {
            if (j == 1) {
              unrecognized.add(arg);
            } else {
              throw new UsageException(
                  "argument "
                      + shortOption(arg.charAt(j - 1), options).display()
                      + ": ignored explicit argument '"
                      + arg.substring(j)
                      + "'");
            }
            break;
          }
          if (o.flag()) {
            values.put(o, "true");
            continue;
          }
          if (j + 1 < arg.length()) {
            values.put(o, arg.substring(j + 1));
          } else {
            i = value(args, i, o, values);
          }
          break;
        }
      } else {
        unrecognized.add(arg);
      }
    }
    if (values.containsKey(HELP)) {
      return new Args(values);
    }
    String format = values.get(FORMAT);
    if (format != null && !format.equals("json") && !format.equals("markdown")) {
      throw new UsageException(
          "argument --format: invalid choice: '" + format + "' (choose from 'json', 'markdown')");
    }
    if (!values.containsKey(ABOUT) && !values.containsKey(CONFIG)) {
      throw new UsageException("the following arguments are required: " + CONFIG.display());
    }
    if (!unrecognized.isEmpty()) {
      throw new UsageException("unrecognized arguments: " + String.join(" ", unrecognized));
    }
    return new Args(values);
  }

  private static int value(String[] args, int i, Option o, Map<Option, String> values)
      throws UsageException {
    if (i + 1 >= args.length || (args[i + 1].startsWith("-") && args[i + 1].length() > 1)) {
      throw new UsageException("argument " + o.display() + ": expected one argument");
    }
    values.put(o, args[i + 1]);
    return i + 1;
  }

  private static Option longOption(String name, List<Option> options) throws UsageException {
    List<Option> matches = new ArrayList<>();
    for (Option o : options) {
      if (o.longName().equals(name)) {
        return o;
      }
      if (o.longName().startsWith(name)) {
        matches.add(o);
      }
    }
    if (matches.size() > 1) {
      throw new UsageException(
          "ambiguous option: "
              + name
              + " could match "
              + String.join(", ", matches.stream().map(Option::longName).toList()));
    }
    return matches.isEmpty() ? null : matches.get(0);
  }

  private static Option shortOption(char c, List<Option> options) {
    for (Option o : options) {
      if (o.shortName() != null && o.shortName().charAt(1) == c) {
        return o;
      }
    }
    return null;
  }

  /** argparse's one-line usage, e.g. {@code usage: tap-faker [-h] -c CONFIG [-s STATE] ...}. */
  static String usage(String prog, List<Option> options) {
    StringBuilder sb = new StringBuilder("usage: ").append(prog);
    for (Option o : options) {
      String name = o.shortName() != null ? o.shortName() : o.longName();
      String part = o.flag() ? name : name + " " + o.metavar();
      sb.append(' ').append(o == CONFIG ? part : "[" + part + "]");
    }
    return sb.toString();
  }

  /** argparse's help text. */
  static String help(String prog, List<Option> options) {
    StringBuilder sb = new StringBuilder(usage(prog, options)).append("\n\noptions:\n");
    for (Option o : options) {
      String names =
          o.shortName() == null
              ? o.longName() + (o.flag() ? "" : " " + o.metavar())
              : o.flag()
                  ? o.shortName() + ", " + o.longName()
                  : o.shortName() + " " + o.metavar() + ", " + o.longName() + " " + o.metavar();
      sb.append("  ").append(names);
      if (names.length() > 20) {
        sb.append("\n").append(" ".repeat(24));
      } else {
        sb.append(" ".repeat(22 - names.length()));
      }
      sb.append(o.help()).append('\n');
    }
    return sb.toString();
  }
}
