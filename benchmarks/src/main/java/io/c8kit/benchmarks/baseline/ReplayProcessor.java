package io.c8kit.benchmarks.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The limit for the compile rows: the cheapest processor that leaves javac with c8kit's output. It
 * validates nothing and builds no model; in its first round it writes, through the {@link
 * javax.annotation.processing.Filer} as c8kit does, the files a c8kit run of the same sources wrote
 * (the generated sources, and the generated resources such as the spec and the Docker context),
 * read from the folder given as {@code -Ac8kit.replay.dir} ({@code sources/} and {@code
 * resources/}). javac then compiles those sources in a second round, as with c8kit; so what c8kit
 * costs beyond this processor is what its own work (validation, model, JavaPoet) costs. JDK classes
 * only: the harness puts this class alone on the processor path.
 */
public final class ReplayProcessor extends AbstractProcessor {
  public static final String OPTION = "c8kit.replay.dir";

  private boolean written;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // the annotations c8kit's processor claims, so that javac runs it in the same rounds
    return Set.of("io.c8kit.annotations.Source", "io.c8kit.annotations.Destination");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written || annotations.isEmpty()) {
      return false;
    }
    written = true;
    String option = processingEnv.getOptions().get(OPTION);
    if (option == null) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "ReplayProcessor needs -A" + OPTION + "=<folder>");
      return false;
    }
    Path dir = Path.of(option);
    try {
      Path sources = dir.resolve("sources");
      for (Path f : files(sources, ".java")) {
        String rel = sources.relativize(f).toString();
        String name = rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
        JavaFileObject file = processingEnv.getFiler().createSourceFile(name);
        try (OutputStream out = file.openOutputStream()) {
          out.write(Files.readAllBytes(f));
        }
      }
      Path resources = dir.resolve("resources");
      for (Path f : files(resources, "")) {
        String rel = resources.relativize(f).toString();
        try (OutputStream out =
            processingEnv
                .getFiler()
                .createResource(StandardLocation.CLASS_OUTPUT, "", rel)
                .openOutputStream()) {
          out.write(Files.readAllBytes(f));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "cannot replay " + dir + ": " + e);
    }
    return false;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }
}
