package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Airbyte image conventions (airbyte-protocol reference section 6) for the image of every
 * example, built from its generated Dockerfile: labels, AIRBYTE_ENTRYPOINT, the platform's {@code
 * sh -c} invocation, user and directories, JAVA_OPTS, exit codes through {@code docker run}.
 */
class ImageConventionsTest {

  static List<String> connectors() {
    return Artifacts.CONNECTORS;
  }

  @ParameterizedTest
  @MethodSource("connectors")
  void labelsNameTheImageAndItsVersion(String connector) {
    String image = Images.of(connector);
    Map<String, String> labels = DockerEngine.labels(image);
    assertEquals("c8kit/" + connector, labels.get("io.airbyte.name"), labels::toString);
    String version = labels.get("io.airbyte.version");
    assertTrue(version != null && version.matches("\\d+\\.\\d+\\.\\d+.*"), labels::toString);
    assertEquals(version, labels.get("org.opencontainers.image.version"), labels::toString);
    assertFalse(
        labels.getOrDefault("org.opencontainers.image.title", "").isBlank(), labels::toString);
    assertTrue(
        labels.getOrDefault("org.opencontainers.image.documentation", "").startsWith("https://"),
        labels::toString);
    // The version label is the connector's own version (picocli's --version of the packaged jar).
    DockerEngine.Result v = DockerEngine.run(image).exec("--version");
    assertEquals(0, v.exitCode(), v::toString);
    assertTrue((v.stdout() + v.stderr()).contains(version), () -> "label " + version + " vs " + v);
    if (connector.equals(Artifacts.SOURCE_FAKER)) {
      assertEquals("1.0.0", version);
    }
  }

  @ParameterizedTest
  @MethodSource("connectors")
  void airbyteEntrypointEqualsTheEntrypointJoinedBySpaces(String connector) {
    String image = Images.of(connector);
    List<String> entrypoint = DockerEngine.entrypoint(image);
    assertEquals(List.of("/airbyte/bin/" + connector), entrypoint);
    assertEquals(String.join(" ", entrypoint), DockerEngine.env(image).get("AIRBYTE_ENTRYPOINT"));
    assertEquals("/airbyte", DockerEngine.workdir(image));
  }

  @ParameterizedTest
  @MethodSource("connectors")
  void thePlatformsShellInvocationRunsSpecAndPropagatesExitCodes(String connector) {
    String image = Images.of(connector);
    // What the platform's pod runs: sh -c '... eval "$AIRBYTE_ENTRYPOINT <op> <args>"', in /config.
    DockerEngine.Result spec =
        DockerEngine.run(image)
            .entrypoint("sh", "-c")
            .exec(
                "test -n \"$AIRBYTE_ENTRYPOINT\" || exit 127; cd /config && eval \"$AIRBYTE_ENTRYPOINT spec\"");
    assertEquals(0, spec.exitCode(), spec::toString);
    JsonNode message = Messages.parse(spec.stdout(), spec::toString).only("SPEC");
    assertTrue(
        message.path("spec").path("connectionSpecification").path("properties").size() > 0,
        spec::toString);

    // The same spec as the jar prints, and through the image's own ENTRYPOINT.
    DockerEngine.Result direct = DockerEngine.run(image).exec("spec");
    assertEquals(0, direct.exitCode(), direct::toString);
    assertEquals(message, Messages.parse(direct.stdout(), direct::toString).only("SPEC"));
    Proc.Result jar = Proc.jar(Artifacts.jar(connector), null, "spec");
    assertEquals(
        jar.messages().only("SPEC"), message, "the image runs the same connector as the jar");

    DockerEngine.Result unknown =
        DockerEngine.run(image)
            .entrypoint("sh", "-c")
            .exec("eval \"$AIRBYTE_ENTRYPOINT frobnicate\"");
    assertEquals(2, unknown.exitCode(), () -> "a usage error exits 2 through sh -c: " + unknown);
    assertEquals(
        1,
        Messages.parse(unknown.stdout(), unknown::toString).traceErrors().size(),
        unknown::toString);
  }

  @ParameterizedTest
  @MethodSource("connectors")
  void runsAsAirbyteUid1000WithWritableDirectoriesAndAShell(String connector) {
    String image = Images.of(connector);
    assertEquals("airbyte", DockerEngine.user(image));
    // One container: its identity, the owners of the directories (numeric), that they are writable,
    // and the launcher and jar in place.
    DockerEngine.Result r =
        DockerEngine.run(image)
            .entrypoint("/bin/sh", "-c")
            .exec(
                String.join(
                    " && ",
                    "id",
                    "ls -ldn /airbyte /airbyte/bin /airbyte/lib /config /secrets /custom_cache",
                    "touch /airbyte/probe /config/probe /secrets/probe /custom_cache/probe /tmp/probe",
                    "test -x /airbyte/bin/" + connector,
                    "test -r /airbyte/lib/connector.jar",
                    "echo ok"));
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.stdoutLines();
    assertTrue(lines.get(0).startsWith("uid=1000(airbyte) gid=1000(airbyte)"), r::toString);
    assertEquals("ok", lines.get(lines.size() - 1), r::toString);
    assertEquals(8, lines.size(), r::toString);
    for (String line : lines.subList(1, 7)) {
      String[] f = line.trim().split("\\s+");
      assertEquals("1000", f[2], () -> "owner of " + f[f.length - 1] + ": " + line);
    }
  }

  @ParameterizedTest
  @MethodSource("connectors")
  void javaOptsAreHonouredAfterTheLaunchersFlags(String connector) {
    String image = Images.of(connector);
    DockerEngine.Result r =
        DockerEngine.run(image)
            .env("JAVA_OPTS", "-Xmx77m -XX:+PrintCommandLineFlags -Dc8kit.e2e.probe=yes")
            .exec("spec");
    assertEquals(0, r.exitCode(), r::toString);
    String flags = r.stdout().lines().filter(l -> l.contains("-XX:")).findFirst().orElse("");
    // Both words of JAVA_OPTS reached the JVM (it is split, not passed as one argument) ...
    assertTrue(flags.contains("-XX:MaxHeapSize=80740352"), () -> "-Xmx77m not applied: " + r);
    // ... next to the launcher's own container flags.
    assertTrue(
        flags.contains("-XX:MaxRAMPercentage=75.000000"), () -> "launcher flags missing: " + r);
    assertTrue(flags.contains("-XX:+ExitOnOutOfMemoryError"), () -> "launcher flags missing: " + r);
    assertTrue(r.stdout().contains("\"type\":\"SPEC\""), r::toString);

    // A JAVA_OPTS the JVM rejects makes the container fail: proof it is not ignored.
    DockerEngine.Result bad =
        DockerEngine.run(image).env("JAVA_OPTS", "-XX:+NoSuchFlagForC8kitE2e").exec("spec");
    assertTrue(bad.exitCode() != 0, bad::toString);
    assertTrue(bad.stderr().contains("NoSuchFlagForC8kitE2e"), bad::toString);
  }
}
