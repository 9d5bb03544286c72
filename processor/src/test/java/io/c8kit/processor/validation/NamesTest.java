package io.c8kit.processor.validation;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The naming conventions every JSON name and UI title is derived from. */
class NamesTest {
  @Test
  void snakeCase() {
    assertThat(Names.snake("updatedAt")).isEqualTo("updated_at");
    assertThat(Names.snake("recordsPerSlice")).isEqualTo("records_per_slice");
    assertThat(Names.snake("URLPath")).isEqualTo("url_path");
    assertThat(Names.snake("id2Name")).isEqualTo("id2_name");
    assertThat(Names.snake("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void titleCase() {
    assertThat(Names.title("recordsPerSlice")).isEqualTo("Records Per Slice");
    assertThat(Names.title("kitchen-sink")).isEqualTo("Kitchen Sink");
    assertThat(Names.title("count")).isEqualTo("Count");
  }

  @Test
  void patterns() {
    assertThat(Names.KEBAB.matcher("source-faker2").matches()).isTrue();
    assertThat(Names.KEBAB.matcher("Faker").matches()).isFalse();
    assertThat(Names.KEBAB.matcher("a--b").matches()).isFalse();
    assertThat(Names.SEMVER.matcher("1.0.0-rc.1+build.5").matches()).isTrue();
    assertThat(Names.SEMVER.matcher("01.0.0").matches()).isFalse();
    assertThat(Names.DOCKER_REPOSITORY.matcher("registry.example.com/acme/source-x").matches())
        .isTrue();
    assertThat(Names.DOCKER_REPOSITORY.matcher("acme/source-x:1.0").matches()).isFalse();
    assertThat(Names.isHttpUrl("https://docs.example.com/x")).isTrue();
    assertThat(Names.isHttpUrl("docs.example.com")).isFalse();
  }
}
