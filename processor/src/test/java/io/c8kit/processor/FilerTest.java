package io.c8kit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How the processor uses the Filer: originating elements, nothing for broken classes, no crashes.
 */
class FilerTest {
  @Test
  void everyGeneratedFileHasItsConnectorAsOriginatingElement() {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation c =
        javac()
            .withProcessors(processor)
            .compile(
                JavaFileObjects.forResource("good/faker/FakerSource.java"),
                JavaFileObjects.forResource("good/destination/SqliteDestination.java"));
    assertThat(c).succeeded();
    assertThat(processor.created).isNotEmpty();
    for (RecordingProcessor.Created file : processor.created) {
      if (file.name().startsWith("META-INF/services/")
          || file.name().equals("META-INF/c8kit/airbyte/mains")) {
        // The aggregating outputs name every connector of the compilation.
        assertThat(file.origins())
            .containsExactly(
                "com.example.sqlite.SqliteDestination", "io.c8kit.examples.faker.FakerSource")
            .inOrder();
      } else if (file.name().contains("sqlite")
          || file.name().contains("Sqlite")
          || file.name().startsWith("META-INF/c8kit/docker/")) {
        // The module's single Docker context goes to the first connector by qualified name.
        assertThat(file.origins()).containsExactly("com.example.sqlite.SqliteDestination");
      } else {
        assertThat(file.origins()).containsExactly("io.c8kit.examples.faker.FakerSource");
      }
    }
    // Every file counted in the goldens went through the recording Filer.
    assertThat(processor.created.stream().map(RecordingProcessor.Created::name).toList())
        .containsAtLeast(
            "io.c8kit.examples.faker.FakerConnector",
            "META-INF/c8kit/source-faker/spec.json",
            "META-INF/c8kit/source-faker/streams/users.json",
            "META-INF/c8kit/docker/Dockerfile",
            "META-INF/c8kit/docker/launcher",
            "com.example.sqlite.SqliteConnector",
            "META-INF/c8kit/destination-sqlite/spec.json");
  }

  @Test
  void nothingIsGeneratedForAClassWithErrorsButOtherClassesStillAre() {
    RecordingProcessor processor = new RecordingProcessor();
    JavaFileObject bad =
        JavaFileObjects.forSourceLines(
            "test.Bad",
            "package test;",
            "import io.c8kit.annotations.*;",
            "@Source(name = \"BAD\", version = \"1\")",
            "public class Bad {",
            "  public record Config(int n) {}",
            "  public record R(long id) {}",
            "  @Stream java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}");
    Compilation c =
        javac()
            .withProcessors(processor)
            .compile(bad, JavaFileObjects.forResource("good/destination/SqliteDestination.java"));
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    List<String> names = processor.created.stream().map(RecordingProcessor.Created::name).toList();
    assertThat(names).contains("com.example.sqlite.SqliteConnector");
    assertThat(names.stream().filter(n -> n.startsWith("test.") || n.contains("/bad/")).toList())
        .isEmpty();
  }

  @Test
  void aFailureInsideTheProcessorIsReportedOnTheClassNotThrown() {
    RecordingProcessor processor = new RecordingProcessor(name -> name.endsWith("FakerConnector"));
    JavaFileObject faker = JavaFileObjects.forResource("good/faker/FakerSource.java");
    Compilation c = javac().withProcessors(processor).compile(faker);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[C8K-001] internal error in the c8kit processor while processing "
                + "io.c8kit.examples.faker.FakerSource")
        .inFile(faker)
        .onLineContaining("public class FakerSource");
    assertThat(c)
        .hadErrorContaining(
            "IllegalStateException: test failure for io.c8kit.examples.faker.FakerConnector");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * Gradle runs the processor incrementally only when registered; aggregating, for the services
   * file.
   */
  @Test
  void registeredForGradleIncrementalProcessingAsAggregating() throws java.io.IOException {
    try (java.io.InputStream in =
        C8kitProcessor.class.getResourceAsStream(
            "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(C8kitProcessor.class.getName() + ",aggregating\n");
    }
  }
}
