package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.target.ConnectorTarget;
import io.c8kit.runtime.DestinationConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What {@link DestinationAcceptanceTest} needs to know about a destination: how to run it, a good and
 * a bad config, and a {@link DestinationReader} that reads back what was written.
 *
 * <pre>{@code
 * DestinationAcceptanceConfig.forConnector(new SqliteConnector())
 *     .goodConfig("{\"path\": \"" + dbFile + "\"}")
 *     .badConfig("{\"path\": \"/nonexistent/dir/db.sqlite\"}")
 *     .reader((config, stream, namespace) -> querySqlite(config, stream));
 * }</pre>
 */
public final class DestinationAcceptanceConfig {
  /** Default number of records of the large-batch test. */
  public static final int DEFAULT_LARGE_BATCH = 400;

  final TargetChoice target = new TargetChoice();
  String goodConfig;
  String badConfig;
  String exceptionConfig;
  String expectedSpec;
  String previousSpec;
  DestinationReader reader;
  String namespace;
  int largeBatchSize = DEFAULT_LARGE_BATCH;
  UnaryOperator<JsonNode> normalizer = UnaryOperator.identity();
  final Map<String, String> bypassed = new LinkedHashMap<>();

  private DestinationAcceptanceConfig() {}

  public static DestinationAcceptanceConfig forConnector(DestinationConnector<?> connector) {
    DestinationAcceptanceConfig c = new DestinationAcceptanceConfig().connector(connector);
    c.target.primary = TargetChoice.Kind.INPROCESS;
    return c;
  }

  public static DestinationAcceptanceConfig forJar(Path jar) {
    DestinationAcceptanceConfig c = new DestinationAcceptanceConfig().jar(jar);
    c.target.primary = TargetChoice.Kind.JAR;
    return c;
  }

  public static DestinationAcceptanceConfig forImage(String image) {
    DestinationAcceptanceConfig c = new DestinationAcceptanceConfig().image(image);
    c.target.primary = TargetChoice.Kind.DOCKER;
    return c;
  }

  public DestinationAcceptanceConfig connector(DestinationConnector<?> connector) {
    target.connector = Objects.requireNonNull(connector, "connector");
    return this;
  }

  public DestinationAcceptanceConfig jar(Path jar) {
    target.jar = Objects.requireNonNull(jar, "jar");
    return this;
  }

  public DestinationAcceptanceConfig image(String image) {
    target.image = Objects.requireNonNull(image, "image");
    return this;
  }

  /**
   * The {@code docker run --network} of the Docker target (default {@code none}); e.g. {@code host} when
   * the connector must reach a server. Overridden by {@code -Dc8kit.acceptance.docker.network}.
   */
  public DestinationAcceptanceConfig dockerNetwork(String network) {
    target.network = Objects.requireNonNull(network, "network");
    return this;
  }

  public DestinationAcceptanceConfig jvmArgs(String... args) {
    target.jvmArgs.addAll(List.of(args));
    return this;
  }

  /** Time limit of each connector run (default {@link ConnectorTarget#DEFAULT_TIMEOUT}). */
  public DestinationAcceptanceConfig timeout(Duration timeout) {
    target.timeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** A config the destination accepts and writes with. For the Docker target use paths/hosts the container sees. */
  public DestinationAcceptanceConfig goodConfig(String json) {
    goodConfig = Objects.requireNonNull(json, "json");
    return this;
  }

  public DestinationAcceptanceConfig goodConfig(Path file) {
    return goodConfig(Json.read(file));
  }

  public DestinationAcceptanceConfig goodConfig(JsonNode config) {
    return goodConfig(Json.write(config));
  }

  /** A config for which check must report FAILED (and exit 0). */
  public DestinationAcceptanceConfig badConfig(String json) {
    badConfig = Objects.requireNonNull(json, "json");
    return this;
  }

  public DestinationAcceptanceConfig badConfig(Path file) {
    return badConfig(Json.read(file));
  }

  public DestinationAcceptanceConfig badConfig(JsonNode config) {
    return badConfig(Json.write(config));
  }

  /** Optional: a config with which check crashes (exactly one TRACE ERROR expected). */
  public DestinationAcceptanceConfig exceptionConfig(String json) {
    exceptionConfig = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Optional: the exact SPEC the destination must print. */
  public DestinationAcceptanceConfig expectedSpec(String json) {
    expectedSpec = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Optional: the previous version's SPEC for {@code spec.backward_compatibility}. */
  public DestinationAcceptanceConfig previousSpec(String json) {
    previousSpec = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Reads back what was written (required by the data tests). */
  public DestinationAcceptanceConfig reader(DestinationReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
    return this;
  }

  /** Namespace of the test streams (default none). */
  public DestinationAcceptanceConfig namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  /** Records of the large-batch test (default {@value #DEFAULT_LARGE_BATCH}, minimum 400). */
  public DestinationAcceptanceConfig largeBatchSize(int records) {
    if (records < DEFAULT_LARGE_BATCH) {
      throw new IllegalArgumentException("the large batch has at least " + DEFAULT_LARGE_BATCH + " records");
    }
    this.largeBatchSize = records;
    return this;
  }

  /** Applied to every row the reader returns before comparing (e.g. to parse a JSON column). */
  public DestinationAcceptanceConfig normalizer(UnaryOperator<JsonNode> normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    return this;
  }

  /** Skips a rule or a suite with a reason (reported as skipped). */
  public DestinationAcceptanceConfig bypass(String ruleOrSuite, String reason) {
    bypassed.put(Objects.requireNonNull(ruleOrSuite, "ruleOrSuite"), Objects.requireNonNull(reason, "reason"));
    return this;
  }

  String bypassReason(String rule) {
    String r = bypassed.get(rule);
    return r != null ? r : bypassed.get(Rules.suiteOf(rule));
  }
}
