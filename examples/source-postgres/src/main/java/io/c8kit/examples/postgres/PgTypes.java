package io.c8kit.examples.postgres;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The PostgreSQL → JSON type mapping: the JSON schema of a column and the exact JSON value of a
 * cell. Numbers keep their precision (numeric as BigDecimal), temporals are RFC 3339 / ISO 8601,
 * json/jsonb are parsed, arrays become JSON arrays and bytea becomes base64.
 */
final class PgTypes {
  private PgTypes() {}

  /** Node factory; decimals are built as {@link DecimalNode}s directly so their scale is kept. */
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Parses json/jsonb text keeping every number exact: {@code 1.50} stays {@code 1.50}, not 1.5.
   */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  /** How a column is read and what JSON type it has. */
  enum Kind {
    INT,
    LONG,
    NUMERIC,
    FLOAT4,
    FLOAT8,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ,
    TIME,
    TIMETZ,
    JSON,
    BYTEA,
    ARRAY,
    STRING;

    /** True for kinds a cursor (or page key) can use: their SQL order equals the JSON order. */
    boolean orderable() {
      return switch (this) {
        case INT, LONG, NUMERIC, FLOAT4, FLOAT8, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, STRING -> true;
        default -> false;
      };
    }
  }

  private static final Map<String, Kind> BY_TYPE_NAME =
      Map.ofEntries(
          Map.entry("int2", Kind.INT),
          Map.entry("int4", Kind.INT),
          Map.entry("int8", Kind.LONG),
          Map.entry("oid", Kind.LONG),
          Map.entry("numeric", Kind.NUMERIC),
          Map.entry("float4", Kind.FLOAT4),
          Map.entry("float8", Kind.FLOAT8),
          Map.entry("bool", Kind.BOOLEAN),
          Map.entry("date", Kind.DATE),
          Map.entry("timestamp", Kind.TIMESTAMP),
          Map.entry("timestamptz", Kind.TIMESTAMPTZ),
          Map.entry("time", Kind.TIME),
          Map.entry("timetz", Kind.TIMETZ),
          Map.entry("json", Kind.JSON),
          Map.entry("jsonb", Kind.JSON),
          Map.entry("bytea", Kind.BYTEA));

  /**
   * Text-like types whose values compare in the "C" collation exactly as Java compares the strings
   * (code point order), so they can be cursors and page keys.
   */
  private static final java.util.Set<String> TEXT_ORDERED =
      java.util.Set.of("text", "varchar", "bpchar", "name", "uuid");

  /**
   * The kind of a (domain-resolved) type: by name for built-ins, {@code ARRAY} for array types
   * ({@code typcategory 'A'}), {@code STRING} for everything else (varchar, uuid, enums, inet,
   * interval, money, xml, …: their text form).
   */
  static Kind kindOf(String typeName, String category) {
    if ("A".equals(category)) {
      return Kind.ARRAY;
    }
    return BY_TYPE_NAME.getOrDefault(typeName, Kind.STRING);
  }

  /** True when a column of this type can be a cursor or a page key. */
  static boolean orderable(PgColumn c) {
    if (c.kind() == Kind.STRING) {
      return TEXT_ORDERED.contains(c.typeName());
    }
    return c.kind().orderable();
  }

  /** {@code COLLATE "C"} for text-like columns so SQL order equals the runtime's string order. */
  static String collation(PgColumn c) {
    return c.kind() == Kind.STRING && !"uuid".equals(c.typeName()) ? " COLLATE \"C\"" : "";
  }

  // ---------------------------------------------------------------------------- JSON schemas

  /** The JSON schema of a column: its type, nullable unless NOT NULL. */
  static ObjectNode schema(PgColumn c) {
    if (c.kind() == Kind.ARRAY) {
      ObjectNode s = typed("array", !c.notNull());
      ObjectNode items = elementSchema(c.elementKind());
      for (int d = 1; d < c.dimensions(); d++) {
        ObjectNode outer = typed("array", true);
        outer.set("items", items);
        items = outer;
      }
      s.set("items", items);
      return s;
    }
    return scalarSchema(c.kind(), !c.notNull());
  }

  /** Array elements are always nullable: PostgreSQL does not constrain them. */
  private static ObjectNode elementSchema(Kind kind) {
    return scalarSchema(kind == null ? Kind.STRING : kind, true);
  }

  private static ObjectNode scalarSchema(Kind kind, boolean nullable) {
    switch (kind) {
      case INT:
      case LONG:
        return typed("integer", nullable);
      case NUMERIC:
      case FLOAT4:
      case FLOAT8:
        return typed("number", nullable);
      case BOOLEAN:
        return typed("boolean", nullable);
      case DATE:
        return typed("string", nullable).put("format", "date");
      case TIMESTAMP:
        return typed("string", nullable)
            .put("format", "date-time")
            .put("airbyte_type", "timestamp_without_timezone");
      case TIMESTAMPTZ:
        return typed("string", nullable)
            .put("format", "date-time")
            .put("airbyte_type", "timestamp_with_timezone");
      case TIME:
        return typed("string", nullable)
            .put("format", "time")
            .put("airbyte_type", "time_without_timezone");
      case TIMETZ:
        return typed("string", nullable)
            .put("format", "time")
            .put("airbyte_type", "time_with_timezone");
      case JSON:
        // json/jsonb may hold an object, an array or a scalar: no type restriction (the empty
        // schema, valid draft-07, accepts any JSON value including null).
        return NODES.objectNode();
      case BYTEA:
        return typed("string", nullable).put("contentEncoding", "base64");
      case STRING:
      case ARRAY:
      default:
        return typed("string", nullable);
    }
  }

  private static ObjectNode typed(String type, boolean nullable) {
    ObjectNode s = NODES.objectNode();
    if (nullable) {
      s.putArray("type").add(type).add("null");
    } else {
      s.put("type", type);
    }
    return s;
  }

  // ---------------------------------------------------------------------------- values

  /** Reads one cell of a result set as JSON. */
  @FunctionalInterface
  interface CellReader {
    JsonNode read(ResultSet rs, int index) throws SQLException;
  }

  /**
   * The SQL expression selecting a column: the quoted name, or {@code to_json(…)} for arrays (their
   * JSON text form keeps numbers exact, nests multi-dimensional arrays and formats temporals in ISO
   * 8601, whatever the element type).
   */
  static String selectExpression(PgColumn c) {
    return c.kind() == Kind.ARRAY ? "to_json(" + c.quoted() + ")::text" : c.quoted();
  }

  /** The reader for a column's cells. */
  static CellReader reader(PgColumn c) {
    switch (c.kind()) {
      case INT:
        return (rs, i) -> {
          int v = rs.getInt(i);
          return rs.wasNull() ? NullNode.instance : NODES.numberNode(v);
        };
      case LONG:
        return (rs, i) -> {
          long v = rs.getLong(i);
          return rs.wasNull() ? NullNode.instance : NODES.numberNode(v);
        };
      case NUMERIC:
        return (rs, i) -> numeric(rs.getString(i));
      case FLOAT4:
        return (rs, i) -> {
          float v = rs.getFloat(i);
          if (rs.wasNull() || Float.isNaN(v) || Float.isInfinite(v)) {
            return NullNode.instance;
          }
          // Float.toString is the shortest text that round-trips the float: 1.1f → 1.1.
          return DecimalNode.valueOf(new BigDecimal(Float.toString(v)));
        };
      case FLOAT8:
        return (rs, i) -> {
          double v = rs.getDouble(i);
          if (rs.wasNull() || Double.isNaN(v) || Double.isInfinite(v)) {
            return NullNode.instance;
          }
          return NODES.numberNode(v);
        };
      case BOOLEAN:
        return (rs, i) -> {
          boolean v = rs.getBoolean(i);
          return rs.wasNull() ? NullNode.instance : NODES.booleanNode(v);
        };
      case DATE:
        return (rs, i) -> {
          LocalDate d = rs.getObject(i, LocalDate.class);
          return d == null || d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)
              ? NullNode.instance
              : NODES.textNode(d.format(DateTimeFormatter.ISO_LOCAL_DATE));
        };
      case TIMESTAMP:
        return (rs, i) -> {
          LocalDateTime t = rs.getObject(i, LocalDateTime.class);
          return t == null || t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)
              ? NullNode.instance
              : NODES.textNode(t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        };
      case TIMESTAMPTZ:
        return (rs, i) -> {
          OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
          return t == null || t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)
              ? NullNode.instance
              : NODES.textNode(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        };
      case TIME:
        return (rs, i) -> {
          LocalTime t = rs.getObject(i, LocalTime.class);
          return t == null
              ? NullNode.instance
              : NODES.textNode(t.format(DateTimeFormatter.ISO_LOCAL_TIME));
        };
      case TIMETZ:
        return (rs, i) -> {
          OffsetTime t = rs.getObject(i, OffsetTime.class);
          return t == null
              ? NullNode.instance
              : NODES.textNode(t.format(DateTimeFormatter.ISO_OFFSET_TIME));
        };
      case JSON:
        return (rs, i) -> parseJson(rs.getString(i));
      case BYTEA:
        return (rs, i) -> {
          byte[] b = rs.getBytes(i);
          return b == null
              ? NullNode.instance
              : NODES.textNode(Base64.getEncoder().encodeToString(b));
        };
      case ARRAY:
        Kind element = c.elementKind() == null ? Kind.STRING : c.elementKind();
        return (rs, i) -> {
          String json = rs.getString(i);
          if (json == null) {
            return NullNode.instance;
          }
          JsonNode array = parseJson(json);
          return array.isArray() ? normalizeArray((ArrayNode) array, element) : array;
        };
      case STRING:
      default:
        return (rs, i) -> {
          String s = rs.getString(i);
          return s == null ? NullNode.instance : NODES.textNode(s);
        };
    }
  }

  /** numeric text → exact JSON number; NaN and ±Infinity (not JSON numbers) → null. */
  static JsonNode numeric(String text) {
    if (text == null) {
      return NullNode.instance;
    }
    char first = text.isEmpty() ? ' ' : text.charAt(0);
    if (first == 'N'
        || first == 'I'
        || (first == '-' && text.length() > 1 && text.charAt(1) == 'I')) {
      return NullNode.instance;
    }
    return DecimalNode.valueOf(new BigDecimal(text));
  }

  static JsonNode parseJson(String text) {
    if (text == null) {
      return NullNode.instance;
    }
    try (JsonParser p = JSON.createParser(text)) {
      JsonNode n = JSON.readTree(p);
      return n == null ? NullNode.instance : n;
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL returned invalid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Fixes up what {@code to_json} gives for array elements so they match the element schema:
   * non-finite numbers (JSON strings "NaN", "Infinity") and infinite temporals become null, bytea
   * hex ({@code \x0102}) becomes base64, timestamptz moves to UTC. Nested arrays are walked.
   */
  static ArrayNode normalizeArray(ArrayNode array, Kind element) {
    for (int k = 0; k < array.size(); k++) {
      JsonNode v = array.get(k);
      if (v.isArray()) {
        normalizeArray((ArrayNode) v, element);
      } else if (!v.isNull()) {
        JsonNode fixed = normalizeElement(v, element);
        if (fixed != v) {
          array.set(k, fixed);
        }
      }
    }
    return array;
  }

  private static JsonNode normalizeElement(JsonNode v, Kind element) {
    switch (element) {
      case INT:
      case LONG:
      case NUMERIC:
      case FLOAT4:
      case FLOAT8:
        return v.isNumber() ? v : NullNode.instance;
      case DATE:
      case TIMESTAMP:
      case TIME:
        return isInfinity(v) ? NullNode.instance : v;
      case TIMESTAMPTZ:
        if (isInfinity(v)) {
          return NullNode.instance;
        }
        try {
          OffsetDateTime t = OffsetDateTime.parse(v.asText());
          return NODES.textNode(
              t.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                  .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (RuntimeException e) {
          return v;
        }
      case BYTEA:
        String hex = v.asText();
        if (hex.startsWith("\\x")) {
          return NODES.textNode(
              Base64.getEncoder()
                  .encodeToString(
                      HexFormat.of().parseHex(hex.substring(2).toLowerCase(Locale.ROOT))));
        }
        return v;
      default:
        return v;
    }
  }

  private static boolean isInfinity(JsonNode v) {
    String s = v.asText();
    return s.equals("infinity") || s.equals("-infinity");
  }

  /** The text to bind for a cursor or page-key value taken from a state. */
  static String bindText(JsonNode value) {
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isNumber()) {
      return value.numberValue().toString();
    }
    return value.asText();
  }
}
