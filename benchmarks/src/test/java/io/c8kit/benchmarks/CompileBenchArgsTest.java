package io.c8kit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the compile row's fairness: the baseline javac command is the processor's command with
 * {@code -proc:none} in place of the processor path and the generated-source folder, on the same
 * user sources and the same class path.
 */
class CompileBenchArgsTest {
  @TempDir Path dir;

  @Test
  void baselineIsTheSameCommandWithProcNone() throws Exception {
    List<String> sources = List.of("A.java", "b/B.java");
    Path out = dir.resolve("out");
    List<String> with =
        CompileBench.withArgs("lib.jar:rt.jar", "proc.jar", out, dir.resolve("gen"), sources);
    List<String> without = CompileBench.withoutArgs("lib.jar:rt.jar", false, out, sources);

    List<String> expected = new ArrayList<>(with);
    int s = expected.indexOf("-s");
    expected.subList(s, s + 4).clear(); // -s GEN -processorpath P
    expected.add(expected.size() - sources.size(), "-proc:none");
    assertEquals(expected, without);
  }

  @Test
  void generatedClassesOnTheClassPathAreNotCompiledAgain() throws Exception {
    List<String> without =
        CompileBench.withoutArgs("lib.jar:prep", true, dir.resolve("out"), List.of("A.java"));
    assertEquals(List.of("-proc:none", "-implicit:none", "A.java"), without.subList(10, 13));
  }
}
