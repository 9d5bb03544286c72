package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.RecordSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records of discovered streams, which are {@code ObjectNode}s or {@code Map<String, ?>}s: how they
 * are serialized and how a cursor (or page key) value is taken out of them by field path and turned
 * into the cursor type's Java value.
 */
final class DynamicRecords {
  private DynamicRecords() {}

  /** Serializes an ObjectNode or a Map as the RECORD's {@code data}. */
  static final RecordSerializer<Object> SERIALIZER =
      (record, g) -> {
        if (record instanceof JsonNode node && node.isObject()) {
          g.writeTree(node);
        } else if (record instanceof Map<?, ?>) {
          JsonValues.writeAny(g, record);
        } else {
          throw notARecord(record);
        }
      };

  /**
   * Whether a value is a record a {@code @Read} method may emit. Checked before anything is
   * written, so that a bad value fails the stream without leaving half a line on stdout.
   */
  static boolean isRecord(Object record) {
    return record instanceof ObjectNode || record instanceof Map<?, ?>;
  }

  static IllegalArgumentException notARecord(Object record) {
    String what =
        record == null
            ? "null"
            : record instanceof JsonNode n
                ? "a JSON " + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                : record.getClass().getName();
    return new IllegalArgumentException(
        "a @Read method must produce ObjectNode or Map<String, ?> records, got " + what);
  }

  /**
   * Extracts the value at {@code path} from an ObjectNode or Map record, as a value of {@code
   * type}.
   */
  static Function<Object, Object> extractor(List<String> path, CursorType<?> type) {
    String[] parts = path.toArray(new String[0]);
    if (parts.length == 1) {
      String field = parts[0];
      return record -> {
        Object raw;
        if (record instanceof JsonNode node) {
          raw = node.get(field);
        } else if (record instanceof Map<?, ?> map) {
          raw = map.get(field);
        } else {
          return null; // the serializer reports the bad record type
        }
        return convert(raw, type, path);
      };
    }
    return record -> convert(walk(record, parts), type, path);
  }

  private static Object walk(Object record, String[] parts) {
    Object current = record;
    for (String part : parts) {
      if (current instanceof JsonNode node) {
        current = node.get(part);
      } else if (current instanceof Map<?, ?> map) {
        current = map.get(part);
      } else {
        return null;
      }
    }
    return current;
  }

  /**
   * Converts a raw field value (a JsonNode, or any Java value of a Map record) to the Java type of
   * {@code type}; null for a missing or null value.
   *
   * @throws IllegalArgumentException when the value cannot be read as that type
   */
  static Object convert(Object raw, CursorType<?> type, List<String> path) {
    if (raw == null) {
      return null;
    }
    try {
      if (raw instanceof JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : type.fromRecordValue(node);
      }
      Object v = convertObject(raw, type);
      if (v != null) {
        return v;
      }
      JsonNode asJson =
          raw instanceof Number n
              ? numberNode(n)
              : JsonNodeFactory.instance.textNode(raw.toString());
      return type.fromRecordValue(asJson);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the value "
              + raw
              + " of field "
              + String.join(".", path)
              + " is not a valid "
              + type
              + " cursor: "
              + e.getMessage(),
          e);
    }
  }

  private static JsonNode numberNode(Number n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (n instanceof BigDecimal d) {
      return f.numberNode(d);
    }
    if (n instanceof BigInteger i) {
      return f.numberNode(i);
    }
    if (n instanceof Double || n instanceof Float) {
      return f.numberNode(n.doubleValue());
    }
    return f.numberNode(n.longValue());
  }

  /**
   * Direct conversions between Java types; null when none applies (then the JSON route is used).
   */
  private static Object convertObject(Object v, CursorType<?> type) {
    if (type == CursorType.LONG) {
      if (v instanceof Long) {
        return v;
      }
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof BigInteger i) {
        return i.longValueExact();
      }
      if (v instanceof BigDecimal d) {
        return d.longValueExact();
      }
      return null;
    }
    if (type == CursorType.INTEGER) {
      if (v instanceof Integer) {
        return v;
      }
      if (v instanceof Long || v instanceof Short || v instanceof Byte) {
        return Math.toIntExact(((Number) v).longValue());
      }
      return null;
    }
    if (type == CursorType.BIG_DECIMAL) {
      if (v instanceof BigDecimal) {
        return v;
      }
      if (v instanceof BigInteger i) {
        return new BigDecimal(i);
      }
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return BigDecimal.valueOf(((Number) v).longValue());
      }
      if (v instanceof Double || v instanceof Float) {
        return BigDecimal.valueOf(((Number) v).doubleValue());
      }
      return null;
    }
    if (type == CursorType.DOUBLE) {
      return v instanceof Number n ? (Object) n.doubleValue() : null;
    }
    if (type == CursorType.STRING) {
      return v instanceof String ? v : null;
    }
    if (type == CursorType.INSTANT) {
      return toInstant(v);
    }
    if (type == CursorType.OFFSET_DATE_TIME) {
      if (v instanceof OffsetDateTime) {
        return v;
      }
      if (v instanceof ZonedDateTime z) {
        return z.toOffsetDateTime();
      }
      Instant i = toInstant(v);
      return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
    if (type == CursorType.LOCAL_DATE_TIME) {
      if (v instanceof LocalDateTime) {
        return v;
      }
      if (v instanceof java.sql.Timestamp t) {
        return t.toLocalDateTime();
      }
      if (v instanceof LocalDate d) {
        return d.atStartOfDay();
      }
      Instant i = toInstant(v);
      return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    if (type == CursorType.LOCAL_DATE) {
      if (v instanceof LocalDate) {
        return v;
      }
      if (v instanceof java.sql.Date d) {
        return d.toLocalDate();
      }
      if (v instanceof LocalDateTime t) {
        return t.toLocalDate();
      }
      Instant i = toInstant(v);
      return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
    }
    return null;
  }

  private static Instant toInstant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (v instanceof ZonedDateTime t) {
      return t.toInstant();
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (v instanceof java.sql.Date d) { // its toInstant() throws
      return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (v instanceof java.util.Date d) { // also java.sql.Timestamp, with its nanos
      return d.toInstant();
    }
    return null;
  }
}
