package io.c8kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.c8kit.protocol.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The {@code streams} selection and the task's share of streams, by label ({@code namespace.name}
 * or {@code name}).
 */
final class Streams {
  private Streams() {}

  /**
   * The streams named in {@code wanted} (all when empty), in catalog order.
   *
   * @throws ConnectException naming a stream the source does not have
   */
  static List<EngineRead.StreamInfo> select(List<EngineRead.StreamInfo> all, List<String> wanted) {
    if (wanted == null || wanted.isEmpty()) {
      return all;
    }
    Set<String> missing = new LinkedHashSet<>(wanted);
    List<EngineRead.StreamInfo> out = new ArrayList<>();
    for (EngineRead.StreamInfo s : all) {
      if (wanted.contains(s.label()) || wanted.contains(s.name())) {
        out.add(s);
        missing.remove(s.label());
        missing.remove(s.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new ConnectException(
          "streams: the source has no stream "
              + String.join(", ", missing)
              + " (it has "
              + String.join(", ", all.stream().map(EngineRead.StreamInfo::label).toList())
              + ")");
    }
    return out;
  }

  static String encode(List<String> labels) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    labels.forEach(array::add);
    return array.toString();
  }

  static List<String> decode(String json) {
    if (json == null) {
      throw new ConnectException(
          "The task has no "
              + SourceSettings.TASK_STREAMS
              + "; task configs come from the connector, not from the user");
    }
    try {
      List<String> out = new ArrayList<>();
      for (JsonNode n : Protocol.mapper().readTree(json)) {
        out.add(n.asText());
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new ConnectException(
          "The task's " + SourceSettings.TASK_STREAMS + " is not a JSON array", e);
    }
  }
}
