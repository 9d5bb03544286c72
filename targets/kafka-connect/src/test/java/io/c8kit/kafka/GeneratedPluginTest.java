package io.c8kit.kafka;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.c8kit.processor.C8kitProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

/**
 * The processor's Kafka Connect output, compiled the way a connector module is (this module and the
 * Connect API on the class path): the thin classes and services files, and that they run as
 * plugins.
 */
class GeneratedPluginTest {
  private static final JavaFileObject SOURCE =
      JavaFileObjects.forSourceLines(
          "com.example.tiny.TinySource",
          "package com.example.tiny;",
          "import io.c8kit.annotations.*;",
          "import java.util.List;",
          "/** A tiny source. */",
          "@Source(name = \"tiny\", version = \"2.0.1\")",
          "public class TinySource {",
          "  public record Config(@Property(description = \"How many.\", minimum = 1) int count) {}",
          "  public record Item(long id) {}",
          "  @Check void check(Config c) {}",
          "  @Stream(primaryKey = \"id\") List<Item> items(Config c) { return List.of(); }",
          "}");
  private static final JavaFileObject OTHER_SOURCE =
      JavaFileObjects.forSourceLines(
          "com.example.a.AlphaSource",
          "package com.example.a;",
          "import io.c8kit.annotations.*;",
          "import java.util.List;",
          "/** Another source, to show the services file lists every source of the compilation. */",
          "@Source(name = \"alpha\", version = \"1.0.0\")",
          "public class AlphaSource {",
          "  public record Config(String name) {}",
          "  public record Item(long id) {}",
          "  @Stream List<Item> items(Config c) { return List.of(); }",
          "}");
  private static final JavaFileObject DESTINATION =
      JavaFileObjects.forResource("com/example/sink/TinyDestination.java");

  private static Compilation compile(List<String> classPath, JavaFileObject... sources) {
    // Only the targets a Kafka Connect plugin needs: the plugin's class path has no Airbyte CLI.
    Compilation c = compile(classPath, "c8,kafka", sources);
    assertThat(c).succeeded();
    return c;
  }

  private static Compilation compile(
      List<String> classPath, String targets, JavaFileObject... sources) {
    return javac()
        .withProcessors(new C8kitProcessor())
        .withClasspath(classPath.stream().map(File::new).toList())
        .withOptions("-Xlint:-processing", "-Ac8kit.targets=" + targets)
        .compile(sources);
  }

  private static List<String> testClassPath() {
    return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  @Test
  void generatesConnectorAndTaskClassesAndServicesFiles() throws IOException {
    Compilation c = compile(testClassPath(), SOURCE, OTHER_SOURCE, DESTINATION);
    assertThat(c)
        .generatedSourceFile("com.example.tiny.TinySourceConnector")
        .contentsAsUtf8String()
        .isEqualTo(
            """
        package com.example.tiny;

        import io.c8kit.kafka.C8kitSourceConnector;
        import javax.annotation.processing.Generated;

        /**
         * The Kafka Connect source connector of the tiny source: the {@code connector.class} to give the worker (docs/KAFKA-CONNECT.md).
         */
        @Generated("io.c8kit.processor.C8kitProcessor")
        public final class TinySourceConnector extends C8kitSourceConnector {
          public TinySourceConnector() {
            super(new TinyConnector(), TinySourceTask.class);
          }
        }
        """);
    assertThat(c)
        .generatedSourceFile("com.example.tiny.TinySourceTask")
        .contentsAsUtf8String()
        .isEqualTo(
            """
        package com.example.tiny;

        import io.c8kit.kafka.C8kitSourceTask;
        import javax.annotation.processing.Generated;

        /**
         * The Kafka Connect source task of the tiny source; see {@link TinySourceConnector}.
         */
        @Generated("io.c8kit.processor.C8kitProcessor")
        public final class TinySourceTask extends C8kitSourceTask {
          public TinySourceTask() {
            super(new TinyConnector());
          }
        }
        """);
    assertThat(c)
        .generatedSourceFile("com.example.sink.TinySinkConnector")
        .contentsAsUtf8String()
        .contains(
            "public final class TinySinkConnector extends C8kitSinkConnector {\n"
                + "  public TinySinkConnector() {\n"
                + "    super(new TinyConnector(), TinySinkTask.class);");
    assertThat(c)
        .generatedSourceFile("com.example.sink.TinySinkTask")
        .contentsAsUtf8String()
        .contains(
            "public final class TinySinkTask extends C8kitSinkTask {\n"
                + "  public TinySinkTask() {\n"
                + "    super(new TinyConnector());");
    assertThat(c)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT,
            "META-INF/services/org.apache.kafka.connect.source.SourceConnector")
        .contentsAsUtf8String()
        .isEqualTo("com.example.a.AlphaSourceConnector\ncom.example.tiny.TinySourceConnector\n");
    assertThat(c)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT,
            "META-INF/services/org.apache.kafka.connect.sink.SinkConnector")
        .contentsAsUtf8String()
        .isEqualTo("com.example.sink.TinySinkConnector\n");
  }

  @Test
  void theGeneratedClassesRunAsPlugins() throws Exception {
    Compilation c = compile(testClassPath(), SOURCE, DESTINATION);
    ClassLoader loader = new CompiledLoader(c, getClass().getClassLoader());

    SourceConnector source =
        (SourceConnector)
            loader.loadClass("com.example.tiny.TinySourceConnector").getConstructor().newInstance();
    assertThat(source.version()).isEqualTo("2.0.1");
    assertThat(source.config().names()).contains("count");
    assertThat(source.taskClass().getName()).isEqualTo("com.example.tiny.TinySourceTask");
    assertThat(source.taskClass().getConstructor().newInstance().version()).isEqualTo("2.0.1");
    Config bad = source.validate(Map.of("count", "0"));
    ConfigValue count =
        bad.configValues().stream().filter(v -> v.name().equals("count")).findFirst().orElseThrow();
    assertThat(count.errorMessages()).isNotEmpty();

    SinkConnector sink =
        (SinkConnector)
            loader.loadClass("com.example.sink.TinySinkConnector").getConstructor().newInstance();
    assertThat(sink.version()).isEqualTo("3.1.0");
    assertThat(sink.taskClass().getName()).isEqualTo("com.example.sink.TinySinkTask");
  }

  @Test
  void nothingForKafkaWithoutTheConnectApiOnTheClassPath() {
    List<String> withoutKafka =
        testClassPath().stream()
            .filter(p -> !new File(p).getName().startsWith("connect-api"))
            .toList();
    assertThat(withoutKafka).hasSize(testClassPath().size() - 1);
    Compilation c = compile(withoutKafka, SOURCE, DESTINATION);
    assertThat(names(c))
        .containsNoneOf(
            "com/example/tiny/TinySourceConnector.java",
            "com/example/sink/TinySinkConnector.java",
            "com/example/tiny/TinySourceTask.java",
            "com/example/sink/TinySinkTask.java");
    assertThat(names(c)).contains("com/example/tiny/TinyConnector.java");
    assertThat(names(c).stream().filter(n -> n.contains("org.apache.kafka")).toList()).isEmpty();
  }

  @Test
  void nothingForKafkaWithoutTheTargetOnTheClassPath() {
    List<String> withoutTarget =
        testClassPath().stream()
            .filter(p -> !p.replace('\\', '/').endsWith("kafka-connect/target/classes"))
            .toList();
    assertThat(withoutTarget).hasSize(testClassPath().size() - 1);
    Compilation c = compile(withoutTarget, SOURCE);
    assertThat(names(c)).doesNotContain("com/example/tiny/TinySourceConnector.java");
    assertThat(names(c).stream().filter(n -> n.contains("org.apache.kafka")).toList()).isEmpty();
  }

  @Test
  void aClassOfTheAuthorsUnderAKafkaClassNameIsADiagnosticNotAStackTrace() {
    JavaFileObject mine =
        JavaFileObjects.forSourceLines(
            "com.example.tiny.TinySourceTask",
            "package com.example.tiny;",
            "/** The author's own class, named as the Kafka target would name the task. */",
            "public class TinySourceTask {}");

    Compilation c = compile(testClassPath(), "c8,kafka", SOURCE, mine);

    assertThat(c)
        .hadErrorContaining(
            "[C8K-098] c8kit generates the kafka target's class com.example.tiny.TinySourceTask for"
                + " com.example.tiny.TinySource, but a class of that name already exists; rename"
                + " that class or the connector class, from which the generated names derive, or"
                + " leave the kafka target out with -Ac8kit.targets")
        .inFile(SOURCE)
        .onLineContaining("@Source");
    assertThat(c).hadErrorCount(1);
    assertThat(c.errors().get(0).getMessage(null)).doesNotContain("\tat ");
    // the advice holds: without the kafka target the same sources compile
    assertThat(compile(testClassPath(), "c8", SOURCE, mine)).succeeded();
  }

  @Test
  void outputIsDeterministic() {
    Map<String, String> first =
        contents(compile(testClassPath(), SOURCE, OTHER_SOURCE, DESTINATION));
    Map<String, String> second =
        contents(compile(testClassPath(), DESTINATION, OTHER_SOURCE, SOURCE));
    assertThat(second).isEqualTo(first);
  }

  private static List<String> names(Compilation c) {
    return c.generatedFiles().stream()
        .map(
            f -> {
              String path = f.toUri().getPath();
              return path.substring(path.indexOf("_OUTPUT/") + "_OUTPUT/".length());
            })
        .collect(Collectors.toList());
  }

  private static Map<String, String> contents(Compilation c) {
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (!f.getName().endsWith(".class")) {
        try {
          out.put(f.toUri().getPath(), f.getCharContent(false).toString());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /** Loads the compilation's classes and resources (the spec) ahead of the test class path. */
  private static final class CompiledLoader extends ClassLoader {
    private final Map<String, JavaFileObject> files = new TreeMap<>();

    CompiledLoader(Compilation c, ClassLoader parent) {
      super(parent);
      for (JavaFileObject f : c.generatedFiles()) {
        String path = f.toUri().getPath();
        if (path.contains("/CLASS_OUTPUT/")) {
          files.put(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()), f);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject f = files.get(name.replace('.', '/') + ".class");
      if (f == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = f.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      JavaFileObject f = files.get(name.startsWith("/") ? name.substring(1) : name);
      if (f == null) {
        return super.getResourceAsStream(name);
      }
      try {
        return f.openInputStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected URL findResource(String name) {
      return null;
    }
  }
}
