package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.target.ConnectorTarget;
import io.c8kit.runtime.SourceConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SourceAcceptanceTest} needs to know about a source: how to run it (in-process, jar or
 * Docker image), a good and a bad config, and optional inputs (expected records, empty streams, a
 * future state, previous spec/catalog for backward compatibility, bypassed rules).
 *
 * <pre>{@code
 * SourceAcceptanceConfig.forConnector(new FakerConnector())
 *     .jar(Path.of("target/source-faker.jar"))          // optional alternates, chosen with
 *     .image("c8kit/source-faker:dev")                   // -Dc8kit.acceptance.target=jar|docker
 *     .goodConfig("{\"count\": 10}")
 *     .badConfig("{\"count\": \"foo\"}")
 *     .expectedRecords(Path.of("src/test/resources/expected_records.jsonl"))
 *     .emptyStreams("archived_users");
 * }</pre>
 *
 * JSON can be given as text ({@code String}) or as a file ({@link Path}).
 */
public final class SourceAcceptanceConfig {
  final TargetChoice target = new TargetChoice();
  String goodConfig;
  String badConfig;
  String exceptionConfig;
  String expectedRecords;
  boolean exactOrder;
  final Set<String> emptyStreams = new LinkedHashSet<>();
  String futureState;
  String previousSpec;
  String previousCatalog;
  String expectedSpec;
  String configuredCatalog;
  final Map<String, String> bypassed = new LinkedHashMap<>();

  private SourceAcceptanceConfig() {}

  /** Runs the connector instance in this JVM (the default target). */
  public static SourceAcceptanceConfig forConnector(SourceConnector<?> connector) {
    return new SourceAcceptanceConfig().connector(connector).primary(TargetChoice.Kind.INPROCESS);
  }

  /** Runs {@code java -jar jar}. */
  public static SourceAcceptanceConfig forJar(Path jar) {
    return new SourceAcceptanceConfig().jar(jar).primary(TargetChoice.Kind.JAR);
  }

  /** Runs the Docker image. */
  public static SourceAcceptanceConfig forImage(String image) {
    return new SourceAcceptanceConfig().image(image).primary(TargetChoice.Kind.DOCKER);
  }

  private SourceAcceptanceConfig primary(TargetChoice.Kind kind) {
    target.primary = kind;
    return this;
  }

  /** The connector instance for the in-process target. */
  public SourceAcceptanceConfig connector(SourceConnector<?> connector) {
    target.connector = Objects.requireNonNull(connector, "connector");
    return this;
  }

  /** The runnable jar for the jar target. */
  public SourceAcceptanceConfig jar(Path jar) {
    target.jar = Objects.requireNonNull(jar, "jar");
    return this;
  }

  /** The image for the Docker target. */
  public SourceAcceptanceConfig image(String image) {
    target.image = Objects.requireNonNull(image, "image");
    return this;
  }

  /**
   * The {@code docker run --network} of the Docker target (default {@code none}); e.g. {@code host} when
   * the connector must reach a server. Overridden by {@code -Dc8kit.acceptance.docker.network}.
   */
  public SourceAcceptanceConfig dockerNetwork(String network) {
    target.network = Objects.requireNonNull(network, "network");
    return this;
  }

  /** JVM options for the jar target. */
  public SourceAcceptanceConfig jvmArgs(String... args) {
    target.jvmArgs.addAll(List.of(args));
    return this;
  }

  /** Time limit of each connector run (default {@link ConnectorTarget#DEFAULT_TIMEOUT}). */
  public SourceAcceptanceConfig timeout(Duration timeout) {
    target.timeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** A config the connector accepts: check succeeds, discover and read work with it. */
  public SourceAcceptanceConfig goodConfig(String json) {
    goodConfig = Objects.requireNonNull(json, "json");
    return this;
  }

  public SourceAcceptanceConfig goodConfig(Path file) {
    return goodConfig(Json.read(file));
  }

  public SourceAcceptanceConfig goodConfig(JsonNode config) {
    return goodConfig(Json.write(config));
  }

  /** A config for which check must report FAILED (and exit 0). */
  public SourceAcceptanceConfig badConfig(String json) {
    badConfig = Objects.requireNonNull(json, "json");
    return this;
  }

  public SourceAcceptanceConfig badConfig(Path file) {
    return badConfig(Json.read(file));
  }

  public SourceAcceptanceConfig badConfig(JsonNode config) {
    return badConfig(Json.write(config));
  }

  /** Optional: a config with which check crashes; it must emit exactly one TRACE (an ERROR with a message). */
  public SourceAcceptanceConfig exceptionConfig(String json) {
    exceptionConfig = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Optional: CAT's expected_records.jsonl, compared in any order. */
  public SourceAcceptanceConfig expectedRecords(Path jsonl) {
    return expectedRecords(jsonl, false);
  }

  /** Optional: CAT's expected_records.jsonl; {@code exactOrder}: the keys must be the first records, in order. */
  public SourceAcceptanceConfig expectedRecords(Path jsonl, boolean exactOrder) {
    return expectedRecordsJsonl(Json.read(jsonl), exactOrder);
  }

  /** Optional: expected records as JSON-lines text. */
  public SourceAcceptanceConfig expectedRecordsJsonl(String jsonl, boolean exactOrder) {
    this.expectedRecords = Objects.requireNonNull(jsonl, "jsonl");
    this.exactOrder = exactOrder;
    return this;
  }

  /** Streams that may legitimately return no records; left out of the basic read. */
  public SourceAcceptanceConfig emptyStreams(String... names) {
    emptyStreams.addAll(List.of(names));
    return this;
  }

  /**
   * Optional: the {@code --state} for the far-future test (default: generated by
   * {@link io.c8kit.acceptance.checks.FutureState#forCatalog} from the discovered catalog).
   */
  public SourceAcceptanceConfig futureState(Path file) {
    return futureState(Json.read(file));
  }

  public SourceAcceptanceConfig futureState(String json) {
    futureState = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Optional: the previous version's SPEC (payload or message) for {@code spec.backward_compatibility}. */
  public SourceAcceptanceConfig previousSpec(Path file) {
    return previousSpec(Json.read(file));
  }

  public SourceAcceptanceConfig previousSpec(String json) {
    previousSpec = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Optional: the previous version's CATALOG for {@code discovery.backward_compatibility}. */
  public SourceAcceptanceConfig previousCatalog(Path file) {
    return previousCatalog(Json.read(file));
  }

  public SourceAcceptanceConfig previousCatalog(String json) {
    previousCatalog = Objects.requireNonNull(json, "json");
    return this;
  }

  /** Optional: the exact SPEC the connector must print ({@code spec.match_expected}). */
  public SourceAcceptanceConfig expectedSpec(Path file) {
    return expectedSpec(Json.read(file));
  }

  public SourceAcceptanceConfig expectedSpec(String json) {
    expectedSpec = Objects.requireNonNull(json, "json");
    return this;
  }

  /**
   * Optional: the configured catalog the full-refresh and incremental suites start from (default:
   * the discovered catalog). The basic read always uses the discovered catalog, as in CAT.
   */
  public SourceAcceptanceConfig configuredCatalog(Path file) {
    return configuredCatalog(Json.read(file));
  }

  public SourceAcceptanceConfig configuredCatalog(String json) {
    configuredCatalog = Objects.requireNonNull(json, "json");
    return this;
  }

  /**
   * Skips a rule ({@code "incremental.read_sequential_slices"}) or a whole suite ({@code "incremental"})
   * with a reason, like CAT's {@code bypass_reason}; the test is reported as skipped with the reason.
   */
  public SourceAcceptanceConfig bypass(String ruleOrSuite, String reason) {
    bypassed.put(Objects.requireNonNull(ruleOrSuite, "ruleOrSuite"), Objects.requireNonNull(reason, "reason"));
    return this;
  }

  /** The bypass reason for a rule (or its suite), or null. */
  String bypassReason(String rule) {
    String r = bypassed.get(rule);
    return r != null ? r : bypassed.get(Rules.suiteOf(rule));
  }
}
