package io.c8kit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The -A options: validated in init() with a usage line (unknown c8kit ones too), and applied to
 * the Docker outputs.
 */
class OptionsTest {
  @Test
  void badDockerRepositoryIsAUsageError() {
    Compilation c =
        Compilations.compile(
            List.of("-Ac8kit.dockerRepository=Bad Repo"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(c).hadErrorContaining("[C8K-002] Usage: -Ac8kit.dockerRepository=PREFIX");
    assertThat(c).hadErrorContaining("got \"Bad Repo\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void blankBaseImageIsAUsageError() {
    Compilation c =
        Compilations.compile(
            List.of("-Ac8kit.baseImage= "),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(c).hadErrorContaining("[C8K-002] Usage: -Ac8kit.baseImage=IMAGE");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void optionsOverrideImageNamesAndBase() {
    Compilation c =
        Compilations.compile(
            List.of(
                "-Ac8kit.dockerRepository=registry.example.com/acme",
                "-Ac8kit.baseImage=local/jre:17"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("FROM local/jre:17\n");
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("io.airbyte.name=\"registry.example.com/acme/source-tables\"");
  }

  @Test
  void baseImageOptionWinsOverTheAnnotation() {
    Compilation c =
        Compilations.compile(
            List.of("-Ac8kit.baseImage=local/jre:17"),
            Compilations.resource("good/kitchensink/KitchenSinkSource.java"));
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("FROM local/jre:17\n");
    // An explicit dockerImage is kept even with a repository option.
    Compilation d =
        Compilations.compile(
            List.of("-Ac8kit.dockerRepository=other"),
            Compilations.resource("good/kitchensink/KitchenSinkSource.java"));
    assertThat(d)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("io.airbyte.name=\"acme/source-kitchen-sink\"");
  }

  @Test
  void dockerOptionsAlsoGoByTheirAirbyteTargetNames() {
    Compilation c =
        Compilations.compile(
            List.of(
                "-Ac8kit.airbyte.dockerRepository=acme", "-Ac8kit.airbyte.baseImage=local/jre:17"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("FROM local/jre:17\n");
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile")
        .contentsAsUtf8String()
        .contains("io.airbyte.name=\"acme/source-tables\"");
    Compilation bad =
        Compilations.compile(
            List.of("-Ac8kit.airbyte.dockerRepository=Bad Repo"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(bad).hadErrorContaining("[C8K-002] Usage: -Ac8kit.airbyte.dockerRepository=PREFIX");
    assertThat(bad).hadErrorCount(1);
  }

  @Test
  void anUnknownC8kitOptionIsAUsageError() {
    Compilation c =
        Compilations.compile(
            List.of("-Ac8kit.baseImag=local/jre:17"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(c)
        .hadErrorContaining(
            "[C8K-002] Usage: one of -Ac8kit.airbyte.baseImage, "
                + "-Ac8kit.airbyte.dockerRepository, -Ac8kit.baseImage, -Ac8kit.dockerRepository, -Ac8kit.targets");
    assertThat(c).hadErrorContaining("got \"-Ac8kit.baseImag=local/jre:17\"");
    assertThat(c).hadErrorCount(1);
  }
}
