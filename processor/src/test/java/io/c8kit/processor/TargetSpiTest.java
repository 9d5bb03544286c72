package io.c8kit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The target SPI: a target found on the processor path ({@code testtarget.ListingTarget}, written
 * only against {@code io.c8kit.processor.spi}) generates and runs without a change in the core, is
 * switched by {@code -Ac8kit.targets}, and its options are checked.
 */
class TargetSpiTest {
  private static final JavaFileObject FAKER =
      JavaFileObjects.forResource("good/faker/FakerSource.java");
  private static final JavaFileObject SQLITE =
      JavaFileObjects.forResource("good/destination/SqliteDestination.java");
  private static final String LISTING = "META-INF/c8kit-listing/connectors.txt";

  /**
   * The processor path of these tests: the test classes plus the listing target's services entry.
   */
  private static ClassLoader processorPath(String dir) {
    URL services = TargetSpiTest.class.getResource("/spi/" + dir + "/");
    return new URLClassLoader(new URL[] {services}, TargetSpiTest.class.getClassLoader());
  }

  private static Compilation compile(String dir, List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:-processing"));
    all.addAll(options);
    return javac()
        .withProcessors(new C8kitProcessor(processorPath(dir)))
        .withOptions(all)
        .compile(sources);
  }

  @Test
  void aTargetOnTheProcessorPathGeneratesPerConnectorAndAggregateFiles() {
    Compilation c = compile("listing", List.of(), SQLITE, FAKER);
    assertThat(c).succeeded();
    assertThat(c)
        .generatedSourceFile("io.c8kit.examples.faker.FakerListing")
        .contentsAsUtf8String()
        .contains("return \"Connectors: source faker (users, products, purchases)\";");
    assertThat(c)
        .generatedSourceFile("com.example.sqlite.SqliteListing")
        .contentsAsUtf8String()
        .contains("return \"Connectors: destination sqlite ()\";");
    // Generation order is name order: the destination's package sorts first.
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, LISTING)
        .contentsAsUtf8String()
        .isEqualTo(
            "destination sqlite com.example.sqlite.SqliteConnector\n"
                + "source faker io.c8kit.examples.faker.FakerConnector\n");
    // The built-in targets still run next to it.
    assertThat(c).generatedSourceFile("io.c8kit.examples.faker.FakerMain");
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.c8kit.C8Connector");
  }

  @Test
  void theGeneratedClassRunsWithItsOption() throws Exception {
    Compilation c = compile("listing", List.of("-Ac8kit.listing.title=Inventory"), FAKER);
    assertThat(c).succeededWithoutWarnings();
    JavaFileObject classFile =
        c.generatedFiles().stream()
            .filter(
                f ->
                    f.getKind() == JavaFileObject.Kind.CLASS
                        && f.toUri()
                            .getPath()
                            .endsWith("io/c8kit/examples/faker/FakerListing.class"))
            .findFirst()
            .orElseThrow();
    Class<?> listing = new BytesLoader().define("io.c8kit.examples.faker.FakerListing", classFile);
    assertThat(listing.getMethod("describe").invoke(null))
        .isEqualTo("Inventory: source faker (users, products, purchases)");
  }

  @Test
  void targetsOptionSwitchesTargetsOff() {
    Compilation c =
        compile("listing", List.of("-Ac8kit.targets=airbyte", "-Ac8kit.listing.title=Off"), FAKER);
    assertThat(c).succeededWithoutWarnings();
    List<String> names = c.generatedFiles().stream().map(f -> f.toUri().getPath()).toList();
    assertThat(
            names.stream()
                .filter(n -> n.contains("Listing") || n.contains("c8kit-listing"))
                .toList())
        .isEmpty();
    // c8 is off too: no C8 connector or its services file; airbyte is on: the main class and the
    // Docker
    // context; the target-neutral services file is always there.
    assertThat(
            names.stream()
                .filter(n -> n.contains("META-INF/services") || n.contains("C8Connector"))
                .toList())
        .containsExactly("/CLASS_OUTPUT/META-INF/services/io.c8kit.runtime.Connector");
    assertThat(c).generatedSourceFile("io.c8kit.examples.faker.FakerMain");
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/docker/Dockerfile");
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/source-faker/spec.json");
    assertThat(c).generatedSourceFile("io.c8kit.examples.faker.FakerConnector");
  }

  @Test
  void noTargetsLeavesOnlyTheTargetNeutralFiles() {
    Compilation c = compile("listing", List.of("-Ac8kit.targets="), FAKER);
    assertThat(c).succeededWithoutWarnings();
    List<String> names = c.generatedFiles().stream().map(f -> f.toUri().getPath()).toList();
    assertThat(
            names.stream()
                .filter(
                    n ->
                        n.contains("Main")
                            || n.contains("docker")
                            || n.contains("C8")
                            || n.contains("Listing"))
                .toList())
        .isEmpty();
    assertThat(names.stream().filter(n -> n.contains("services")).toList())
        .containsExactly("/CLASS_OUTPUT/META-INF/services/io.c8kit.runtime.Connector");
    assertThat(c).generatedSourceFile("io.c8kit.examples.faker.FakerConnector");
  }

  @Test
  void anUnknownTargetOptionIsAUsageErrorListingTheValidOnes() {
    Compilation c = compile("listing", List.of("-Ac8kit.listing.colour=red"), FAKER);
    assertThat(c)
        .hadErrorContaining(
            "[C8K-002] Usage: one of -Ac8kit.airbyte.baseImage, "
                + "-Ac8kit.airbyte.dockerRepository, -Ac8kit.baseImage, -Ac8kit.dockerRepository, -Ac8kit.listing.fail, "
                + "-Ac8kit.listing.title, -Ac8kit.targets");
    assertThat(c).hadErrorContaining("got \"-Ac8kit.listing.colour=red\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anOptionOfAnUnknownTargetIsAUsageError() {
    // Without the listing target on the processor path, its options are unknown.
    Compilation c = Compilations.compile(List.of("-Ac8kit.listing.title=x"), FAKER);
    assertThat(c).hadErrorContaining("[C8K-002] Usage: one of -Ac8kit.airbyte.baseImage");
    assertThat(c).hadErrorContaining("got \"-Ac8kit.listing.title=x\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anUnknownTargetNameIsAUsageError() {
    Compilation c = compile("listing", List.of("-Ac8kit.targets=airbyte,kafkaa"), FAKER);
    assertThat(c)
        .hadErrorContaining(
            "[C8K-002] Usage: -Ac8kit.targets=NAME[,NAME...], where each NAME is a "
                + "target on the processor path: one of airbyte, c8, kafka, listing; unknown: kafkaa; got \"airbyte,kafkaa\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void everyTargetOptionIsASupportedOption() {
    assertThat(new C8kitProcessor(processorPath("listing")).getSupportedOptions())
        .containsExactly(
            "c8kit.airbyte.baseImage",
            "c8kit.airbyte.dockerRepository",
            "c8kit.baseImage",
            "c8kit.dockerRepository",
            "c8kit.listing.fail",
            "c8kit.listing.title",
            "c8kit.targets");
  }

  /**
   * The names of the files {@code processor} created (compile-testing shows none of a failed
   * compilation).
   */
  private static List<String> created(RecordingProcessor processor) {
    return processor.created.stream().map(RecordingProcessor.Created::name).toList();
  }

  /** Compiles the faker source with {@code processor}. */
  private static Compilation recorded(RecordingProcessor processor, List<String> options) {
    List<String> all = new ArrayList<>(List.of("-Xlint:-processing"));
    all.addAll(options);
    return javac().withProcessors(processor).withOptions(all).compile(FAKER);
  }

  @Test
  void aFailingTargetIsReportedOnTheClassAndTheOthersStillRun() {
    listingFails("-Ac8kit.listing.fail", "the listing target was asked to fail");
  }

  @Test
  void aTargetThatFailsToNameItsClassesIsReportedOnceAndTheOthersStillRun() {
    // its generate is then not called, which would report it a second time
    listingFails(
        "-Ac8kit.listing.fail=naming", "the listing target was asked to fail naming its classes");
  }

  /**
   * The listing target, made to fail by {@code option}, is one C8K-018 on the class with {@code
   * message}; it writes nothing, the core and the other targets write their files.
   */
  private static void listingFails(String option, String message) {
    RecordingProcessor processor =
        new RecordingProcessor(new C8kitProcessor(processorPath("listing")), n -> false);
    Compilation c = recorded(processor, List.of(option));
    assertThat(c)
        .hadErrorContaining(
            "[C8K-018] target listing failed while generating for "
                + "io.c8kit.examples.faker.FakerSource")
        .inFile(FAKER)
        .onLineContaining("public class FakerSource");
    assertThat(c).hadErrorContaining(message);
    assertThat(c).hadErrorContaining("leave it out with -Ac8kit.targets=airbyte,c8");
    assertThat(c).hadErrorCount(1);
    assertThat(created(processor))
        .containsAtLeast(
            "io.c8kit.examples.faker.FakerConnector",
            "io.c8kit.examples.faker.FakerMain",
            "META-INF/services/io.c8kit.C8Connector");
    assertThat(created(processor)).containsNoneOf("io.c8kit.examples.faker.FakerListing", LISTING);
  }

  @Test
  void aTargetThatCannotBeLoadedIsADiagnosticNotACrash() {
    RecordingProcessor processor =
        new RecordingProcessor(new C8kitProcessor(processorPath("broken")), n -> false);
    Compilation c = recorded(processor, List.of());
    assertThat(c)
        .hadErrorContaining("[C8K-017] a c8kit target on the processor path cannot be loaded: ");
    assertThat(c).hadErrorContaining("io.c8kit.processor.testtarget.MissingTarget not found");
    assertThat(c).hadErrorCount(1);
    assertThat(created(processor))
        .containsAtLeast(
            "io.c8kit.examples.faker.FakerConnector",
            "io.c8kit.examples.faker.FakerMain",
            "META-INF/services/io.c8kit.C8Connector");
  }

  /**
   * Defines a compiled class from its bytes, so that the test runs what the compilation produced.
   */
  private static final class BytesLoader extends ClassLoader {
    BytesLoader() {
      super(TargetSpiTest.class.getClassLoader());
    }

    Class<?> define(String name, JavaFileObject classFile) throws IOException {
      try (InputStream in = classFile.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
  }
}
