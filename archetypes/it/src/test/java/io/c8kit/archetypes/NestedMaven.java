package io.c8kit.archetypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A separate Maven, as a user runs it, on a private local repository that holds this build's c8kit
 * artifacts (copied from the module folders, so nothing has to be installed first) and reaches
 * every other artifact through a mirror onto the outer build's local repository, so it needs no
 * network.
 */
final class NestedMaven {
  private static final Path ROOT =
      Path.of(System.getProperty("c8kit.it.root", "../..")).toAbsolutePath().normalize();
  private static final String BUILD_DIR = System.getProperty("c8kit.it.buildDir", "target");

  private final Path home;
  private final Path settings;
  final Path repository;

  private NestedMaven(Path home, Path settings, Path repository) {
    this.home = home;
    this.settings = settings;
    this.repository = repository;
  }

  /** A Maven whose repository is {@code work/repository}, seeded with the listed c8kit modules. */
  static NestedMaven create(Path work) throws Exception {
    Path outer = Path.of(required("c8kit.it.outerRepository"));
    Path repository = Files.createDirectories(work.resolve("repository"));
    for (String module : required("c8kit.it.modules").split(",")) {
      install(ROOT.resolve(module.strip()).normalize(), repository);
    }
    Path settings = work.resolve("settings.xml");
    Files.writeString(
        settings,
        "<settings>\n"
            + "  <localRepository>"
            + repository
            + "</localRepository>\n"
            + "  <mirrors><mirror><id>outer-build-repository</id><mirrorOf>*</mirrorOf>"
            + "<url>"
            + outer.toUri()
            + "</url></mirror></mirrors>\n"
            + "</settings>\n");
    return new NestedMaven(Path.of(required("c8kit.it.mavenHome")), settings, repository);
  }

  /** Runs {@code mvn -B -s settings ARGS} in {@code dir}; the output goes to {@code log}. */
  int run(Path dir, Path log, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/mvn").toString());
    command.add("-B");
    command.add("-ntp");
    command.add("-s");
    command.add(settings.toString());
    command.add("-Dmaven.repo.local=" + repository);
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().remove("MAVEN_OPTS");
    pb.environment().remove("MAVEN_ARGS");
    Process process = pb.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "mvn " + String.join(" ", args) + " did not finish in 10 minutes; log: " + log);
    }
    return process.exitValue();
  }

  /** The last lines of a log, for a failure message. */
  static String tail(Path log, int lines) throws IOException {
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Copies a module's POM (and jar, unless it is a POM project) into the repository layout. */
  private static void install(Path module, Path repository) throws Exception {
    Path pom = module.resolve("pom.xml");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    Element project = doc.getDocumentElement();
    String artifactId = child(project, "artifactId");
    String version = child(project, "version");
    String groupId = child(project, "groupId");
    Element parent = childElement(project, "parent");
    if (groupId == null) {
      groupId = child(parent, "groupId");
    }
    if (version == null) {
      version = child(parent, "version");
    }
    String packaging = child(project, "packaging");
    Path dir =
        Files.createDirectories(
            repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version));
    String base = artifactId + "-" + version;
    Files.copy(pom, dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (!"pom".equals(packaging)) {
      Path jar = module.resolve(BUILD_DIR).resolve(base + ".jar");
      if (!Files.isRegularFile(jar)) {
        throw new AssertionError(jar + " is missing: build the module first (mvn package)");
      }
      Files.copy(jar, dir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Element childElement(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String child(Element parent, String name) {
    Element e = childElement(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new AssertionError(
          "system property " + property + " is not set (the module's POM sets it)");
    }
    return value;
  }
}
