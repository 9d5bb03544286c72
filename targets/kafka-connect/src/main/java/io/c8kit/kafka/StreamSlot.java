package io.c8kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One stream of a source task: its source partition {@code {"stream", "namespace"}} (namespace only
 * when it has one), its topic, its record converter and where it stands. The source offset is
 * {@code {"state": "<the c8kit stream state as JSON text>"}}: Connect offsets hold only primitives,
 * so the state object travels as text; an offset without {@code state} means "from the beginning".
 */
final class StreamSlot {
  static final String STREAM = "stream";
  static final String NAMESPACE = "namespace";
  static final String STATE = "state";

  final EngineRead.StreamInfo stream;
  final Map<String, Object> partition;
  final String topic;
  final RecordValues values;

  /** The stream's latest state (committed at start, then as read); null before the first. */
  JsonNode state;

  /** When the stream should be read next (epoch ms); {@code Long.MAX_VALUE} for never. */
  long nextRunAt;

  StreamSlot(EngineRead.StreamInfo stream, String topic, RecordValues values) {
    this.stream = stream;
    this.partition = partition(stream.name(), stream.namespace());
    this.topic = topic;
    this.values = values;
  }

  static Map<String, Object> partition(String name, String namespace) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(STREAM, name);
    if (namespace != null) {
      p.put(NAMESPACE, namespace);
    }
    return p;
  }

  /**
   * Takes the committed offset: its state, and whether a finished one-shot full refresh is done.
   *
   * @throws ConnectException when the stored offset is not one this target wrote
   */
  void resume(Map<String, Object> offset, SourceSettings settings) {
    state = stateOf(offset, stream.label());
    boolean finishedFullRefresh =
        !stream.incremental() && state != null && state.isObject() && state.isEmpty();
    nextRunAt = finishedFullRefresh && settings.fullRefreshIntervalMs < 0 ? Long.MAX_VALUE : 0;
  }

  /** The state in a stored offset, or null. */
  static JsonNode stateOf(Map<String, ?> offset, String label) {
    if (offset == null || offset.get(STATE) == null) {
      return null;
    }
    Object text = offset.get(STATE);
    try {
      JsonNode parsed = text instanceof String s ? Protocol.mapper().readTree(s) : null;
      if (parsed == null || !parsed.isObject()) {
        throw new ConnectException(
            "The stored offset of stream "
                + label
                + " has a \"state\" that is not a JSON object text; reset the connector's offsets");
      }
      return parsed;
    } catch (IOException e) {
      throw new ConnectException(
          "The stored offset of stream "
              + label
              + " has a \"state\" that is not valid JSON; reset the connector's offsets");
    }
  }

  Map<String, Object> offset() {
    Map<String, Object> o = new LinkedHashMap<>();
    if (state != null) {
      o.put(STATE, state.toString());
    }
    return o;
  }

  SourceRecord toRecord(JsonNode data, long emittedAt) {
    return new SourceRecord(
        partition,
        offset(),
        topic,
        null,
        values.keySchema(),
        values.key(data),
        values.valueSchema(),
        values.value(data),
        emittedAt);
  }

  SourceRecord withCurrentOffset(SourceRecord r) {
    return new SourceRecord(
        partition,
        offset(),
        r.topic(),
        r.kafkaPartition(),
        r.keySchema(),
        r.key(),
        r.valueSchema(),
        r.value(),
        r.timestamp());
  }
}
