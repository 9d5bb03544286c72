package io.c8kit.processor;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetGenerator;
import io.c8kit.processor.validation.Message;
import io.c8kit.processor.validation.ProcessorOptions;
import io.c8kit.processor.validation.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * The targets of one compilation: found with {@code ServiceLoader} on the processor path, checked
 * against the {@code -A} options, then run per connector and, for aggregating ones, once at the
 * end; a target that cannot be loaded or fails becomes a diagnostic, never an exception out of the
 * processor.
 */
final class Targets {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

  /** Every loadable target by name, so that options, runs and output are in name order. */
  private final Map<String, TargetGenerator> found = new TreeMap<>();

  private final List<String> loadErrors = new ArrayList<>();
  private final Map<String, TargetGenerator> enabled = new TreeMap<>();
  private final Map<String, Map<String, String>> optionValues = new TreeMap<>();

  /** The connectors each aggregating target generated for, in generation order. */
  private final Map<String, List<ConnectorModel>> generated = new TreeMap<>();

  Targets(ClassLoader loader) {
    try {
      var providers = ServiceLoader.load(TargetGenerator.class, loader).iterator();
      while (true) {
        try {
          if (!providers.hasNext()) {
            break;
          }
          add(providers.next());
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          loadErrors.add(Message.TARGET_NOT_LOADED.format(C8kitProcessor.stackTrace(e)));
        }
      }
    } catch (ServiceConfigurationError | RuntimeException e) {
      loadErrors.add(Message.TARGET_NOT_LOADED.format(C8kitProcessor.stackTrace(e)));
    }
  }

  private void add(TargetGenerator target) {
    String name = target.name();
    String type = target.getClass().getName();
    if (name == null || !NAME.matcher(name).matches()) {
      loadErrors.add(
          Message.TARGET_NOT_LOADED.format(
              type
                  + " is named \""
                  + name
                  + "\", which is not lower case letters and digits starting with a letter"));
    } else if (found.containsKey(name)) {
      loadErrors.add(
          Message.TARGET_NOT_LOADED.format(
              type
                  + " is named \""
                  + name
                  + "\" like "
                  + found.get(name).getClass().getName()
                  + "; target names must be unique"));
    } else {
      found.put(name, target);
    }
  }

  /** Every option name the processor accepts: the global ones and each found target's. */
  Set<String> supportedOptions() {
    Set<String> names = new TreeSet<>(ProcessorOptions.ALL);
    found.forEach((name, target) -> target.options().forEach(o -> names.add(prefix(name) + o)));
    return names;
  }

  /**
   * Reports load failures and bad options into {@code errors} and enables the targets {@code
   * -Ac8kit.targets} names (all when it is absent).
   */
  void configure(Map<String, String> options, List<String> errors) {
    errors.addAll(loadErrors);
    Set<String> valid = supportedOptions();
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      String key = e.getKey();
      if (key.startsWith("c8kit.") && !valid.contains(key)) {
        errors.add(
            Message.BAD_OPTION.format(
                "one of "
                    + String.join(", ", valid.stream().map(o -> "-A" + o).toList())
                    + " (unknown c8kit options are errors, to catch typos)",
                "-A" + key + (e.getValue() == null ? "" : "=" + e.getValue())));
      }
    }
    Set<String> names = found.keySet();
    if (options.containsKey(ProcessorOptions.TARGETS)) {
      String list = options.get(ProcessorOptions.TARGETS);
      List<String> wanted =
          list == null
              ? List.of()
              : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      List<String> unknown = wanted.stream().filter(w -> !names.contains(w)).toList();
      if (!unknown.isEmpty()) {
        errors.add(
            Message.BAD_OPTION.format(
                "-A"
                    + ProcessorOptions.TARGETS
                    + "=NAME[,NAME...], where each "
                    + "NAME is a target on the processor path: one of "
                    + String.join(", ", names)
                    + "; unknown: "
                    + String.join(", ", unknown),
                list));
      }
      wanted.stream().filter(names::contains).forEach(w -> enabled.put(w, found.get(w)));
    } else {
      enabled.putAll(found);
    }
    for (String name : enabled.keySet()) {
      Map<String, String> values = new LinkedHashMap<>();
      new TreeMap<>(options)
          .forEach(
              (k, v) -> {
                if (k.startsWith(prefix(name)) && valid.contains(k)) {
                  values.put(k.substring(prefix(name).length()), v == null ? "" : v);
                }
              });
      optionValues.put(name, Map.copyOf(values));
    }
  }

  /**
   * The classes each enabled target that applies to {@code model} will write, by target name in
   * name order (an empty list for a target that writes none); a target that fails to say is
   * reported in {@code report} like a failed {@code generate} and left out, so it generates nothing
   * for {@code model} while the others still run.
   */
  Map<String, List<ClassName>> generatedClasses(
      ConnectorModel model, ProcessingEnvironment env, Report report) {
    Map<String, List<ClassName>> classes = new LinkedHashMap<>();
    for (TargetGenerator target : enabled.values()) {
      String name = target.name();
      try {
        if (target.appliesTo(model)) {
          List<ClassName> named =
              target.generatedClasses(
                  model, new FilerTargetContext(env, optionValues.get(name), report));
          classes.put(name, List.copyOf(named));
        }
      } catch (RuntimeException | LinkageError e) {
        failed(name, model, e, report);
      }
    }
    return classes;
  }

  /**
   * Runs the targets named in {@code names} (those {@link #generatedClasses} returned) for {@code
   * model}; failures go to {@code report}.
   */
  void generate(ConnectorModel model, Set<String> names, ProcessingEnvironment env, Report report) {
    for (TargetGenerator target : enabled.values()) {
      String name = target.name();
      try {
        if (names.contains(name)) {
          target.generate(model, new FilerTargetContext(env, optionValues.get(name), report));
          if (target.aggregating()) {
            generated.computeIfAbsent(name, k -> new ArrayList<>()).add(model);
          }
        }
      } catch (IOException | RuntimeException | LinkageError e) {
        failed(name, model, e, report);
      }
    }
  }

  /** A target threw for {@code model}: {@code C8K-018} on the connector, the others still run. */
  private void failed(String name, ConnectorModel model, Throwable e, Report report) {
    report.error(
        Message.TARGET_FAILED,
        model.origin(),
        name,
        model.annotatedClass().canonicalName(),
        C8kitProcessor.stackTrace(e),
        otherTargets(name));
  }

  /** Runs the aggregating targets' {@code finish} once, after the last round. */
  void finish(ProcessingEnvironment env, Report report) {
    generated.forEach(
        (name, models) -> {
          try {
            enabled
                .get(name)
                .finish(
                    List.copyOf(models),
                    new FilerTargetContext(env, optionValues.get(name), report));
          } catch (IOException | RuntimeException | LinkageError e) {
            report.error(
                Message.TARGET_FAILED,
                null,
                name,
                "the connectors of this compilation",
                C8kitProcessor.stackTrace(e),
                otherTargets(name));
          }
        });
    generated.clear();
  }

  private String otherTargets(String name) {
    return String.join(",", enabled.keySet().stream().filter(n -> !n.equals(name)).toList());
  }

  private static String prefix(String target) {
    return "c8kit." + target + ".";
  }
}
