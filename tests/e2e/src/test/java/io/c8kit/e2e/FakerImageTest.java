package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faker source's image, run the way CAT and the platform run it: config, catalog and state
 * files mounted, no network. Also measures what the image's AppCDS archive does to the start-up
 * time of {@code spec} (printed, not asserted, apart from the archive being usable).
 */
class FakerImageTest {
  @TempDir Path data;

  private DockerEngine.Run faker() {
    return DockerEngine.run(Images.of(Artifacts.SOURCE_FAKER)).mount(data, "/data");
  }

  private Messages ok(DockerEngine.Result r) {
    assertEquals(0, r.exitCode(), r::toString);
    return Messages.parse(r.stdout(), r::toString);
  }

  @Test
  void checkAndDiscoverWithMountedConfigFiles() throws Exception {
    Files.writeString(data.resolve("good.json"), "{\"count\": 10}");
    Files.writeString(data.resolve("bad.json"), "{\"count\": \"foo\"}");
    JsonNode good =
        ok(faker().exec("check", "--config", "/data/good.json")).only("CONNECTION_STATUS");
    assertEquals("SUCCEEDED", good.path("connectionStatus").path("status").asText());
    DockerEngine.Result badRun = faker().exec("check", "--config", "/data/bad.json");
    JsonNode bad = ok(badRun).only("CONNECTION_STATUS");
    assertEquals("FAILED", bad.path("connectionStatus").path("status").asText(), badRun::toString);

    JsonNode catalog =
        ok(faker().exec("discover", "--config", "/data/good.json")).only("CATALOG").get("catalog");
    List<String> names = new ArrayList<>();
    catalog.get("streams").forEach(s -> names.add(s.get("name").asText()));
    assertEquals(List.of("users", "products", "purchases"), names);
  }

  @Test
  void readWithMountedFilesEqualsTheJarsRead() throws Exception {
    Files.writeString(
        data.resolve("config.json"), "{\"count\": 15, \"seed\": 11, \"always_updated\": false}");
    JsonNode catalog =
        ok(faker().exec("discover", "--config", "/data/config.json")).only("CATALOG");
    Proc.json(data, "catalog.json", Catalogs.incremental(catalog, "append_dedup", "overwrite", 1));
    Messages first =
        ok(
            faker()
                .exec("read", "--config", "/data/config.json", "--catalog", "/data/catalog.json"));
    assertEquals(
        Map.of("users", 15, "products", 100),
        Map.of(
            "users",
            first.recordCounts().get("users"),
            "products",
            first.recordCounts().get("products")));
    Proc.Result jar =
        Proc.jar(
            Artifacts.jar(Artifacts.SOURCE_FAKER),
            data,
            "read",
            "--config",
            data.resolve("config.json").toString(),
            "--catalog",
            data.resolve("catalog.json").toString());
    assertEquals(0, jar.exitCode(), jar::toString);
    for (String stream : List.of("users", "products", "purchases")) {
      assertEquals(jar.messages().data(stream), first.data(stream), stream);
      assertEquals(List.of("STARTED", "RUNNING", "COMPLETE"), first.statuses(stream), stream);
    }

    // The platform's form, with the state file of the first read: only the boundary records again.
    Proc.json(data, "state.json", first.lastStatesAsInput());
    DockerEngine.Result second =
        faker()
            .entrypoint("sh", "-c")
            .exec(
                "eval \"$AIRBYTE_ENTRYPOINT read"
                    + " --config /data/config.json --catalog /data/catalog.json --state /data/state.json\"");
    Messages m2 = ok(second);
    assertEquals(1, m2.records("users").size(), second::toString);
    assertEquals(1, m2.records("purchases").size(), second::toString);
  }

  @Test
  void aBadCatalogFailsTheContainerWithExitOneAndATraceError() throws Exception {
    Files.writeString(data.resolve("config.json"), "{}");
    Files.writeString(
        data.resolve("catalog.json"),
        "{\"streams\":[{\"stream\":{\"name\":"
            + "\"__AIRBYTE__stream_that_does_not_exist\",\"json_schema\":{},\"supported_sync_modes\":"
            + "[\"full_refresh\"]},\"sync_mode\":\"INVALID\",\"destination_sync_mode\":\"INVALID\"}]}");
    DockerEngine.Result r =
        faker().exec("read", "--config", "/data/config.json", "--catalog", "/data/catalog.json");
    assertEquals(1, r.exitCode(), r::toString);
    List<JsonNode> errors = Messages.parse(r.stdout(), r::toString).traceErrors();
    assertEquals(1, errors.size(), r::toString);
    assertEquals("config_error", errors.get(0).path("failure_type").asText());

    DockerEngine.Result missing =
        faker().exec("read", "--config", "/data/nope.json", "--catalog", "/data/catalog.json");
    assertEquals(1, missing.exitCode(), missing::toString);
    DockerEngine.Result write =
        faker().exec("write", "--config", "/data/config.json", "--catalog", "/data/catalog.json");
    assertEquals(2, write.exitCode(), () -> "a source has no write command: " + write);
  }

  /**
   * Median wall time of {@code spec} inside one container, interleaving three start-ups five times:
   * the launcher as built (with the image's AppCDS archive), the launcher with {@code -Xshare:off}
   * (no class-data sharing at all), and plain {@code java -jar} (the JDK's default CDS only).
   */
  @Test
  void appCdsArchiveIsUsableAndItsEffectOnSpecIsMeasured() {
    String image = Images.of(Artifacts.SOURCE_FAKER);
    // The archive exists and maps: -Xshare:on makes the JVM fail if it cannot use it.
    DockerEngine.Result forced =
        DockerEngine.run(image).env("JAVA_OPTS", "-Xshare:on").exec("spec");
    assertEquals(0, forced.exitCode(), () -> "the AppCDS archive is not usable: " + forced);

    String bin = "/airbyte/bin/" + Artifacts.SOURCE_FAKER;
    String script =
        String.join(
            "\n",
            "t() { cut -d' ' -f1 /proc/uptime; }",
            "for i in 1 2 3 4 5; do",
            "  a=$(t); " + bin + " spec >/dev/null 2>&1; b=$(t)",
            "  JAVA_OPTS=-Xshare:off " + bin + " spec >/dev/null 2>&1; c=$(t)",
            "  java -jar /airbyte/lib/connector.jar spec >/dev/null 2>&1; d=$(t)",
            "  echo \"$a $b $c $d\"",
            "done");
    DockerEngine.Result r = DockerEngine.run(image).entrypoint("/bin/sh", "-c").exec(script);
    assertEquals(0, r.exitCode(), r::toString);
    List<Double> appCds = new ArrayList<>();
    List<Double> off = new ArrayList<>();
    List<Double> plain = new ArrayList<>();
    for (String line : r.stdoutLines()) {
      String[] t = line.trim().split("\\s+");
      appCds.add(Double.parseDouble(t[1]) - Double.parseDouble(t[0]));
      off.add(Double.parseDouble(t[2]) - Double.parseDouble(t[1]));
      plain.add(Double.parseDouble(t[3]) - Double.parseDouble(t[2]));
    }
    assertEquals(5, appCds.size(), r::toString);
    System.out.printf(
        Locale.ROOT,
        "[e2e] spec wall time in the faker container, median of 5 (s):"
            + " launcher with AppCDS %.2f, launcher with -Xshare:off %.2f, plain java -jar (default CDS) %.2f%n"
            + "[e2e]   samples AppCDS %s, -Xshare:off %s, plain %s%n",
        median(appCds),
        median(off),
        median(plain),
        appCds,
        off,
        plain);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
