package io.c8kit.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The settings a c8kit source has only on Kafka Connect: where each stream's records go, how values
 * are encoded and when streams run again. Documented in docs/KAFKA-CONNECT.md.
 */
final class SourceSettings {
  static final String GROUP = "Kafka Connect";
  static final String TOPIC_PREFIX = "topic.prefix";
  static final String TOPIC_NAMESPACE = "topic.namespace";
  static final String STREAMS = "streams";
  static final String VALUE_FORMAT = "value.format";
  static final String POLL_INTERVAL = "poll.interval.ms";
  static final String FULL_REFRESH_INTERVAL = "full.refresh.interval.ms";

  /** Set by the connector in each task's config: the task's streams as JSON. */
  static final String TASK_STREAMS = "c8kit.task.streams";

  /** Values as a Map (for JsonConverter with schemas.enable=false) or as a Struct with a Schema. */
  enum ValueFormat {
    JSON,
    STRUCT
  }

  static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              TOPIC_PREFIX,
              ConfigDef.Type.STRING,
              "",
              ConfigDef.Importance.HIGH,
              "Prefix of every topic: a stream's records go to the topic <topic.prefix><stream name>.",
              GROUP,
              1,
              ConfigDef.Width.MEDIUM,
              "Topic prefix")
          .define(
              TOPIC_NAMESPACE,
              ConfigDef.Type.BOOLEAN,
              false,
              ConfigDef.Importance.LOW,
              "Put the stream's namespace into the topic name too: <topic.prefix><namespace>.<stream name>"
                  + " (streams without a namespace are unaffected).",
              GROUP,
              2,
              ConfigDef.Width.SHORT,
              "Namespace in topic")
          .define(
              STREAMS,
              ConfigDef.Type.LIST,
              List.of(),
              ConfigDef.Importance.MEDIUM,
              "Names of the streams to read (namespace.name for namespaced streams); empty reads every stream.",
              GROUP,
              3,
              ConfigDef.Width.LONG,
              "Streams")
          .define(
              VALUE_FORMAT,
              ConfigDef.Type.STRING,
              "json",
              ConfigDef.ValidString.in("json", "struct"),
              ConfigDef.Importance.MEDIUM,
              "json: record values are maps without a Connect schema (use JsonConverter with"
                  + " value.converter.schemas.enable=false); struct: values are Structs whose Schema is"
                  + " derived from the stream's JSON schema.",
              GROUP,
              4,
              ConfigDef.Width.SHORT,
              "Value format")
          .define(
              POLL_INTERVAL,
              ConfigDef.Type.LONG,
              60_000L,
              ConfigDef.Range.atLeast(0),
              ConfigDef.Importance.MEDIUM,
              "An incremental stream is read again this many milliseconds after its previous read ended,"
                  + " from its saved cursor.",
              GROUP,
              5,
              ConfigDef.Width.SHORT,
              "Incremental poll interval")
          .define(
              FULL_REFRESH_INTERVAL,
              ConfigDef.Type.LONG,
              -1L,
              ConfigDef.Range.atLeast(-1),
              ConfigDef.Importance.MEDIUM,
              "A full-refresh stream is read again this many milliseconds after its previous read ended;"
                  + " -1 reads it once (a completed full refresh is not read again after a restart either).",
              GROUP,
              6,
              ConfigDef.Width.SHORT,
              "Full-refresh interval");

  final String topicPrefix;
  final boolean topicNamespace;
  final List<String> streams;
  final ValueFormat valueFormat;
  final long pollIntervalMs;
  final long fullRefreshIntervalMs;

  SourceSettings(Map<String, String> props) {
    AbstractConfig parsed = new AbstractConfig(DEFINITION, props, false);
    this.topicPrefix = parsed.getString(TOPIC_PREFIX);
    this.topicNamespace = parsed.getBoolean(TOPIC_NAMESPACE);
    this.streams = parsed.getList(STREAMS);
    this.valueFormat =
        ValueFormat.valueOf(parsed.getString(VALUE_FORMAT).toUpperCase(java.util.Locale.ROOT));
    this.pollIntervalMs = parsed.getLong(POLL_INTERVAL);
    this.fullRefreshIntervalMs = parsed.getLong(FULL_REFRESH_INTERVAL);
  }

  String topic(String stream, String namespace) {
    return topicPrefix + (topicNamespace && namespace != null ? namespace + "." : "") + stream;
  }
}
