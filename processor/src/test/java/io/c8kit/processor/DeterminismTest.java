package io.c8kit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same input, same bytes: across runs and whatever order the source files are given in. */
class DeterminismTest {
  @Test
  void sameInputGivesByteIdenticalOutputInAnyOrder() {
    Compilation first =
        Compilations.compile(
            Compilations.resource("good/faker/FakerSource.java"),
            Compilations.resource("good/kitchensink/KitchenSinkSource.java"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    Compilation second =
        Compilations.compile(
            Compilations.resource("good/dynamic/TablesSource.java"),
            Compilations.resource("good/kitchensink/KitchenSinkSource.java"),
            Compilations.resource("good/faker/FakerSource.java"));
    Compilation third =
        Compilations.compile(
            Compilations.resource("good/kitchensink/KitchenSinkSource.java"),
            Compilations.resource("good/faker/FakerSource.java"),
            Compilations.resource("good/dynamic/TablesSource.java"));
    assertThat(first).succeeded();
    Map<String, String> a = Goldens.generated(first);
    assertThat(a.size()).isGreaterThan(20);
    assertThat(Goldens.generated(second)).isEqualTo(a);
    assertThat(Goldens.generated(third)).isEqualTo(a);
    assertThat(a.get("resources/META-INF/services/io.c8kit.runtime.Connector"))
        .isEqualTo(
            "com.example.sink.KitchenSinkConnector\ncom.example.tables.TablesConnector\n"
                + "io.c8kit.examples.faker.FakerConnector\n");
    assertThat(a.get("resources/META-INF/services/io.c8kit.C8Connector"))
        .isEqualTo(
            "com.example.sink.KitchenSinkC8Connector\ncom.example.tables.TablesC8Connector\n"
                + "io.c8kit.examples.faker.FakerC8Connector\n");
  }

  @Test
  void eachConnectorGeneratesTheSameFilesAloneAsTogether() throws Exception {
    Map<String, String> together =
        Goldens.generated(
            Compilations.compile(
                Compilations.resource("good/faker/FakerSource.java"),
                Compilations.resource("good/destination/SqliteDestination.java")));
    Map<String, String> alone =
        Goldens.generated(
            Compilations.compile(Compilations.resource("good/destination/SqliteDestination.java")));
    for (Map.Entry<String, String> e : alone.entrySet()) {
      // Aggregate files (Docker context, services files, the launcher index) list the whole
      // compilation.
      if (!e.getKey().contains("docker/")
          && !e.getKey().contains("services/")
          && !e.getKey().endsWith("airbyte/mains")) {
        assertThat(together.get(e.getKey())).isEqualTo(e.getValue());
      }
    }
  }
}
