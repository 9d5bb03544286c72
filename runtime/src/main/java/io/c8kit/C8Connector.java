package io.c8kit;

import java.util.List;
import java.util.Map;

/**
 * The Java mirror of Macrometa's Python {@code c8connector.C8Connector}: the eleven methods the C8
 * platform calls, plus {@code logo()}. The generated {@code <Name>C8Connector} implements it
 * (through {@code io.c8kit.c8.C8SourceAdapter}/{@code C8DestinationAdapter}); users rarely do by
 * hand.
 *
 * <p>{@code integration} maps are the flat user config keyed by {@link ConfigProperty#name()}.
 */
public interface C8Connector {
  /** Name of the connector, e.g. {@code faker}. */
  String name();

  /** Package name, {@code c8-source-<name>} or {@code c8-target-<name>}. */
  String packageName();

  /** Semantic version of the connector. */
  String version();

  /** {@code "source"}, {@code "target"} or {@code "integration"}. */
  String type();

  /** One-sentence description. */
  String description();

  /** Logo as a data URI, or {@code ""}. */
  default String logo() {
    return "";
  }

  /** Validates the config against the connector (schema, then the connection check). */
  void validate(Map<String, Object> integration) throws ValidationException;

  /** Sources: the first 10 records of each stream with their schema; targets: an empty list. */
  List<Sample> samples(Map<String, Object> integration) throws ValidationException;

  /** Sources: the schema of each stream; targets: an empty list. */
  List<Schema> schemas(Map<String, Object> integration) throws ValidationException;

  /**
   * Sources: always empty. Targets: the reserved keys of the store, a fixed primary key first, or
   * {@code ""} first when there is none.
   */
  List<String> reservedKeys();

  /** The config parameters of the connector. */
  List<ConfigProperty> config();

  /**
   * Meltano capability names, the same list the Singer {@code --about} shows (see {@code
   * ConnectorKind}).
   */
  List<String> capabilities();
}
