package io.c8kit.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Stands for another annotation processor of the compilation: writes the given sources in its first
 * round, so that c8kit sees them only from the second round on.
 */
final class TypeGeneratingProcessor extends AbstractProcessor {
  private final Map<String, String> sources;
  private boolean done;

  /** {@code sources}: qualified type name to its source text. */
  TypeGeneratingProcessor(Map<String, String> sources) {
    this.sources = sources;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    done = true;
    for (Map.Entry<String, String> source : new java.util.TreeMap<>(sources).entrySet()) {
      try (Writer out = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
        out.write(source.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
