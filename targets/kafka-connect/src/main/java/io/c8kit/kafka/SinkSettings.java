package io.c8kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The settings a c8kit destination has only on Kafka Connect: how topics become streams, their sync
 * mode and key, and the batch size. Per-topic overrides are {@code <setting>.<topic>} properties.
 * Documented in docs/KAFKA-CONNECT.md.
 */
final class SinkSettings {
  static final String GROUP = "Kafka Connect";
  static final String TOPIC_PREFIX = "topic.prefix";
  static final String SYNC_MODE = "sync.mode";
  static final String PRIMARY_KEY = "primary.key";
  static final String JSON_SCHEMA = "json.schema";
  static final String BATCH_RECORDS = "batch.records";

  static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              TOPIC_PREFIX,
              ConfigDef.Type.STRING,
              "",
              ConfigDef.Importance.MEDIUM,
              "A topic's stream (table) name is the topic name without this prefix.",
              GROUP,
              1,
              ConfigDef.Width.MEDIUM,
              "Topic prefix")
          .define(
              SYNC_MODE,
              ConfigDef.Type.STRING,
              "append",
              ConfigDef.ValidString.in("append", "append_dedup"),
              ConfigDef.Importance.HIGH,
              "append keeps every record; append_dedup keeps the latest record per primary key (applied"
                  + " after each commit). Override per topic with sync.mode.<topic>.",
              GROUP,
              2,
              ConfigDef.Width.SHORT,
              "Sync mode")
          .define(
              PRIMARY_KEY,
              ConfigDef.Type.LIST,
              List.of(),
              ConfigDef.Importance.MEDIUM,
              "Fields of the record value forming the primary key (dotted paths for nested fields);"
                  + " required for append_dedup. Override per topic with primary.key.<topic>.",
              GROUP,
              3,
              ConfigDef.Width.MEDIUM,
              "Primary key")
          .define(
              JSON_SCHEMA,
              ConfigDef.Type.STRING,
              "",
              ConfigDef.Importance.LOW,
              "JSON schema of the record values, for typed columns; empty stores each value as one JSON"
                  + " column. Override per topic with json.schema.<topic>.",
              GROUP,
              4,
              ConfigDef.Width.LONG,
              "JSON schema")
          .define(
              BATCH_RECORDS,
              ConfigDef.Type.INT,
              10_000,
              ConfigDef.Range.atLeast(1),
              ConfigDef.Importance.LOW,
              "A topic's buffered records are written once there are this many, and at every offset commit.",
              GROUP,
              5,
              ConfigDef.Width.SHORT,
              "Batch records");

  final int batchRecords;
  private final Map<String, String> props;
  private final AbstractConfig parsed;

  SinkSettings(Map<String, String> props) {
    this.props = props;
    this.parsed = new AbstractConfig(DEFINITION, props, false);
    this.batchRecords = parsed.getInt(BATCH_RECORDS);
  }

  /**
   * The topics to read; {@code topics.regex} cannot be used, since every stream must be known when
   * the writer opens.
   */
  List<String> topics() {
    String topics = props.get("topics");
    if (topics == null || topics.isBlank()) {
      throw new ConnectException(
          "Set \"topics\" (a comma-separated list): c8kit sinks open every"
              + " stream's table at start, so \"topics.regex\" is not supported");
    }
    List<String> out = new ArrayList<>();
    for (String t : topics.split(",")) {
      if (!t.isBlank()) {
        out.add(t.trim());
      }
    }
    return out;
  }

  private String setting(String name, String topic) {
    String specific = props.get(name + "." + topic);
    return specific != null ? specific : props.get(name);
  }

  /** The stream a topic is written to. */
  DestinationStream stream(String topic) {
    String prefix = parsed.getString(TOPIC_PREFIX);
    String name =
        !prefix.isEmpty() && topic.startsWith(prefix) && topic.length() > prefix.length()
            ? topic.substring(prefix.length())
            : topic;
    String mode = setting(SYNC_MODE, topic);
    DestinationSyncMode syncMode =
        switch (mode == null ? "append" : mode.trim().toLowerCase(Locale.ROOT)) {
          case "append" -> DestinationSyncMode.APPEND;
          case "append_dedup" -> DestinationSyncMode.APPEND_DEDUP;
          default ->
              throw new ConnectException(
                  SYNC_MODE
                      + "."
                      + topic
                      + ": \""
                      + mode
                      + "\" is not a sync mode; use append or append_dedup");
        };
    List<List<String>> key = new ArrayList<>();
    String keyText = setting(PRIMARY_KEY, topic);
    if (keyText != null) {
      for (String k : keyText.split(",")) {
        if (!k.isBlank()) {
          key.add(List.of(k.trim().split("\\.")));
        }
      }
    }
    if (syncMode == DestinationSyncMode.APPEND_DEDUP && key.isEmpty()) {
      throw new ConnectException(
          "Topic "
              + topic
              + " is append_dedup but has no primary key: set "
              + PRIMARY_KEY
              + " or "
              + PRIMARY_KEY
              + "."
              + topic);
    }
    String schemaText = setting(JSON_SCHEMA, topic);
    ObjectNode schema;
    if (schemaText == null || schemaText.isBlank()) {
      schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    } else {
      try {
        JsonNode parsedSchema = Protocol.mapper().readTree(schemaText);
        if (!(parsedSchema instanceof ObjectNode o)) {
          throw new ConnectException(JSON_SCHEMA + " of topic " + topic + " is not a JSON object");
        }
        schema = o;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new ConnectException(JSON_SCHEMA + " of topic " + topic + " is not valid JSON");
      }
    }
    return new DestinationStream(
        name, null, schema, SyncMode.INCREMENTAL, syncMode, key, List.of(), 0, 0, 0);
  }
}
