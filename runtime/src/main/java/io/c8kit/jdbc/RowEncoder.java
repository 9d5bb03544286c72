package io.c8kit.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.write.RawRecordBatch;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream's records into the typed values of its table's columns, so that inserting and bulk
 * loading share one encoding: the metadata columns, each data column's value cast to its {@link
 * ColumnType} (a value that does not cast is NULL with a {@code DESTINATION_TYPECAST_ERROR} change
 * in {@code _airbyte_meta}), fields outside the schema ignored.
 */
final class RowEncoder {
  private static final JsonFactory JSON = Protocol.mapper().getFactory();

  /** Keeps decimals as written, like the engine's own trees. */
  private static final ObjectReader TREES =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final RawIds rawIds;
  private final long syncId;
  private final Column[] columns;
  private final Map<String, Integer> columnIndex = new HashMap<>();

  /**
   * The field names last seen at each position of a record, and their columns (-1: none); see
   * {@link #column}.
   */
  private final String[] seenNames;

  private final int[] seenColumns;
  private final boolean[] failed;

  /** Rows can be filled from the record bytes (every data column is a top-level property). */
  private final boolean streaming;

  private final Long generationId;
  private final String emptyMeta;

  /** Timestamps go to the dialect as their stored text ({@link SqlDialect#bindsTimestampText}). */
  private final boolean timestampText;

  private final JsonColumnText jsonText = new JsonColumnText();
  // Records of a batch mostly share their emitted_at: convert it once per run of equal values.
  private long lastEmittedAt;
  private Object lastExtractedAt;

  /**
   * An encoder for {@code plan}'s columns, taking {@code _airbyte_raw_id}s from the writer's {@code
   * rawIds}; {@code timestampText}: the dialect's {@link SqlDialect#bindsTimestampText}.
   */
  RowEncoder(StreamTable plan, RawIds rawIds, boolean timestampText) {
    this.rawIds = rawIds;
    this.timestampText = timestampText;
    this.syncId = plan.stream().syncId();
    this.columns = plan.columns().toArray(new Column[0]);
    this.failed = new boolean[columns.length];
    this.seenNames = new String[columns.length + 8];
    this.seenColumns = new int[columns.length + 8];
    boolean props = true;
    for (int k = StreamTable.METADATA_COLUMNS; k < columns.length; k++) {
      if (columns[k].property() == null) {
        props = false;
      } else {
        columnIndex.put(columns[k].property(), k);
      }
    }
    this.streaming = props;
    this.generationId = plan.stream().generationId();
    this.emptyMeta = "{\"sync_id\":" + syncId + ",\"changes\":[]}";
  }

  /** Number of values in a row: one per column of the table. */
  int width() {
    return columns.length;
  }

  /** The rows of one batch, all loaded at {@code loadedAt}. */
  Rows rows(List<DestinationRecord> batch, OffsetDateTime loadedAt) {
    return new Rows(
        batch,
        streaming && batch instanceof RawRecordBatch r ? r : null,
        timestampText ? TypedValues.utcText(loadedAt) : loadedAt);
  }

  /**
   * One batch's records as rows, encoded one at a time into an array the caller may reuse. Records
   * filled in order are read by one parser over the whole batch's bytes: a parser per record cost
   * more than a tenth of the encoding.
   */
  final class Rows {
    private final List<DestinationRecord> batch;
    private final RawRecordBatch raw;
    private final Object loadedAt;

    /**
     * Reads the records' data objects one after another; null before the first fill and after the
     * last.
     */
    private JsonParser inOrder;

    /** The record {@link #inOrder} reads next, or -1 once it cannot be used. */
    private int next;

    /** Offset of record {@link #next}'s first byte in {@link #inOrder}'s input. */
    private long nextStart;

    private Rows(List<DestinationRecord> batch, RawRecordBatch raw, Object loadedAt) {
      this.batch = batch;
      this.raw = raw;
      this.loadedAt = loadedAt;
    }

    int size() {
      return batch.size();
    }

    /**
     * Fills {@code out} with the column values of record {@code i}, from its bytes when available.
     */
    Object[] fill(int i, Object[] out) throws SQLException {
      if (raw == null) {
        return fromTree(batch.get(i), loadedAt, out);
      }
      byte[] data = raw.dataBytes(i);
      if (i != next) {
        try (JsonParser p = JSON.createParser(data)) {
          return fromBytes(p, data, 0, raw.emittedAt(i), raw.meta(i), loadedAt, out);
        } catch (IOException e) {
          throw new SQLException("cannot read buffered record data", e);
        }
      }
      next = -1; // until this record is read through
      try {
        if (inOrder == null) {
          inOrder = JSON.createParser(new BatchDataInput(raw, i));
        }
        fromBytes(inOrder, data, nextStart, raw.emittedAt(i), raw.meta(i), loadedAt, out);
        if (i + 1 < raw.size()) {
          next = i + 1;
          nextStart += data.length + 1;
        } else {
          inOrder.close();
          inOrder = null;
        }
        return out;
      } catch (IOException e) {
        throw new SQLException("cannot read buffered record data", e);
      }
    }
  }

  private void metadata(long emittedAt, Object loadedAt, Object[] out) {
    out[0] = rawIds.next();
    if (emittedAt != lastEmittedAt || lastExtractedAt == null) {
      lastEmittedAt = emittedAt;
      OffsetDateTime extractedAt =
          OffsetDateTime.ofInstant(Instant.ofEpochMilli(emittedAt), ZoneOffset.UTC);
      lastExtractedAt = timestampText ? TypedValues.utcText(extractedAt) : extractedAt;
    }
    out[1] = lastExtractedAt;
    out[2] = loadedAt;
    out[4] = generationId;
  }

  /** Fills {@code out} with the column values of {@code r}, walking its data tree. */
  private Object[] fromTree(DestinationRecord r, Object loadedAt, Object[] out) {
    metadata(r.emittedAt(), loadedAt, out);
    ObjectNode data = r.data();
    ArrayNode changes = null;
    for (int k = StreamTable.METADATA_COLUMNS; k < out.length; k++) {
      Column col = columns[k];
      if (col.property() == null) {
        out[k] = data.toString(); // Column.RAW_DATA
        continue;
      }
      JsonNode node = data.get(col.property());
      Object v =
          node == null || node.isNull() ? null : stored(TypedValues.convert(node, col.type()));
      if (v == TypedValues.INVALID) {
        v = null;
        changes = typecastError(changes, col);
      }
      out[k] = v;
    }
    out[3] = meta(r.meta(), changes);
    return out;
  }

  /**
   * Fills {@code out} from the record's JSON bytes with one streaming pass: fields without a column
   * are skipped unparsed, scalars go straight to their column type. Same values and changes as the
   * tree walk.
   */
  private Object[] fromBytes(
      JsonParser p,
      byte[] data,
      long dataStart,
      long emittedAt,
      ObjectNode recordMeta,
      Object loadedAt,
      Object[] out)
      throws IOException, SQLException {
    metadata(emittedAt, loadedAt, out);
    for (int k = StreamTable.METADATA_COLUMNS; k < out.length; k++) {
      out[k] = null;
      failed[k] = false;
    }
    boolean anyFailed = false;
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new SQLException("record data is not a JSON object");
    }
    int position = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int k = column(position++, p.currentName());
      JsonToken token = p.nextToken();
      if (k < 0) {
        p.skipChildren();
        continue;
      }
      Object v = value(p, token, columns[k].type(), data, dataStart);
      failed[k] = v == TypedValues.INVALID;
      anyFailed |= failed[k];
      out[k] = failed[k] ? null : v;
    }
    ArrayNode changes = null;
    if (anyFailed) {
      for (int k = StreamTable.METADATA_COLUMNS; k < out.length; k++) {
        if (failed[k]) {
          changes = typecastError(changes, columns[k]);
        }
      }
    }
    out[3] = meta(recordMeta, changes);
    return out;
  }

  /**
   * The column of the record's {@code position}-th field {@code name}, or -1. Records of a stream
   * mostly list their fields in one order, and the parser gives a field's name as the same instance
   * every time: a name seen at its position before skips the map.
   */
  private int column(int position, String name) {
    if (position < seenNames.length) {
      if (seenNames[position] == name) {
        return seenColumns[position];
      }
      Integer index = columnIndex.get(name);
      seenNames[position] = name;
      seenColumns[position] = index == null ? -1 : index;
      return seenColumns[position];
    }
    Integer index = columnIndex.get(name);
    return index == null ? -1 : index;
  }

  /**
   * The typed value of the current token, as {@link TypedValues#convert} would give for its tree
   * (then {@link #stored}); {@code data} holds the bytes the parser reads.
   */
  private Object value(JsonParser p, JsonToken token, ColumnType type, byte[] data, long dataStart)
      throws IOException {
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return switch (type) {
          case STRING -> p.getText();
          case INTEGER, NUMBER, BOOLEAN, JSON ->
              TypedValues.convert(TextNode.valueOf(p.getText()), type);
          default -> timestamp(p, type);
        };
      case VALUE_NUMBER_INT:
        {
          JsonParser.NumberType nt = p.getNumberType();
          if (nt == JsonParser.NumberType.BIG_INTEGER) {
            return TypedValues.convert(BigIntegerNode.valueOf(p.getBigIntegerValue()), type);
          }
          long l = p.getLongValue();
          return switch (type) {
            case INTEGER -> l;
            case NUMBER -> BigDecimal.valueOf(l);
            default -> TypedValues.convert(LongNode.valueOf(l), type);
          };
        }
      case VALUE_NUMBER_FLOAT:
        return type == ColumnType.NUMBER
            ? PlainDecimals.of(p)
            : TypedValues.convert(DecimalNode.valueOf(p.getDecimalValue()), type);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return type == ColumnType.BOOLEAN
            ? token == JsonToken.VALUE_TRUE
            : TypedValues.convert(BooleanNode.valueOf(token == JsonToken.VALUE_TRUE), type);
      default: // object or array
        if (type == ColumnType.JSON || type == ColumnType.STRING) {
          return jsonText.copy(p, data, dataStart);
        }
        return TypedValues.convert(TREES.readTree(p), type);
    }
  }

  /** A temporal column's value from the current string token, as text when the dialect takes it. */
  private Object timestamp(JsonParser p, ColumnType type) throws IOException {
    if (timestampText
        && (type == ColumnType.TIMESTAMP_WITH_TIMEZONE
            || type == ColumnType.TIMESTAMP_WITHOUT_TIMEZONE)) {
      char[] chars = p.getTextCharacters();
      int offset = p.getTextOffset();
      int length = p.getTextLength();
      String text =
          type == ColumnType.TIMESTAMP_WITH_TIMEZONE
              ? TimestampColumnText.utc(chars, offset, length)
              : TimestampColumnText.local(chars, offset, length);
      if (text != null) {
        return text;
      }
    }
    return stored(TypedValues.temporal(p.getText(), type));
  }

  /** {@code v} as the dialect binds it: timestamps as their stored text when it takes text. */
  private Object stored(Object v) {
    if (timestampText) {
      if (v instanceof OffsetDateTime t) {
        return TypedValues.utcText(t);
      }
      if (v instanceof LocalDateTime t) {
        return TypedValues.localText(t);
      }
    }
    return v;
  }

  private static ArrayNode typecastError(ArrayNode changes, Column col) {
    if (changes == null) {
      changes = JsonNodeFactory.instance.arrayNode();
    }
    changes
        .addObject()
        .put("field", col.property())
        .put("change", "NULLED")
        .put("reason", "DESTINATION_TYPECAST_ERROR");
    return changes;
  }

  /**
   * {@code _airbyte_meta}: the source's changes, then this destination's; one shared text when
   * there are none.
   */
  private String meta(ObjectNode recordMeta, ArrayNode changes) {
    JsonNode sourceChanges = recordMeta == null ? null : recordMeta.get("changes");
    boolean hasSource =
        sourceChanges != null && sourceChanges.isArray() && !sourceChanges.isEmpty();
    if (changes == null && !hasSource) {
      return emptyMeta;
    }
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("sync_id", syncId);
    ArrayNode all = meta.putArray("changes");
    if (hasSource) {
      all.addAll((ArrayNode) sourceChanges);
    }
    if (changes != null) {
      all.addAll(changes);
    }
    return meta.toString();
  }
}
