package io.c8kit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.CursorType;
import io.c8kit.processor.model.DestinationSyncMode;
import io.c8kit.processor.model.Kind;
import io.c8kit.processor.model.OneOfModel;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.PropertyModel;
import io.c8kit.processor.model.ReturnKind;
import io.c8kit.processor.model.SourceSyncMode;
import io.c8kit.processor.model.StreamModel;
import io.c8kit.processor.validation.ConnectorValidator;
import io.c8kit.processor.validation.ProcessorOptions;
import io.c8kit.processor.validation.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** The model stage, run inside a real javac: what validation derives from the annotations. */
class ModelTest {
  /** Runs only validation and keeps the models. */
  static final class ModelCapture extends AbstractProcessor {
    final List<ConnectorModel> models = new ArrayList<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("io.c8kit.annotations.Source", "io.c8kit.annotations.Destination");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      ConnectorValidator validator =
          new ConnectorValidator(processingEnv, new ProcessorOptions("", ""));
      for (TypeElement a : annotations) {
        for (Element e : round.getElementsAnnotatedWith(a)) {
          Report report = new Report();
          validator.validate((TypeElement) e, report).ifPresent(models::add);
          report.printTo(processingEnv.getMessager());
        }
      }
      return false;
    }
  }

  static ConnectorModel model(String resource) {
    ModelCapture capture = new ModelCapture();
    Compilation c = javac().withProcessors(capture).compile(JavaFileObjects.forResource(resource));
    assertThat(c).succeeded();
    assertThat(capture.models).hasSize(1);
    return capture.models.get(0);
  }

  @Test
  void fakerModel() {
    ConnectorModel m = model("good/faker/FakerSource.java");
    assertThat(m.kind()).isEqualTo(Kind.SOURCE);
    assertThat(m.connectorClass().simpleName()).isEqualTo("FakerConnector");
    assertThat(m.mainClass().simpleName()).isEqualTo("FakerMain");
    assertThat(m.dockerImage()).isEqualTo("c8kit/source-faker");
    assertThat(m.baseImage()).isEqualTo("eclipse-temurin:17-jre");
    assertThat(m.entrypoint()).isEqualTo("/airbyte/bin/source-faker");
    assertThat(m.checkMethod()).hasValue("check");
    assertThat(m.streams().stream().map(StreamModel::name).toList())
        .containsExactly("users", "products", "purchases")
        .inOrder();
    StreamModel users = m.streams().get(0);
    assertThat(users.cursor().orElseThrow().cursorType()).isEqualTo(CursorType.INSTANT);
    assertThat(users.cursor().orElseThrow().accessor()).isEqualTo("updatedAt");
    assertThat(users.syncModes())
        .containsExactly(SourceSyncMode.FULL_REFRESH, SourceSyncMode.INCREMENTAL)
        .inOrder();
    assertThat(users.params()).containsExactly(Param.CONFIG, Param.CURSOR, Param.CONTEXT).inOrder();
    assertThat(users.returnKind()).isEqualTo(ReturnKind.STREAM);
    StreamModel products = m.streams().get(1);
    assertThat(products.page().orElseThrow().cursorType()).isEqualTo(CursorType.LONG);
    assertThat(products.syncModes()).containsExactly(SourceSyncMode.FULL_REFRESH);
    List<PropertyModel> props = m.config().root().properties();
    assertThat(props.stream().map(PropertyModel::jsonName).toList())
        .containsExactly("count", "seed", "records_per_slice", "always_updated", "parallelism")
        .inOrder();
    assertThat(props.stream().allMatch(p -> !p.required())).isTrue();
    assertThat(props.get(0).defaultValue()).hasValue(1000L);
    assertThat(props.get(3).defaultValue()).hasValue(true);
    assertThat(m.recordTypes()).hasSize(3);
  }

  @Test
  void ordersAreAssignedOnlyWhenNoneIsExplicit() {
    ConnectorModel m = model("good/kitchensink/KitchenSinkSource.java");
    List<PropertyModel> props = m.config().root().properties();
    for (int i = 0; i < props.size(); i++) {
      assertThat(props.get(i).order()).isEqualTo(Optional.of(i));
    }
    OneOfModel auth =
        (OneOfModel)
            props.stream()
                .filter(p -> p.jsonName().equals("credentials"))
                .findFirst()
                .orElseThrow()
                .type();
    assertThat(auth.discriminator()).isEqualTo("auth_type");
    // oauth has an explicit order on one property, so its others stay unordered.
    List<PropertyModel> oauth = auth.choices().get(1).object().properties();
    assertThat(oauth.get(0).order()).isEmpty();
    assertThat(oauth.get(2).order()).hasValue(5);
    // api_key has none explicit: numbering starts at 1, after the discriminator.
    assertThat(auth.choices().get(0).object().properties().get(0).order()).hasValue(1);
    assertThat(m.config().groups()).containsExactly("connection");
    assertThat(m.configErrors().stream().map(Object::toString).toList())
        .containsExactly("java.lang.IllegalArgumentException", "java.lang.SecurityException")
        .inOrder();
  }

  @Test
  void destinationModel() {
    ConnectorModel m = model("good/destination/SqliteDestination.java");
    assertThat(m.kind()).isEqualTo(Kind.DESTINATION);
    assertThat(m.connectorClass().simpleName()).isEqualTo("SqliteConnector");
    assertThat(m.destination().orElseThrow().syncModes())
        .containsExactly(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND)
        .inOrder();
    assertThat(m.destination().orElseThrow().writerParams())
        .containsExactly(Param.WRITE_CONTEXT, Param.CONFIG)
        .inOrder();
    assertThat(m.dockerImage()).isEqualTo("c8kit/destination-sqlite");
  }
}
