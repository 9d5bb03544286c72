package io.c8kit.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.c8kit.docs.MarkdownSnippets.Snippet;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of README.md and docs/*.md as a reader would paste it, with
 * the c8kit processor running, so that the documentation cannot drift into code that does not
 * compile. The blocks of one document are compiled together (a later block may use a class an
 * earlier one declares or the processor generated from it, like the tutorial's acceptance test).
 * Blocks marked {@code ```java excerpt} quote generated code and are not compiled.
 */
class DocSnippetsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("c8kit.docs.root", "../..")).normalize();
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "(?m)^(public\\s+)?(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
              + "(?:class|interface|record|enum|@interface)\\s+(\\w+)");

  @TempDir Path work;

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  @TestFactory
  List<DynamicTest> everyJavaBlockCompilesAsPasted() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents()) {
      List<Snippet> java = javaSnippets(doc);
      if (!java.isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(ROOT.relativize(doc).toString(), () -> compile(doc, java)));
      }
    }
    assertFalse(tests.isEmpty(), "no ```java block found under " + ROOT.toAbsolutePath());
    return tests;
  }

  @Test
  void theTutorialSourceIsAmongTheCompiledBlocks() throws IOException {
    // The quick start is the snippet newcomers paste first; make sure it is not silently skipped.
    assertTrue(
        javaSnippets(ROOT.resolve("README.md")).stream()
            .anyMatch(s -> s.code().contains("class HelloSource")),
        "README.md has no ```java block declaring HelloSource");
  }

  @Test
  void theTutorialSourceIsWhatTheSourceArchetypeGenerates() throws IOException {
    // The README shows the file the archetype writes; keep the two from drifting apart.
    String template =
        Files.readString(
            ROOT.resolve(
                "archetypes/source/src/main/resources/archetype-resources/src/main/java/__className__Source.java"));
    String generated =
        template
            .replace("${package}", "com.example.hello")
            .replace("${className}", "Hello")
            .replace("${connectorName}", "hello")
            .replace("${version}", "0.1.0");
    assertTrue(
        javaSnippets(ROOT.resolve("README.md")).stream().anyMatch(s -> s.code().equals(generated)),
        "README.md has no ```java block equal to the source archetype's HelloSource:\n"
            + generated);
  }

  @Test
  void aSnippetWithoutPackageIsRejectedWithTheDocumentLine() throws IOException {
    // The tutorial as it was: no package line, no imports.
    String error =
        failureOf(
            "text\n\n```java\n@Source(name = \"x\", version = \"1.0.0\")\n"
                + "public class XSource {}\n```\n");
    assertTrue(error.contains("BROKEN.md:4: no package line"), error);
  }

  @Test
  void aSnippetWithoutImportsFailsToCompileWithTheDocumentLine() throws IOException {
    String error =
        failureOf(
            "text\n\n```java\npackage x;\n\n"
                + "@Source(name = \"x\", version = \"1.0.0\")\npublic class XSource {}\n```\n");
    assertTrue(error.contains("BROKEN.md:6: cannot find symbol"), error);
  }

  @Test
  void theProcessorRunsOnTheSnippets() throws IOException {
    // A processor rule broken in a snippet is a failure too: here C8K-020 (a source with no
    // stream).
    String error =
        failureOf(
            "```java\npackage x;\n\nimport io.c8kit.annotations.Source;\n\n"
                + "@Source(name = \"x\", version = \"1.0.0\")\npublic class XSource {}\n```\n");
    assertTrue(error.contains("C8K-020"), error);
  }

  private String failureOf(String markdown) throws IOException {
    Path doc = work.resolve("BROKEN.md");
    Files.writeString(doc, markdown);
    try {
      compile(doc, javaSnippets(doc));
    } catch (AssertionError e) {
      return e.getMessage();
    }
    return fail("the snippet compiled: " + markdown);
  }

  private static List<Snippet> javaSnippets(Path doc) throws IOException {
    return MarkdownSnippets.read(doc).stream()
        .filter(s -> s.language().equals("java") && !s.excerpt())
        .toList();
  }

  private void compile(Path doc, List<Snippet> snippets) throws IOException {
    Path src = Files.createDirectories(work.resolve(doc.getFileName() + "-src"));
    Path out = Files.createDirectories(work.resolve(doc.getFileName() + "-classes"));
    Map<Path, Snippet> byFile = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Snippet snippet : snippets) {
      Matcher pkg = PACKAGE.matcher(snippet.code());
      if (!pkg.find()) {
        problems.add(
            snippet.where() + ": no package line; a pasted snippet needs its package and imports");
        continue;
      }
      String type = primaryType(snippet.code());
      if (type == null) {
        problems.add(snippet.where() + ": no top-level type declaration");
        continue;
      }
      Path file = src.resolve(pkg.group(1).replace('.', '/')).resolve(type + ".java");
      if (byFile.containsKey(file)) {
        problems.add(
            snippet.where()
                + ": declares "
                + pkg.group(1)
                + "."
                + type
                + " like "
                + byFile.get(file).where());
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, snippet.code());
      byFile.put(file, snippet);
    }
    if (problems.isEmpty()) {
      problems.addAll(javac(byFile, out));
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  private static String primaryType(String code) {
    Matcher m = TOP_LEVEL_TYPE.matcher(code);
    String first = null;
    while (m.find()) {
      if (m.group(1) != null) {
        return m.group(2);
      }
      if (first == null) {
        first = m.group(2);
      }
    }
    return first;
  }

  private static List<String> javac(Map<Path, Snippet> byFile, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("java.class.path");
    List<String> options =
        List.of(
            "-d",
            out.toString(),
            "-classpath",
            classPath,
            "-processorpath",
            classPath,
            "-implicit:class",
            "--release",
            "17",
            "-parameters");
    List<String> problems = new ArrayList<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(List.copyOf(byFile.keySet()));
      StringWriter console = new StringWriter();
      boolean ok = javac.getTask(console, files, diagnostics, options, null, units).call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() != Diagnostic.Kind.ERROR) {
          continue;
        }
        problems.add(where(d, byFile) + ": " + d.getMessage(Locale.ROOT));
      }
      if (!ok && problems.isEmpty()) {
        problems.add("javac failed: " + console);
      }
    }
    return problems;
  }

  /** The document line of a diagnostic: the snippet's first line plus the line within it. */
  private static String where(Diagnostic<? extends JavaFileObject> d, Map<Path, Snippet> byFile) {
    if (d.getSource() == null) {
      return "javac";
    }
    Path file = Path.of(d.getSource().toUri());
    Snippet snippet = byFile.get(file);
    if (snippet == null) {
      return file.getFileName().toString();
    }
    long line = d.getLineNumber() == Diagnostic.NOPOS ? 1 : d.getLineNumber();
    return snippet.file().getFileName() + ":" + (snippet.firstLine() + line - 1);
  }
}
