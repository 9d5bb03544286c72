package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSL modes of the PostgreSQL examples against a real TLS handshake: scripts/postgres-up.sh
 * serves a certificate for 127.0.0.1 signed by a CA it made. verify-ca and verify-full with that CA
 * connect, with a CA that did not sign it they fail as a FAILED check naming the certificate
 * problem (and never echoing the PEM, a secret), and require and disable connect without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSslJarTest {
  @TempDir Path dir;

  private PostgresServer pg;
  private String serverCa;
  private String unrelatedCa;
  private Path source;
  private Path destination;

  @BeforeAll
  void setUp() throws IOException {
    pg = PostgresServer.require();
    serverCa = pg.sslCaPem();
    try (InputStream in = PostgresSslJarTest.class.getResourceAsStream("/unrelated-ca.pem")) {
      unrelatedCa = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    source = Artifacts.jar(Artifacts.SOURCE_POSTGRES);
    destination = Artifacts.jar(Artifacts.DESTINATION_POSTGRES);
  }

  private ObjectNode sourceConfig(String mode, String ca) {
    ObjectNode config = pg.sourceConfig(pg.database(), "public");
    ObjectNode ssl = config.putObject("ssl_mode").put("mode", mode);
    if (ca != null) {
      ssl.put("ca_certificate", ca);
    }
    return config;
  }

  private ObjectNode destinationConfig(String mode, String ca) {
    ObjectNode config = pg.destinationConfig(pg.database(), "public");
    ObjectNode ssl = config.putObject("ssl_mode").put("mode", mode);
    if (ca != null) {
      ssl.put("ca_certificate", ca);
    }
    return config;
  }

  /**
   * Runs {@code check} and returns its one CONNECTION_STATUS; the exit code of a check is 0 either
   * way.
   */
  private JsonNode check(Path jar, String name, ObjectNode config) {
    Path file = Proc.json(dir, name + ".json", config);
    Proc.Result r = Proc.jar(jar, dir, "check", "--config", file.toString());
    assertEquals(0, r.exitCode(), r::toString);
    return r.messages().only("CONNECTION_STATUS").get("connectionStatus");
  }

  private static void assertSucceeded(JsonNode status) {
    assertEquals("SUCCEEDED", status.path("status").asText(), status::toString);
  }

  private void assertFailedOnTheCertificate(JsonNode status) {
    assertEquals("FAILED", status.path("status").asText(), status::toString);
    String message = status.path("message").asText();
    assertTrue(
        message.contains("the server's certificate is not signed by the given CA certificate"),
        () -> "the message should name the TLS problem: " + message);
    for (String pem : new String[] {serverCa, unrelatedCa}) {
      String body = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
      assertFalse(message.contains(body), () -> "a certificate (secret) leaked into: " + message);
    }
  }

  @Test
  void sourceVerifyFullAndVerifyCaTrustTheServersCa() {
    assertSucceeded(check(source, "src-verify-full", sourceConfig("verify-full", serverCa)));
    assertSucceeded(check(source, "src-verify-ca", sourceConfig("verify-ca", serverCa)));
  }

  @Test
  void sourceVerifyFullRejectsACertificateItsCaDidNotSign() {
    assertFailedOnTheCertificate(
        check(source, "src-wrong-ca", sourceConfig("verify-full", unrelatedCa)));
    assertFailedOnTheCertificate(
        check(source, "src-wrong-ca-2", sourceConfig("verify-ca", unrelatedCa)));
  }

  @Test
  void sourceRequireAndDisableConnectWithoutACa() {
    assertSucceeded(check(source, "src-require", sourceConfig("require", null)));
    assertSucceeded(check(source, "src-disable", sourceConfig("disable", null)));
  }

  @Test
  void destinationVerifiesTheServerCertificateToo() {
    // its verify-full also requires a client certificate, as Airbyte's destination-postgres spec
    // does
    assertSucceeded(check(destination, "dst-verify-ca", destinationConfig("verify-ca", serverCa)));
    assertSucceeded(check(destination, "dst-require", destinationConfig("require", null)));
    assertFailedOnTheCertificate(
        check(destination, "dst-wrong-ca", destinationConfig("verify-ca", unrelatedCa)));
  }
}
