package io.c8kit.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shows each rule failing on the deliberately broken fixture, naming the offending classes. */
class ArchitectureRulesFailTest {
  private static final ArchitectureRules RULES = new ArchitectureRules("io.c8kit.archfixture");
  private static final JavaClasses FIXTURE =
      new ClassFileImporter().importPackages("io.c8kit.archfixture");

  @Test
  void aCycleFails() {
    assertFails(RULES.noPackageCycles(), "Cycle detected", "Reader", "Engine");
  }

  @Test
  void anEngineDependingOnATargetFails() {
    assertFails(RULES.engineKnowsNoTarget(), "Engine", "Wire");
  }

  @Test
  void aReadEngineWritingTheAirbyteWireFails() {
    assertFails(RULES.readEngineSpeaksNoWire(), "Reader", "ProtocolOutput");
  }

  @Test
  void anEngineClassReachingTheAirbyteWireFails() {
    assertFails(RULES.airbyteWireStaysConfined(), "Writer", "MessageParser");
  }

  @Test
  void aTargetDependingOnAnotherFails() {
    assertFails(RULES.targetsAreIndependent().get(2), "Tap", "Wire");
  }

  @Test
  void anUnlistedPublicInternalClassFails() {
    assertFails(RULES.internalsAreNotPublic(Set.of()), "Leak", "Reader");
  }

  @Test
  void anAllowListedPublicInternalClassPasses() {
    RULES
        .internalsAreNotPublic(
            Set.of(
                "io.c8kit.archfixture.runtime.read.Leak",
                "io.c8kit.archfixture.runtime.read.Reader",
                "io.c8kit.archfixture.runtime.output.ProtocolOutput"))
        .check(FIXTURE);
  }

  private static void assertFails(ArchRule rule, String... mentioned) {
    AssertionError error = assertThrows(AssertionError.class, () -> rule.check(FIXTURE));
    for (String text : mentioned) {
      assertTrue(
          error.getMessage().contains(text), "expected '" + text + "' in:\n" + error.getMessage());
    }
  }
}
