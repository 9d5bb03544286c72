package io.c8kit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The layering of docs/ARCHITECTURE.md as ArchUnit rules, relative to a root package so that the
 * fixtures under {@code io.c8kit.archfixture} can show every rule failing.
 */
final class ArchitectureRules {
  /** Target packages: each speaks one platform's protocol on top of the engine. */
  static final List<String> TARGETS = List.of("airbyte", "c8", "singer", "kafka");

  /** Libraries on top of the engine that connectors use; no target may be needed by them. */
  static final List<String> TOOLKITS = List.of("http", "jdbc.postgres");

  private final String root;

  ArchitectureRules(String root) {
    this.root = root;
  }

  /** The target-neutral engine: the root package (author exceptions) and the runtime packages. */
  String[] enginePackages() {
    return new String[] {
      root,
      root + ".source..",
      root + ".destination..",
      root + ".runtime..",
      root + ".protocol..",
      root + ".jdbc"
    };
  }

  /**
   * Engine-internal packages: public classes there are reachable by authors, so they are listed.
   */
  String[] internalPackages() {
    return new String[] {
      root + ".runtime.config..",
      root + ".runtime.read..",
      root + ".runtime.write..",
      root + ".runtime.output..",
      root + ".runtime.secrets..",
      root + ".runtime.docs.."
    };
  }

  /** No cycle between any two packages below the root. */
  ArchRule noPackageCycles() {
    return SlicesRuleDefinition.slices()
        .matching(root + ".(**)")
        .namingSlices("package " + root + ".$1")
        .should()
        .beFreeOfCycles()
        .because("a cycle ties packages together so neither can change or move alone");
  }

  /** The engine runs under every target, so it may know none of them (nor their libraries). */
  ArchRule engineKnowsNoTarget() {
    List<String> forbidden = new ArrayList<>();
    Stream.concat(TARGETS.stream(), TOOLKITS.stream())
        .forEach(p -> forbidden.add(root + "." + p + ".."));
    forbidden.add("picocli..");
    forbidden.add("org.apache.kafka..");
    return noClasses()
        .that()
        .resideInAnyPackage(enginePackages())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("the engine must run unchanged under every target (docs/ARCHITECTURE.md)");
  }

  /**
   * The read engine hands its results to its sink ({@code runtime.read.ReadSink}); the Airbyte wire
   * (the stdout channel {@code ProtocolOutput}, the Airbyte target) is one implementation of it and
   * must not leak back into the engine's hot path.
   */
  ArchRule readEngineSpeaksNoWire() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".runtime.read..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are the Airbyte wire",
                c ->
                    c.getSimpleName().equals("ProtocolOutput")
                        || c.getPackageName().startsWith(root + ".airbyte")))
        .because(
            "every target receives the read through ReadSink (docs/ARCHITECTURE.md, \"Engine and targets\")");
  }

  /**
   * The Airbyte wire by name (docs/ARCHITECTURE.md, "Engine and targets"): the stdout channel and
   * the stdin parsing with its write entry, all in {@code targets/airbyte}; an engine class of one
   * of these names is the wire come back into the engine.
   */
  static final Set<String> AIRBYTE_WIRE =
      Set.of("ProtocolOutput", "InputLines", "MessageParser", "LineInput", "AirbyteWrite");

  /**
   * No engine class reaches the Airbyte wire (the Airbyte target's packages, or a class named like
   * its parts): everything of the engine (logging included, through {@code
   * runtime.output.LogDestination}, the write engine through target-neutral {@code WriteInput}
   * events) works for every target.
   */
  ArchRule airbyteWireStaysConfined() {
    DescribedPredicate<JavaClass> wire =
        DescribedPredicate.describe(
            "are the Airbyte wire",
            c ->
                c.getPackageName().startsWith(root + ".airbyte")
                    || AIRBYTE_WIRE.contains(topLevelName(c)));
    return noClasses()
        .that()
        .resideInAPackage(root + ".runtime..")
        .should()
        .dependOnClassesThat(wire)
        .because(
            "the engine serves every target; the Airbyte wire (stdout and stdin) lives entirely in "
                + "targets/airbyte (docs/ARCHITECTURE.md, \"Engine and targets\")");
  }

  /** The simple name of the top-level class a (nested, anonymous) class belongs to. */
  private static String topLevelName(JavaClass c) {
    String name = c.getName().substring(c.getName().lastIndexOf('.') + 1);
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  /** A target never needs another: a Kafka Connect plugin must not drag the Airbyte CLI along. */
  List<ArchRule> targetsAreIndependent() {
    List<ArchRule> rules = new ArrayList<>();
    for (String target : TARGETS) {
      String[] others =
          TARGETS.stream()
              .filter(t -> !t.equals(target))
              .map(t -> root + "." + t + "..")
              .toArray(String[]::new);
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(root + "." + target + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others)
              .because("each target is its own module, shipped only where its platform runs")
              // ArchitectureTest.everyModuleIsOnTheImport guards against a vacuous pass.
              .allowEmptyShould(true));
    }
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(root + ".kafka..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..")
            .because(
                "a Kafka Connect worker loads the plugin; the CLI library has no business there"));
    return rules;
  }

  /**
   * Engine-internal packages hold only package-private classes, except the listed ones that targets
   * in other modules must reach (Java packages cannot be friends across jars).
   */
  ArchRule internalsAreNotPublic(Set<String> allowed) {
    return classes()
        .that()
        .resideInAnyPackage(internalPackages())
        .and()
        .areTopLevelClasses()
        .and(notIn(allowed))
        .should()
        .notBePublic()
        .allowEmptyShould(true)
        .because(
            "an engine-internal public class is API a connector author could use by accident;"
                + " make it package-private or add it, with a reason, to InternalApi.ALLOWED");
  }

  private static DescribedPredicate<JavaClass> notIn(Set<String> names) {
    return DescribedPredicate.describe("are not allow-listed", c -> !names.contains(c.getName()));
  }
}
