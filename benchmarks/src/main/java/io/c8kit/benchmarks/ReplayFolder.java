package io.c8kit.benchmarks;

import io.c8kit.benchmarks.baseline.ReplayProcessor;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the compile rows' limit needs on disk: the files a c8kit run generated, for {@link
 * ReplayProcessor} to write again, and a processor path that holds only that class, so that javac
 * loads nothing of c8kit's.
 */
final class ReplayFolder {
  private ReplayFolder() {}

  /**
   * Fills the empty folder {@code dir}: {@code sources/} from the generated sources under {@code
   * gen}, {@code resources/} from the files other than classes under {@code classes}, and {@code
   * processor/} with {@link ReplayProcessor}'s class file and its service entry; returns {@code
   * dir}.
   */
  static Path create(Path dir, Path gen, Path classes) throws IOException {
    copyTree(gen, dir.resolve("sources"), p -> p.toString().endsWith(".java"));
    copyTree(classes, dir.resolve("resources"), p -> !p.toString().endsWith(".class"));
    Path processor = dir.resolve("processor");
    String classFile = ReplayProcessor.class.getName().replace('.', '/') + ".class";
    try (InputStream in = ReplayProcessor.class.getClassLoader().getResourceAsStream(classFile)) {
      if (in == null) {
        throw new FileNotFoundException(classFile + " on the harness's class path");
      }
      Path target = processor.resolve(classFile);
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
    }
    Path services = processor.resolve("META-INF/services/javax.annotation.processing.Processor");
    Files.createDirectories(services.getParent());
    Files.writeString(services, ReplayProcessor.class.getName() + "\n", StandardCharsets.UTF_8);
    return dir;
  }

  private static void copyTree(Path from, Path to, Predicate<Path> which) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.filter(Files::isRegularFile).filter(which).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
  }
}
