package io.c8kit.processor.writing;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.TypeSpec;
import io.c8kit.processor.model.ConnectorModel;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;

/**
 * Base of the Java generators: stamps {@code @Generated} and the originating element on every type
 * and writes it with the same JavaPoet settings, so that subclasses only describe types.
 */
abstract class JavaSourceGenerator implements Generator {
  static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "io.c8kit.processor.C8kitProcessor")
          .build();

  /** The top-level types to write, each in the package of the connector class. */
  abstract List<TypeSpec.Builder> types(ConnectorModel model);

  @Override
  public final void generate(ConnectorModel model, Filer filer) throws IOException {
    for (TypeSpec.Builder type : types(model)) {
      TypeSpec spec = type.addAnnotation(GENERATED).addOriginatingElement(model.origin()).build();
      JavaFile.builder(model.annotatedClass().packageName(), spec)
          .skipJavaLangImports(true)
          .indent("  ")
          .build()
          .writeTo(filer);
    }
  }
}
