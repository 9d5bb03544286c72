package io.c8kit.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test inputs with the processor, the way a connector module would. */
final class Compilations {
  private Compilations() {}

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:-processing"));
    all.addAll(options);
    return javac().withProcessors(new C8kitProcessor()).withOptions(all).compile(sources);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** An inline source file; {@code lines} joined with newlines. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static JavaFileObject resource(String path) {
    return JavaFileObjects.forResource(path);
  }
}
