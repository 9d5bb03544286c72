package io.c8kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A sink record's value as the {@code data} object a SyncWriter takes: a Map (JsonConverter without
 * schemas), a Struct, or JSON text (StringConverter) or bytes (ByteArrayConverter) holding an
 * object.
 */
final class SinkValues {
  private SinkValues() {}

  /**
   * @throws DataException saying what the value is, never quoting it
   */
  static ObjectNode data(Object value) {
    if (value == null) {
      throw new DataException(
          "the value is null (a tombstone); c8kit sinks store objects and do not delete");
    }
    JsonNode node;
    if (value instanceof String text) {
      node = parse(text.getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof byte[] bytes) {
      node = parse(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      node = parse(bytes);
    } else {
      node = Protocol.mapper().valueToTree(plain(value));
    }
    if (!(node instanceof ObjectNode object)) {
      throw new DataException(
          "the value is a JSON "
              + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + ", not an object");
    }
    return object;
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode n = Protocol.mapper().readTree(bytes);
      if (n == null) {
        throw new DataException("the value is empty, not a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DataException(
          "the value is not valid JSON (at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new DataException("the value cannot be read as JSON");
    }
  }

  /** Structs to maps, recursively; other values as they are. */
  private static Object plain(Object value) {
    if (value instanceof Struct s) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Field f : s.schema().fields()) {
        map.put(f.name(), plain(s.get(f)));
      }
      return map;
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> map = new LinkedHashMap<>();
      m.forEach((k, v) -> map.put(k, plain(v)));
      return map;
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(SinkValues::plain).toList();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(SinkValues::plain).toList();
    }
    return value;
  }
}
