package io.c8kit.processor.writing;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.Kind;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>C8Connector}, the {@code io.c8kit.C8Connector} that C8 hosts find with
 * ServiceLoader: a thin subclass of the C8 target's adapter around the target-neutral {@code
 * <Name>Connector}, because ServiceLoader needs a public class with a no-argument constructor.
 */
final class C8ConnectorGenerator extends JavaSourceGenerator {
  /** {@code <Name>C8Connector}, in the connector's package. */
  static ClassName c8ConnectorClass(ConnectorModel model) {
    return ClassName.get(model.annotatedClass().packageName(), model.baseName() + "C8Connector");
  }

  @Override
  List<TypeSpec.Builder> types(ConnectorModel model) {
    boolean source = model.kind() == Kind.SOURCE;
    ClassName adapter = source ? Runtime.C8_SOURCE_ADAPTER : Runtime.C8_DESTINATION_ADAPTER;
    return List.of(
        TypeSpec.classBuilder(c8ConnectorClass(model))
            .addJavadoc(
                "The Macrometa C8 connector of the $L $L: {@link $T} run through the C8 interface.\n",
                model.name(),
                model.kind().word(),
                model.connectorClass())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(adapter, model.config().type()))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("Runs a new {@link $T}.\n", model.connectorClass())
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("this(new $T())", model.connectorClass())
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc(
                        "Runs the given connector (tests may pass one built around a configured instance).\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(model.connectorClass(), "connector")
                    .addStatement("super(connector)")
                    .build()));
  }
}
