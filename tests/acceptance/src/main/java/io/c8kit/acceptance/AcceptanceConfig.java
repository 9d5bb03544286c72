package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.target.ConnectorTarget;
import io.c8kit.runtime.Connector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The builder members that {@link SourceAcceptanceConfig} and {@link DestinationAcceptanceConfig}
 * share (the targets and how they run, the configs of the {@code spec} and {@code connection}
 * suites, bypasses), written once so that both configs behave alike.
 *
 * <p>JSON can be given as text ({@code String}) or as a file ({@link Path}).
 *
 * @param <C> the concrete config, which every setter returns so that a chain keeps its type
 */
abstract class AcceptanceConfig<C extends AcceptanceConfig<C>> {
  final TargetChoice target = new TargetChoice();
  String goodConfig;
  String badConfig;
  String exceptionConfig;
  String expectedSpec;
  String previousSpec;
  final Map<String, String> bypassed = new LinkedHashMap<>();

  // Only this package's final configs extend it, each as C, which makes self() safe.
  AcceptanceConfig() {}

  @SuppressWarnings("unchecked")
  private C self() {
    return (C) this;
  }

  /** Sets the target that runs unless {@code -Dc8kit.acceptance.target} chooses another. */
  final C primary(TargetChoice.Kind kind) {
    target.primary = kind;
    return self();
  }

  /**
   * Sets the in-process target's instance; the subclasses' typed {@code connector(...)} call it.
   */
  final C connectorInstance(Connector<?> connector) {
    target.connector = Objects.requireNonNull(connector, "connector");
    return self();
  }

  /** Stores a JSON text input (never null) in {@code field}; the named setters call it. */
  final C store(Consumer<String> field, String json) {
    field.accept(Objects.requireNonNull(json, "json"));
    return self();
  }

  /** The runnable jar for the jar target. */
  public C jar(Path jar) {
    target.jar = Objects.requireNonNull(jar, "jar");
    return self();
  }

  /** The image for the Docker target. */
  public C image(String image) {
    target.image = Objects.requireNonNull(image, "image");
    return self();
  }

  /**
   * The {@code docker run --network} of the Docker target (default {@code none}); e.g. {@code host}
   * when the connector must reach a server. Overridden by {@code
   * -Dc8kit.acceptance.docker.network}.
   */
  public C dockerNetwork(String network) {
    target.network = Objects.requireNonNull(network, "network");
    return self();
  }

  /** JVM options for the jar target. */
  public C jvmArgs(String... args) {
    target.jvmArgs.addAll(List.of(args));
    return self();
  }

  /** Time limit of each connector run (default {@link ConnectorTarget#DEFAULT_TIMEOUT}). */
  public C timeout(Duration timeout) {
    target.timeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /**
   * A config the connector accepts: check succeeds, and the suites discover, read or write with it.
   * For the Docker target use paths and hosts that the container sees.
   */
  public C goodConfig(String json) {
    return store(v -> goodConfig = v, json);
  }

  public C goodConfig(Path file) {
    return goodConfig(Json.read(file));
  }

  public C goodConfig(JsonNode config) {
    return goodConfig(Json.write(config));
  }

  /** A config for which check must report FAILED (and exit 0). */
  public C badConfig(String json) {
    return store(v -> badConfig = v, json);
  }

  public C badConfig(Path file) {
    return badConfig(Json.read(file));
  }

  public C badConfig(JsonNode config) {
    return badConfig(Json.write(config));
  }

  /**
   * Optional: a config with which check crashes; it must emit exactly one TRACE (an ERROR with a
   * message).
   */
  public C exceptionConfig(String json) {
    return store(v -> exceptionConfig = v, json);
  }

  /** Optional: the exact SPEC the connector must print ({@code spec.match_expected}). */
  public C expectedSpec(Path file) {
    return expectedSpec(Json.read(file));
  }

  public C expectedSpec(String json) {
    return store(v -> expectedSpec = v, json);
  }

  /**
   * Optional: the previous version's SPEC (payload or message) for {@code
   * spec.backward_compatibility}.
   */
  public C previousSpec(Path file) {
    return previousSpec(Json.read(file));
  }

  public C previousSpec(String json) {
    return store(v -> previousSpec = v, json);
  }

  /**
   * Skips a rule ({@code "incremental.read_sequential_slices"}) or a whole suite ({@code
   * "incremental"}) with a reason, like CAT's {@code bypass_reason}; the test is reported as
   * skipped with the reason.
   */
  public C bypass(String ruleOrSuite, String reason) {
    bypassed.put(
        Objects.requireNonNull(ruleOrSuite, "ruleOrSuite"),
        Objects.requireNonNull(reason, "reason"));
    return self();
  }

  /** The bypass reason for a rule (or its suite), or null. */
  String bypassReason(String rule) {
    String r = bypassed.get(rule);
    return r != null ? r : bypassed.get(Rules.suiteOf(rule));
  }
}
