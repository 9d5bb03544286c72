package io.c8kit.processor;

import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetContext;
import io.c8kit.processor.validation.Message;
import io.c8kit.processor.validation.Report;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The processor's {@link TargetContext}: one target's options, the Filer, and the report of the
 * current step.
 */
final class FilerTargetContext implements TargetContext {
  private final ProcessingEnvironment env;
  private final Map<String, String> options;
  private final Report report;

  FilerTargetContext(ProcessingEnvironment env, Map<String, String> options, Report report) {
    this.env = env;
    this.options = options;
    this.report = report;
  }

  @Override
  public ProcessingEnvironment environment() {
    return env;
  }

  @Override
  public Filer filer() {
    return env.getFiler();
  }

  @Override
  public Map<String, String> options() {
    return options;
  }

  @Override
  public TypeElement origin(ConnectorModel model) {
    // Elements of an earlier round may be stale in the last one; names survive rounds.
    return Optional.ofNullable(
            env.getElementUtils().getTypeElement(model.annotatedClass().canonicalName()))
        .orElse(model.origin());
  }

  @Override
  public void writeResource(String path, String content, List<ConnectorModel> origins)
      throws IOException {
    FileObject file =
        filer().createResource(StandardLocation.CLASS_OUTPUT, "", path, elements(origins));
    try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      w.write(content);
    }
  }

  @Override
  public void writeSource(String qualifiedName, String content, List<ConnectorModel> origins)
      throws IOException {
    try (Writer w = filer().createSourceFile(qualifiedName, elements(origins)).openWriter()) {
      w.write(content);
    }
  }

  @Override
  public void error(Message message, ConnectorModel model, Object... args) {
    report.error(message, origin(model), args);
  }

  @Override
  public void warning(Message message, ConnectorModel model, Object... args) {
    report.warning(message, origin(model), null, null, args);
  }

  private TypeElement[] elements(List<ConnectorModel> origins) {
    return origins.stream().map(this::origin).toArray(TypeElement[]::new);
  }
}
