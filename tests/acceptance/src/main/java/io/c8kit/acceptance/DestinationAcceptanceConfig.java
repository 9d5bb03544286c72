package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.runtime.DestinationConnector;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What {@link DestinationAcceptanceTest} needs to know about a destination: how to run it, a good
 * and a bad config, and a {@link DestinationReader} that reads back what was written.
 *
 * <pre>{@code
 * DestinationAcceptanceConfig.forConnector(new SqliteConnector())
 *     .goodConfig("{\"path\": \"" + dbFile + "\"}")
 *     .badConfig("{\"path\": \"/nonexistent/dir/db.sqlite\"}")
 *     .reader((config, stream, namespace) -> querySqlite(config, stream));
 * }</pre>
 */
public final class DestinationAcceptanceConfig
    extends AcceptanceConfig<DestinationAcceptanceConfig> {
  /** Default number of records of the large-batch test. */
  public static final int DEFAULT_LARGE_BATCH = 400;

  DestinationReader reader;
  String namespace;
  int largeBatchSize = DEFAULT_LARGE_BATCH;
  UnaryOperator<JsonNode> normalizer = UnaryOperator.identity();

  private DestinationAcceptanceConfig() {}

  /** Runs the destination instance in this JVM (the default target). */
  public static DestinationAcceptanceConfig forConnector(DestinationConnector<?> connector) {
    return new DestinationAcceptanceConfig()
        .connector(connector)
        .primary(TargetChoice.Kind.INPROCESS);
  }

  /** Runs {@code java -jar jar}. */
  public static DestinationAcceptanceConfig forJar(Path jar) {
    return new DestinationAcceptanceConfig().jar(jar).primary(TargetChoice.Kind.JAR);
  }

  /** Runs the Docker image. */
  public static DestinationAcceptanceConfig forImage(String image) {
    return new DestinationAcceptanceConfig().image(image).primary(TargetChoice.Kind.DOCKER);
  }

  /** The destination instance for the in-process target. */
  public DestinationAcceptanceConfig connector(DestinationConnector<?> connector) {
    return connectorInstance(connector);
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
      throw new IllegalArgumentException(
          "the large batch has at least " + DEFAULT_LARGE_BATCH + " records");
    }
    this.largeBatchSize = records;
    return this;
  }

  /** Applied to every row the reader returns before comparing (e.g. to parse a JSON column). */
  public DestinationAcceptanceConfig normalizer(UnaryOperator<JsonNode> normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    return this;
  }
}
