package io.c8kit.acceptance.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.checks.Json;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubprocessTargetsTest {
  @TempDir Path tmp;

  /**
   * A runnable jar whose Main-Class is {@link FakeMain}, found through the test classes directory.
   */
  private Path fakeJar() throws Exception {
    Path classes = testClasses();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeMain.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    Path jar = tmp.resolve("fake-connector.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.flush();
    }
    return jar;
  }

  private static Path testClasses() throws URISyntaxException {
    return Path.of(FakeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void jarTargetRunsCommandsWithFilesAndStdin() throws Exception {
    try (ConnectorClient client =
        new ConnectorClient(new JarTarget(fakeJar(), List.of("-Xmx64m"), Duration.ofMinutes(1)))) {
      RunResult spec = client.spec();
      assertEquals(0, spec.exitCode(), spec.describe());
      assertEquals(1, spec.ofType("SPEC").size());

      RunResult good = client.check("{\"ok\": true}");
      assertEquals(
          "SUCCEEDED", good.ofType("CONNECTION_STATUS").get(0).payload().path("status").asText());
      assertEquals(List.of("not json: a stray println"), good.unparseableLines());
      assertTrue(good.stderr().contains("checking " + client.target().workDir()), good.stderr());
      RunResult bad = client.check("{\"bad\": true}");
      assertEquals(
          "FAILED", bad.ofType("CONNECTION_STATUS").get(0).payload().path("status").asText());

      String state = "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"id\":7}}";
      RunResult write =
          client.write(
              "{}",
              Json.object(),
              List.of(
                  Json.parse(state),
                  Json.parse(
                      "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"v\":\"a\\u2028b\"},\"emitted_at\":1}}")));
      assertEquals(1, write.states().size());
      assertEquals(7, write.states().get(0).payload().path("id").asInt());
    }
  }

  @Test
  void jarTargetReportsCrashesAndTimeouts() throws Exception {
    Path jar = fakeJar();
    try (JarTarget target = new JarTarget(jar, List.of(), Duration.ofMinutes(1))) {
      RunResult crash = target.run(List.of("crash"), new byte[0]);
      assertEquals(3, crash.exitCode());
      assertTrue(crash.describe().contains("boom"), crash.describe());
    }
    try (JarTarget target = new JarTarget(jar, List.of(), Duration.ofSeconds(2))) {
      RunResult hang = target.run(List.of("hang"), new byte[0]);
      assertTrue(hang.timedOut(), hang.describe());
      assertTrue(hang.describe().contains("timed out"), hang.describe());
    }
    try (JarTarget target =
        new JarTarget(tmp.resolve("missing.jar"), List.of(), Duration.ofSeconds(5))) {
      RunResult missing = target.run(List.of("spec"), new byte[0]);
      assertEquals(RunResult.THREW, missing.exitCode());
      assertTrue(missing.stderr().contains("does not exist"), missing.stderr());
    }
  }

  @Test
  void dockerTargetMountsTheWorkDirAndRewritesPaths() {
    try (DockerImageTarget target =
        new DockerImageTarget("c8kit/source-faker:dev", Duration.ofMinutes(1))) {
      String config = target.workDir().resolve("config-1.json").toString();
      List<String> cmd =
          target.command(
              "c8kit-x",
              List.of(
                  "read",
                  "--config",
                  config,
                  "--catalog",
                  target.workDir().resolve("catalog-2.json").toString()));
      assertEquals(
          List.of(
              "docker",
              "run",
              "--rm",
              "-i",
              "--pull",
              "never",
              "--network",
              "none",
              "--name",
              "c8kit-x",
              "-v",
              target.workDir().toAbsolutePath() + ":/data",
              "c8kit/source-faker:dev",
              "read",
              "--config",
              "/data/config-1.json",
              "--catalog",
              "/data/catalog-2.json"),
          cmd);
      assertEquals(
          List.of("spec", "/elsewhere/x.json"),
          target.containerArgs(List.of("spec", "/elsewhere/x.json")));
    }
  }

  @Test
  void workDirsAreWritableByTheContainerUserAndDeletedOnClose() throws Exception {
    Path dir;
    try (DockerImageTarget target = new DockerImageTarget("img", Duration.ofMinutes(1))) {
      dir = target.workDir();
      // images run as uid 1000, not as the test's user: a destination writes its file in there
      assertEquals(
          "rwxrwxrwx",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir)));
      Files.writeString(dir.resolve("x.json"), "{}", StandardCharsets.UTF_8);
    }
    assertTrue(Files.notExists(dir));
  }
}
