package io.c8kit.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Misuses that span several files or rounds (issue 13): each must end in a diagnostic on the
 * author's element or in generated code that compiles, never in an error inside generated files or
 * in an internal error (C8K-001).
 */
class HardeningTest {
  private static final String IMPORTS =
      String.join(
          "\n",
          "import io.c8kit.annotations.*;",
          "import io.c8kit.source.*;",
          "import io.c8kit.destination.*;",
          "import java.util.*;",
          "");

  private static JavaFileObject file(String qualifiedName, String... lines) {
    String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    return JavaFileObjects.forSourceString(
        qualifiedName, "package " + pkg + ";\n" + IMPORTS + String.join("\n", lines) + "\n");
  }

  private static Compilation compile(
      List<? extends javax.annotation.processing.Processor> others, JavaFileObject... files) {
    List<javax.annotation.processing.Processor> processors = new java.util.ArrayList<>(others);
    processors.add(new C8kitProcessor());
    return javac().withProcessors(processors).withOptions("-Xlint:-processing").compile(files);
  }

  /** The files compiled with only the named targets ({@code -Ac8kit.targets}). */
  private static Compilation compileWithTargets(String targets, JavaFileObject... files) {
    return javac()
        .withProcessors(new C8kitProcessor())
        .withOptions("-Xlint:-processing", "-Ac8kit.targets=" + targets)
        .compile(files);
  }

  private static void noInternalError(Compilation c) {
    assertThat(
            c.errors().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> m.contains("[C8K-001]"))
                .toList())
        .isEmpty();
  }

  private static final Map<String, String> GENERATED =
      Map.of(
          "test.gen.GenRow", "package test.gen; public record GenRow(long id, GenKind kind) {}",
          "test.gen.GenKind", "package test.gen; public enum GenKind { A, B }",
          "test.gen.GenConfig", "package test.gen; public record GenConfig(int n) {}",
          "test.gen.GenError",
              "package test.gen; public class GenError extends RuntimeException {}");

  @Test
  void typesGeneratedByAnotherProcessorAreUsedFromTheNextRound() {
    JavaFileObject source =
        file(
            "test.T",
            "import test.gen.*;",
            "@Source(name = \"t\", version = \"1.0.0\", configErrors = GenError.class)",
            "public class T {",
            "  @Stream java.util.stream.Stream<GenRow> rows(GenConfig c) { return null; }",
            "}");
    Compilation c = compile(List.of(new TypeGeneratingProcessor(GENERATED)), source);
    assertThat(c).succeeded();
    assertThat(c)
        .generatedSourceFile("test.TConnector")
        .contentsAsUtf8String()
        .contains("GenError.class");
    assertThat(c).generatedSourceFile("test.T_GenRowSerializer").isNotNull();
  }

  @Test
  void typesNobodyGeneratesAreReportedOnceAtTheLastRoundWithAHint() {
    JavaFileObject source =
        file(
            "test.T",
            "@Source(name = \"t\", version = \"1.0.0\")",
            "public class T {",
            "  public record Config(int n) {}",
            "  public record Row(long id,",
            "      Missing missing) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "}");
    // The other processor makes a second round, in which the type is still unknown.
    Compilation c =
        compile(
            List.of(
                new TypeGeneratingProcessor(
                    Map.of("test.gen.Other", "package test.gen; public class Other {}"))),
            source);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[C8K-096] type Missing, used by component Row.missing, is unknown or "
                + "inaccessible after the last round of annotation processing; if another annotation processor "
                + "generates it, put that processor on the processor path")
        .inFile(source)
        .onLineContaining("Missing missing");
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(c).hadErrorCount(2);
    noInternalError(c);
  }

  @Test
  void aMissingReturnTypeIsReportedOnTheMethod() {
    JavaFileObject source =
        file(
            "test.T",
            "@Source(name = \"t\", version = \"1.0.0\")",
            "public class T {",
            "  public record Config(int n) {}",
            "  @Stream java.util.stream.Stream<Missing> rows(Config c) { return null; }",
            "}");
    Compilation c = compile(List.of(), source);
    assertThat(c)
        .hadErrorContaining("[C8K-096] type Missing, used by method rows()")
        .inFile(source)
        .onLineContaining("Stream<Missing>");
    assertThat(c).hadErrorCount(2);
    noInternalError(c);
  }

  @Test
  void aPackagePrivateTypeOfAnotherPackageIsReportedWhereItIsUsed() {
    JavaFileObject api =
        file(
            "other.Api",
            "public class Api {",
            "  public record Page(long id,",
            "      Item item) {}",
            "  record Item(int x) {}",
            "  enum Level { LOW }",
            "  public record Settings(int n,",
            "      Level level) {}",
            "}");
    JavaFileObject source =
        file(
            "test.T",
            "import other.Api;",
            "@Source(name = \"t\", version = \"1.0.0\")",
            "public class T {",
            "  @Stream java.util.stream.Stream<Api.Page> rows(Api.Settings c) { return null; }",
            "}");
    Compilation c = compile(List.of(), source, api);
    assertThat(c)
        .hadErrorContaining(
            "[C8K-097] other.Api.Item, the type of component Page.item, is "
                + "package-private in package other, so the code c8kit generates in package test cannot use it; "
                + "declare Item public")
        .inFile(api)
        .onLineContaining("Item item");
    assertThat(c)
        .hadErrorContaining(
            "[C8K-097] other.Api.Level, the type of config property Settings.level, is "
                + "package-private in package other")
        .inFile(api)
        .onLineContaining("Level level");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void sameTypesInTheConnectorsOwnPackageAreAccessible() {
    JavaFileObject rows =
        file("test.Row", "record Row(long id, Level level) {}", "enum Level { LOW }");
    JavaFileObject source =
        file(
            "test.T",
            "@Source(name = \"t\", version = \"1.0.0\")",
            "public class T {",
            "  record Config(int n) {}",
            "  protected record Other(long id) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "  @Stream java.util.stream.Stream<Other> others(Config c) { return null; }",
            "}");
    assertThat(compile(List.of(), source, rows)).succeeded();
  }

  @Test
  void aSourceAndADestinationWithOneBaseNameInOnePackageKeepTheirWholeNames() {
    JavaFileObject source =
        file(
            "test.PostgresSource",
            "@Source(name = \"postgres\", version = \"1.0.0\")",
            "public class PostgresSource {",
            "  public record Config(String host) {}",
            "  public record Row(long id) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "}");
    JavaFileObject destination =
        file(
            "test.PostgresDestination",
            "@Destination(name = \"postgres\", version = \"1.0.0\")",
            "public class PostgresDestination {",
            "  public record Config(String host) {}",
            "  @Writer SyncWriter open(Config c, WriteContext w) { return null; }",
            "}");
    Compilation c = compile(List.of(), source, destination);
    assertThat(c).succeeded();
    for (String type :
        List.of(
            "PostgresSourceConnector",
            "PostgresSourceMain",
            "PostgresDestinationConnector",
            "PostgresDestinationMain",
            "PostgresSource_ConfigBinder",
            "PostgresDestination_ConfigBinder")) {
      assertThat(c).generatedSourceFile("test." + type).isNotNull();
    }
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.c8kit.C8Connector")
        .contentsAsUtf8String()
        .isEqualTo("test.PostgresDestinationC8Connector\ntest.PostgresSourceC8Connector\n");
    assertThat(c)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT, "META-INF/services/io.c8kit.runtime.Connector")
        .contentsAsUtf8String()
        .isEqualTo("test.PostgresDestinationConnector\ntest.PostgresSourceConnector\n");
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/source-postgres/spec.json")
        .isNotNull();
    assertThat(c)
        .generatedFile(
            StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/destination-postgres/spec.json")
        .isNotNull();
  }

  @Test
  void twoConnectorsOfOneKindWithOneNameAreADiagnosticNotAFilerError() {
    JavaFileObject a =
        file(
            "test.A",
            "@Source(name = \"shop\", version = \"1.0.0\")",
            "public class A {",
            "  public record Config(int n) {}",
            "  public record Row(long id) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "}");
    JavaFileObject b =
        file(
            "test.B",
            "@Source(",
            "    name = \"shop\",",
            "    version = \"1.0.0\")",
            "public class B {",
            "  public record Config(int n) {}",
            "  public record Row(long id) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "}");
    Compilation c = compile(List.of(), b, a);
    assertThat(c)
        .hadErrorContaining(
            "[C8K-099] source name \"shop\" is already used by test.A in this "
                + "compilation; names of connectors of one kind must be unique: set another @Source(name = ...)")
        .inFile(b)
        .onLineContaining("name = \"shop\"");
    assertThat(c).hadErrorCount(1);
    noInternalError(c);
  }

  /** A source whose generated names are test.FooConnector, test.FooMain, test.FooC8Connector. */
  private static JavaFileObject foo() {
    return file(
        "test.Foo",
        "@Source(name = \"foo\", version = \"1.0.0\")",
        "public class Foo {",
        "  public record Config(int n) {}",
        "  public record Row(long id) {}",
        "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
        "}");
  }

  @Test
  void aGeneratedNameTakenByAnotherConnectorClassIsADiagnostic() {
    JavaFileObject foo = foo();
    JavaFileObject fooMain =
        file(
            "test.FooMain",
            "@Source(name = \"foo-main\", version = \"1.0.0\")",
            "public class FooMain {",
            "  public record Config(int n) {}",
            "  public record Row(long id) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) { return null; }",
            "}");
    Compilation c = compile(List.of(), foo, fooMain);
    assertThat(c)
        .hadErrorContaining(
            "[C8K-098] c8kit generates the airbyte target's class test.FooMain for test.Foo, but"
                + " a class of that name already exists")
        .inFile(foo)
        .onLineContaining("@Source");
    assertThat(c).hadErrorCount(1);
    noInternalError(c);
    // only the airbyte target writes mains: without it the two connectors compile side by side
    assertThat(compileWithTargets("c8", foo, fooMain)).succeeded();
  }

  @Test
  void aGeneratedNameATargetWouldTakeIsADiagnosticNotAStackTrace() {
    JavaFileObject foo = foo();
    JavaFileObject mine = file("test.FooC8Connector", "public class FooC8Connector {}");

    Compilation c = compile(List.of(), foo, mine);

    assertThat(c)
        .hadErrorContaining(
            "[C8K-098] c8kit generates the c8 target's class test.FooC8Connector for test.Foo, but"
                + " a class of that name already exists; rename that class or the connector class,"
                + " from which the generated names derive, or leave the c8 target out with"
                + " -Ac8kit.targets")
        .inFile(foo)
        .onLineContaining("@Source");
    assertThat(c).hadErrorCount(1);
    noInternalError(c);
    // the advice holds: without the c8 target the same sources compile
    assertThat(compileWithTargets("airbyte", foo, mine)).succeeded();
  }

  @Test
  void edgesThatAreNotMistakesCompile() {
    JavaFileObject source =
        file(
            "test.T",
            "@Source(name = \"t\", version = \"1.0.0\")",
            "public class T {",
            "  public T() throws IllegalStateException {}",
            "  public enum Mode { @Field(name = \"fast\") FAST, @Field(name = \"slow\") SLOW, MEDIUM }",
            "  public record Config(",
            "      String passwordPolicy, String tokenizer, String keyspace, String secretary,",
            "      String primaryKey, String tokenUrl, String accessKeyId, String secretName, int passwordLength,",
            "      @Property(maximum = Double.MAX_VALUE, minimum = -Double.MAX_VALUE) double big,",
            "      @DefaultValue(\"[\\\"a\\\", \\\"b\\\"]\") Set<String> tags,",
            "      @DefaultValue(\"[\\\"FAST\\\", \\\"slow\\\"]\") Set<Mode> modes,",
            "      @Property(pattern = \"^[a-z]+$\", examples = \"abc\") @DefaultValue(\"abc\") String code,",
            "      @Secret String apiKey) {}",
            "  public record Row(long id, Mode mode) {}",
            "  @Stream java.util.stream.Stream<Row> rows(Config c) throws java.io.IOException { return null; }",
            "  @Stream List<Row> listed(Config c) throws Exception { return null; }",
            "}");
    Compilation c = compile(List.of(), source);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test.TConnector").isNotNull();
  }

  @Test
  void aConnectorInTheUnnamedPackageWithGenericAndEmptyRecordsCompiles() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "T",
            IMPORTS
                + String.join(
                    "\n",
                    "@Source(name = \"t\", version = \"1.0.0\", description = \"ends a comment */ and \\\"quotes\\\"\")",
                    "public class T {",
                    "  public record Config<X>(int n, @Property(description = \"*/\") String s) {}",
                    "  public record Row<Y>(long id) {}",
                    "  public record Empty() {}",
                    "  @Stream java.util.stream.Stream<Row<String>> rows(Config<String> c) { return null; }",
                    "  @Stream java.util.stream.Stream<Empty> empties(Config<String> c) { return null; }",
                    "}"));
    Compilation c = compile(List.of(), source);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("TConnector").isNotNull();
  }
}
