package io.c8kit.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the production classes of every library module against {@link ArchitectureRules}. */
class ArchitectureTest {
  private static JavaClasses production;
  private static final ArchitectureRules RULES = new ArchitectureRules("io.c8kit");

  @BeforeAll
  static void importProduction() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.c8kit");
  }

  @Test
  void everyModuleIsOnTheImport() {
    // Guards the other tests against passing vacuously on an empty or partial import.
    for (String pkg :
        List.of(
            "io.c8kit.runtime",
            "io.c8kit.runtime.read",
            "io.c8kit.runtime.write",
            "io.c8kit.http",
            "io.c8kit.singer",
            "io.c8kit.kafka",
            "io.c8kit.airbyte",
            "io.c8kit.c8",
            "io.c8kit.jdbc.postgres")) {
      assertTrue(production.containPackage(pkg), "no classes imported from " + pkg);
    }
  }

  @Test
  void noPackageCycles() {
    RULES.noPackageCycles().check(production);
  }

  @Test
  void engineKnowsNoTarget() {
    RULES.engineKnowsNoTarget().check(production);
  }

  @Test
  void readEngineSpeaksNoWire() {
    RULES.readEngineSpeaksNoWire().check(production);
  }

  @Test
  void airbyteWireStaysConfined() {
    RULES.airbyteWireStaysConfined().check(production);
  }

  @Test
  void targetsAreIndependent() {
    RULES.targetsAreIndependent().forEach(rule -> rule.check(production));
  }

  @Test
  void internalsAreNotPublic() {
    RULES.internalsAreNotPublic(InternalApi.ALLOWED.keySet()).check(production);
  }

  @Test
  void allowListHoldsOnlyPublicInternalClasses() {
    // A stale entry would silently widen the rule for a class that later reappears.
    List<String> stale =
        InternalApi.ALLOWED.keySet().stream()
            .filter(
                name ->
                    !production.contain(name)
                        || !production.get(name).getModifiers().contains(JavaModifier.PUBLIC))
            .sorted()
            .collect(Collectors.toList());
    assertTrue(
        stale.isEmpty(), "InternalApi.ALLOWED names classes that are gone or not public: " + stale);
  }
}
