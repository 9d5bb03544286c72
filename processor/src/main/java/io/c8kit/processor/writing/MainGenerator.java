package io.c8kit.processor.writing;

import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import io.c8kit.processor.model.ConnectorModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Main}, the jar's entry point: answers {@code spec} from the spec resource
 * without constructing anything, and hands every other command to the runtime CLI.
 */
final class MainGenerator extends JavaSourceGenerator {
  @Override
  List<TypeSpec.Builder> types(ConnectorModel model) {
    return List.of(
        TypeSpec.classBuilder(model.mainClass())
            .addJavadoc(
                "Command-line entry point of the $L $L: {@code spec}, {@code check}, {@code discover}, "
                    + "{@code read}, {@code write}.\n",
                model.name(),
                model.kind().word())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                MethodSpec.methodBuilder("main")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addParameter(String[].class, "args")
                    .addComment(
                        "spec is answered from the spec resource, before anything else is loaded")
                    .beginControlFlow(
                        "if ($T.spec($T.class, $S, args))",
                        Runtime.CONNECTOR_CLI,
                        model.mainClass(),
                        model.specResourcePath())
                    .addStatement("return")
                    .endControlFlow()
                    .addStatement(
                        "$T.main(new $T(), args)", Runtime.CONNECTOR_CLI, model.connectorClass())
                    .build()));
  }
}
