package io.c8kit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Declarative REST sources: the generated {@code _Http} subclass of a source using every kind of
 * member (golden, compiled against the real c8kit-http), the connector instantiating it, and the
 * one diagnostic that needs another class path (c8kit-http missing).
 */
class HttpSourceTest {
  /**
   * A declarative source {@code test.T} with a stream {@code rows}, more {@code @Source} attributes
   * after its name and version, and more members.
   */
  private static JavaFileObject declarative(String sourceAttributes, String... members) {
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "package test;",
                "import io.c8kit.annotations.*;",
                "import io.c8kit.annotations.http.*;",
                "@Source(name = \"t\", version = \"1.0.0\"" + sourceAttributes + ")",
                "@HttpSource(baseUrl = \"https://api.example.com\")",
                "public abstract class T {",
                "  public record R(long id) {}",
                "  @Stream @HttpStream(path = \"/rows\") abstract java.util.stream.Stream<R> rows();"));
    lines.addAll(List.of(members));
    lines.add("}");
    return JavaFileObjects.forSourceLines("test.T", lines);
  }

  @Test
  void declarativeSourceGeneratesItsImplementation() throws IOException {
    Compilation c = GoldenTest.compileClean("good/http/TicketsSource.java");
    Goldens.check("TicketsSource", c);
    assertThat(c)
        .generatedSourceFile("com.example.tickets.TicketsConnector")
        .contentsAsUtf8String()
        .contains("this(new TicketsSource_Http());");
  }

  @Test
  void aDeclarativeSourceReadConcurrentlyIsMarkedAsWaitingOnTheNetwork() {
    JavaFileObject file =
        declarative(
            ", concurrency = 3",
            "  @Stream @HttpStream(path = \"/more\") abstract java.util.stream.Stream<R> more();");
    Compilation c =
        javac()
            .withProcessors(new C8kitProcessor())
            .withOptions("-Xlint:-processing")
            .compile(file);
    assertThat(c).succeeded();
    // the engine then reads up to 3 streams at once whatever the processors (ReadSettings.threads)
    assertThat(c)
        .generatedSourceFile("test.TConnector")
        .contentsAsUtf8String()
        .containsMatch("\\.concurrency\\(3\\)\\s+\\.ioBound\\(\\)");
  }

  @Test
  void aSourceWithoutTheToolkitOnItsClassPathIsTold() {
    List<File> withoutHttp =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                e -> !e.contains("c8kit-http") && !e.replace('\\', '/').contains("/http/target/"))
            .map(File::new)
            .toList();
    JavaFileObject file = declarative("");
    Compilation compilation =
        javac()
            .withProcessors(new C8kitProcessor())
            .withClasspath(withoutHttp)
            .withOptions("-Xlint:-processing")
            .compile(file);
    assertThat(compilation)
        .hadErrorContaining("[C8K-114] @HttpSource class T needs io.c8kit.http.HttpApi")
        .inFile(file)
        .onLineContaining("@HttpSource");
    assertThat(compilation).hadErrorCount(1);
  }
}
