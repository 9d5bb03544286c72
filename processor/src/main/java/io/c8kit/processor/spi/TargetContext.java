package io.c8kit.processor.spi;

import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.validation.Message;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * What the processor hands a {@link TargetGenerator}: the Filer, the target's own option values,
 * the current elements of connectors and a way to report diagnostics, so that a target never keeps
 * compiler state of its own across rounds.
 */
public interface TargetContext {
  /** The compiler's environment, for {@code Elements}, {@code Types} and the source version. */
  ProcessingEnvironment environment();

  /**
   * Whether {@code qualifiedName} is on the compilation's class path: an optional target generates
   * nothing (and reports nothing) when its run-time library is missing, since its code would not
   * compile.
   */
  default boolean onClassPath(String qualifiedName) {
    return environment().getElementUtils().getTypeElement(qualifiedName) != null;
  }

  /** Where generated files go; every file should name its connectors' {@link #origin}s. */
  Filer filer();

  /**
   * The values of this target's options that were given, by suffix ({@code
   * -Ac8kit.<name>.<suffix>}); an option given without {@code =value} maps to the empty string.
   */
  Map<String, String> options();

  /**
   * The annotated class of {@code model} as an element of the current round: use it, not {@code
   * model.origin()} (an element of an earlier round), as the Filer's originating element.
   */
  TypeElement origin(ConnectorModel model);

  /**
   * Writes a UTF-8 resource to the class output with {@code origins}' classes as originating
   * elements.
   */
  void writeResource(String path, String content, List<ConnectorModel> origins) throws IOException;

  /**
   * Writes a Java source file for {@code qualifiedName} with {@code origins}' classes as
   * originating elements.
   */
  void writeSource(String qualifiedName, String content, List<ConnectorModel> origins)
      throws IOException;

  /** Reports a catalog error on {@code model}'s class; the compilation fails. */
  void error(Message message, ConnectorModel model, Object... args);

  /** Reports a catalog warning on {@code model}'s class. */
  void warning(Message message, ConnectorModel model, Object... args);
}
