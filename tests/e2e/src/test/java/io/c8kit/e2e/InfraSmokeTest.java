package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test infrastructure itself: the Docker engine with its local base image, and PostgreSQL. */
class InfraSmokeTest {

  @Test
  void buildsAndRunsAnImageFromTheBaseImageWithoutNetwork(@TempDir Path context) throws Exception {
    DockerEngine.require();
    Files.writeString(
        context.resolve("Dockerfile"),
        String.join(
            "\n",
            "FROM eclipse-temurin:17-jre",
            "RUN java -version",
            "ENTRYPOINT [\"sh\",\"-c\",\"echo ok; exit 3\"]",
            ""));
    String tag = "c8kit-e2e/infra-smoke:" + UUID.randomUUID().toString().substring(0, 8);
    DockerEngine.build(tag, context);
    try {
      DockerEngine.Result r = DockerEngine.run(tag).exec();
      assertEquals(3, r.exitCode(), r::toString);
      assertEquals("ok", r.stdout().strip(), r::toString);

      assertEquals("/opt/java/openjdk", DockerEngine.env(tag).get("JAVA_HOME"));
      assertEquals("", DockerEngine.user(tag));
      assertEquals(List.of("sh", "-c", "echo ok; exit 3"), DockerEngine.entrypoint(tag));
    } finally {
      DockerEngine.removeImage(tag);
    }
  }

  @Test
  void mountsAHostDirectoryForANonRootUserAndSeesNoNetwork(@TempDir Path data) throws Exception {
    DockerEngine.require();
    Files.writeString(data.resolve("config.json"), "{\"x\":1}\n");
    DockerEngine.Result r =
        DockerEngine.run("eclipse-temurin:17-jre")
            .mount(data, "/data")
            .user("1000:1000")
            .entrypoint("sh", "-c")
            .exec(
                "cat /data/config.json && echo written > /data/out.txt && id -u && ls /sys/class/net");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(List.of("{\"x\":1}", "1000", "lo"), r.stdoutLines(), r::toString);
    assertEquals("written\n", Files.readString(data.resolve("out.txt")));
  }

  @Test
  void killsAContainerThatOutlivesItsTimeout() {
    DockerEngine.require();
    DockerEngine.Result r =
        DockerEngine.run("eclipse-temurin:17-jre")
            .entrypoint("sleep")
            .timeout(Duration.ofSeconds(2))
            .exec("60");
    assertTrue(r.timedOut(), r::toString);
  }

  @Test
  void connectsToPostgresWithPlainJdbc() throws Exception {
    PostgresServer pg = PostgresServer.require();
    try (Connection c = pg.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select 1")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
    }
  }
}
