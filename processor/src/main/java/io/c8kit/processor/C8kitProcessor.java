package io.c8kit.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.validation.ConnectorNames;
import io.c8kit.processor.validation.ConnectorValidator;
import io.c8kit.processor.validation.GeneratedOutputs;
import io.c8kit.processor.validation.Message;
import io.c8kit.processor.validation.ProcessorOptions;
import io.c8kit.processor.validation.Report;
import io.c8kit.processor.writing.Generators;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The c8kit annotation processor: for each {@code @Source}/{@code @Destination} class it validates
 * the DSL, builds an immutable model and, only when the class has no error, writes the
 * target-neutral connector, config binder, serializers, spec and stream schemas, then runs every
 * enabled target ({@link io.c8kit.processor.spi.TargetGenerator}, found with ServiceLoader on the
 * processor path).
 *
 * <p>Per round: (1) sort the annotated classes by name so output never depends on discovery order;
 * (2) defer a class that reaches types not known yet (another processor may generate them) to the
 * next round, reporting them only in the last round; (3) validate each other class into a model,
 * printing all of its errors; (4) claim the files a clean model will write (name clashes and file
 * name limits are reported before anything is written) and generate them; (5) report method
 * annotations outside connector classes. After the last round the aggregating targets write their
 * files over every connector of the compilation (the services file, the Docker context).
 */
@AutoService(Processor.class)
public final class C8kitProcessor extends AbstractProcessor {
  private static final String PKG = "io.c8kit.annotations.";
  private static final List<String> METHOD_ANNOTATIONS =
      List.of("Stream", "Check", "Discover", "Read", "Writer");

  private ProcessorOptions options;
  private ConnectorValidator validator;
  private GeneratedOutputs outputs;
  private final Targets targets;

  /**
   * Every connector generated, in order, for the target-neutral services file after the last round.
   */
  private final List<ConnectorModel> generated = new ArrayList<>();

  /** Connectors whose types were not all known yet, by name, to validate again next round. */
  private final Set<String> deferred = new TreeSet<>();

  /**
   * Finds the targets on the processor's own class path (the processor path of the compilation).
   */
  public C8kitProcessor() {
    this(C8kitProcessor.class.getClassLoader());
  }

  /** Finds the targets with {@code targetLoader}; tests add targets this way. */
  C8kitProcessor(ClassLoader targetLoader) {
    targets = new Targets(targetLoader);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    List<String> errors = new ArrayList<>();
    options = ProcessorOptions.parse(env.getOptions(), errors);
    targets.configure(env.getOptions(), errors);
    errors.forEach(e -> env.getMessager().printMessage(Diagnostic.Kind.ERROR, e));
    validator = new ConnectorValidator(env, options);
    outputs = new GeneratedOutputs(env.getElementUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new TreeSet<>(List.of(PKG + "Source", PKG + "Destination"));
    METHOD_ANNOTATIONS.forEach(a -> types.add(PKG + a));
    return types;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return targets.supportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (RuntimeException e) {
      // Nothing may escape to the compiler: it would hide every other diagnostic.
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format("this round", stackTrace(e)));
    }
    // Never claim the annotations: other processors may want them too.
    return false;
  }

  private void processRound(RoundEnvironment round) {
    outputs.noteSources(round.getRootElements());
    Set<TypeElement> connectors =
        new TreeSet<>(Comparator.comparing((TypeElement t) -> t.getQualifiedName().toString()));
    for (String annotation : List.of("Source", "Destination")) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(PKG + annotation);
      if (type != null) {
        for (Element e : round.getElementsAnnotatedWith(type)) {
          connectors.add((TypeElement) e);
        }
      }
    }
    for (String name : deferred) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
          .ifPresent(connectors::add);
    }
    deferred.clear();
    Map<String, String> baseNames = ConnectorNames.baseNames(connectors);
    for (TypeElement connector : connectors) {
      Report report = new Report();
      try {
        boolean last = round.processingOver();
        if (validator.unresolved(connector, last ? Optional.of(report) : Optional.empty())) {
          // Another processor may generate the missing types: try again next round.
          if (!last) {
            deferred.add(connector.getQualifiedName().toString());
          }
        } else {
          Optional<ConnectorModel> model =
              validator.validate(
                  connector, report, baseNames.get(connector.getQualifiedName().toString()));
          if (model.isPresent() && !report.hasErrors()) {
            Map<String, List<ClassName>> targetClasses =
                targets.generatedClasses(model.get(), processingEnv, report);
            if (outputs.claim(model.get(), targetClasses, report)) {
              generate(model.get(), targetClasses.keySet(), report);
            }
          }
        }
      } catch (RuntimeException e) {
        report.error(
            Message.INTERNAL_ERROR, connector, connector.getQualifiedName(), stackTrace(e));
      }
      report.printTo(processingEnv.getMessager());
    }
    Report placement = new Report();
    for (String annotation : METHOD_ANNOTATIONS) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(PKG + annotation);
      if (type != null) {
        round.getElementsAnnotatedWith(type).stream()
            .sorted(Comparator.comparing(Object::toString))
            .forEach(e -> validator.checkPlacement(e, annotation, placement));
      }
    }
    placement.printTo(processingEnv.getMessager());
    if (round.processingOver()) {
      Report aggregate = new Report();
      if (!generated.isEmpty()) {
        try {
          Generators.finish(
              List.copyOf(generated), new FilerTargetContext(processingEnv, Map.of(), aggregate));
        } catch (IOException e) {
          aggregate.error(
              Message.INTERNAL_ERROR, null, "the connectors of this compilation", stackTrace(e));
        }
        generated.clear();
      }
      targets.finish(processingEnv, aggregate);
      aggregate.printTo(processingEnv.getMessager());
    }
  }

  /** The core's files, then those of {@code targets} (the ones that named their classes). */
  private void generate(ConnectorModel model, Set<String> targetNames, Report report) {
    try {
      Generators.generate(model, processingEnv.getFiler());
    } catch (IOException e) {
      report.error(
          Message.INTERNAL_ERROR,
          model.origin(),
          model.annotatedClass().canonicalName(),
          stackTrace(e));
      return;
    }
    generated.add(model);
    targets.generate(model, targetNames, processingEnv, report);
  }

  static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
