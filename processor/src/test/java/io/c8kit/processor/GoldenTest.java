package io.c8kit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: every generated file (Java, spec, stream schemas, Dockerfile, launcher, services
 * file) of four representative connectors, compared byte for byte; the generated Java also compiles
 * against the real runtime, which is on the test class path.
 */
class GoldenTest {
  static Compilation compileClean(String... resources) {
    javax.tools.JavaFileObject[] files = new javax.tools.JavaFileObject[resources.length];
    for (int i = 0; i < resources.length; i++) {
      files[i] = Compilations.resource(resources[i]);
    }
    Compilation c = Compilations.compile(files);
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  @Test
  void fakerSource() throws IOException {
    Compilation c = compileClean("good/faker/FakerSource.java");
    Goldens.check("FakerSource", c);
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.c8kit.C8Connector")
        .contentsAsUtf8String()
        .isEqualTo("io.c8kit.examples.faker.FakerC8Connector\n");
    assertThat(c)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT, "META-INF/services/io.c8kit.runtime.Connector")
        .contentsAsUtf8String()
        .isEqualTo("io.c8kit.examples.faker.FakerConnector\n");
  }

  @Test
  void kitchenSinkSource() throws IOException {
    Goldens.check("KitchenSinkSource", compileClean("good/kitchensink/KitchenSinkSource.java"));
  }

  @Test
  void dynamicSource() throws IOException {
    Goldens.check("DynamicSource", compileClean("good/dynamic/TablesSource.java"));
  }

  @Test
  void destination() throws IOException {
    Goldens.check("SqliteDestination", compileClean("good/destination/SqliteDestination.java"));
  }
}
