package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret must never reach stdout or stderr: not from an exception message thrown by check, a
 * JUL or SLF4J log line, {@code System.out}/{@code System.err}, a config that fails validation on
 * another field, a nested secret inside the selected oneOf option or an array item, or a read
 * failure.
 */
class SecretLeakTest {
  static final String API_KEY = "ak-7f3e9c2b1d";
  static final String PASSWORD = "pw-Zq81!xx";
  static final String TOKEN = "tok-55aa66bb";

  @TempDir Path dir;

  private final HandwrittenSource source = new HandwrittenSource();

  private String config(String extra) throws Exception {
    return Cli.write(
            dir,
            "config-" + Math.abs(extra.hashCode()) + ".json",
            "{\"host\":\"db\",\"api_key\":\""
                + API_KEY
                + "\",\"auth\":{\"method\":\"password\","
                + "\"username\":\"u\",\"password\":\""
                + PASSWORD
                + "\"},\"tags\":[{\"name\":\"a\","
                + "\"token\":\""
                + TOKEN
                + "\"}]"
                + extra
                + "}")
        .toString();
  }

  private static void assertClean(Cli.Result r, String label) {
    for (String secret : List.of(API_KEY, PASSWORD, TOKEN)) {
      assertTrue(
          !r.stdout().contains(secret),
          () -> label + ": stdout leaks " + secret + "\n" + r.stdout());
      assertTrue(
          !r.stderr().contains(secret),
          () -> label + ": stderr leaks " + secret + "\n" + r.stderr());
    }
  }

  @Test
  void noPathLeaksASecret() throws Exception {
    List<String[]> runs = new ArrayList<>();
    for (String behavior :
        List.of("ok", "fail", "config_error", "declared_error", "transient", "noisy")) {
      String cfg = config(",\"behavior\":\"" + behavior + "\"");
      runs.add(new String[] {"check", "--config", cfg});
      runs.add(new String[] {"discover", "--config", cfg});
    }
    // invalid on another field, with the secrets present (and one secret of the wrong type)
    runs.add(new String[] {"check", "--config", config(",\"port\":\"" + API_KEY + "x\"")});
    runs.add(new String[] {"discover", "--config", config(",\"count\":-5")});
    runs.add(
        new String[] {
          "discover",
          "--config",
          Cli.write(
                  dir,
                  "c2.json",
                  "{\"host\":\"db\",\"api_key\":\""
                      + API_KEY
                      + "\",\"auth\":{\"method\":\"password\","
                      + "\"password\":\""
                      + PASSWORD
                      + "\"}}")
              .toString()
        });
    runs.add(
        new String[] {
          "check",
          "--config",
          Cli.write(
                  dir, "c3.json", "{\"host\":\"db\",\"api_key\":{\"nested\":\"" + API_KEY + "\"}}")
              .toString()
        });
    String cfg = config(",\"behavior\":\"fail\"");
    String catalog =
        Cli.write(
                dir,
                "catalog.json",
                "{\"streams\":[{\"stream\":{\"name\":\"orders\","
                    + "\"json_schema\":{\"type\":\"object\"},\"supported_sync_modes\":[\"full_refresh\"]},"
                    + "\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}")
            .toString();
    runs.add(new String[] {"read", "--config", cfg, "--catalog", catalog});
    String noisy = config(",\"behavior\":\"noisy\"");
    runs.add(new String[] {"read", "--config", noisy, "--catalog", catalog});
    runs.add(new String[] {"read", "--config", noisy, "--catalog", catalog, "--bogus"});

    for (String[] args : runs) {
      Cli.Result r = Cli.run(source, args);
      assertClean(r, String.join(" ", args));
    }
  }

  @Test
  void noisyCheckRoutesEveryChannelMasked() throws Exception {
    Cli.Result r = Cli.run(source, "check", "--config", config(",\"behavior\":\"noisy\""));
    assertEquals(0, r.code());
    assertClean(r, "noisy check");
    String out = r.stdout();
    assertTrue(out.contains("{\"level\":\"INFO\",\"message\":\"JUL sees key ****\"}"), out);
    assertTrue(out.contains("{\"level\":\"WARN\",\"message\":\"SLF4J sees key ****\"}"), out);
    assertTrue(out.contains("{\"level\":\"INFO\",\"message\":\"println sees key ****\"}"), out);
    assertTrue(r.stderr().contains("stderr sees key ****"), r.stderr());
    assertEquals(
        "FAILED", r.only("CONNECTION_STATUS").path("connectionStatus").path("status").asText());
  }

  @Test
  void secretOnlyInAnInvalidValueIsStillMasked() throws Exception {
    // The api_key is the wrong type: the validator's message must not carry it.
    String cfg = Cli.write(dir, "c4.json", "{\"host\":\"db\",\"api_key\":12345678}").toString();
    Cli.Result r = Cli.run(source, "discover", "--config", cfg);
    assertEquals(1, r.code());
    assertTrue(r.onlyError().path("message").asText().contains("$.api_key"), r.stdout());
    assertTrue(!r.stdout().contains("12345678"), r.stdout());
  }
}
