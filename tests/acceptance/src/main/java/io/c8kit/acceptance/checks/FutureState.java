package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds a far-future {@code --state} for CAT's {@code state_with_abnormally_large_values}: for
 * every incremental stream a STREAM state in the c8kit runtime's shape {@code
 * {"cursor_field":[…],"cursor":<far-future value>}}, the value chosen from the cursor's JSON schema
 * type.
 */
public final class FutureState {
  /** Far-future values by cursor kind. */
  public static final String FAR_DATE_TIME = "9999-12-31T23:59:59Z";

  public static final String FAR_LOCAL_DATE_TIME = "9999-12-31T23:59:59";
  public static final String FAR_DATE = "9999-12-31";
  public static final long FAR_INTEGER = Long.MAX_VALUE / 2;
  public static final String FAR_STRING = "\uffff\uffff\uffff\uffff";

  private FutureState() {}

  /**
   * A far-future state for every stream of {@code catalog} (discovered or configured) that supports
   * incremental and has a cursor (configured {@code cursor_field}, else {@code
   * default_cursor_field}).
   */
  public static ArrayNode forCatalog(JsonNode catalog) {
    ArrayNode out = Json.array();
    for (JsonNode cs : Catalogs.configuredStreams(Catalogs.incremental(catalog))) {
      List<String> cursor = Catalogs.path(cs.get("cursor_field"));
      if (cursor.isEmpty()) {
        continue;
      }
      JsonNode stream = cs.path("stream");
      ObjectNode message = out.addObject();
      message.put("type", "STREAM");
      ObjectNode s = message.putObject("stream");
      ObjectNode descriptor = s.putObject("stream_descriptor");
      descriptor.put("name", stream.path("name").asText());
      if (stream.hasNonNull("namespace")) {
        descriptor.put("namespace", stream.get("namespace").asText());
      }
      ObjectNode state = s.putObject("stream_state");
      ArrayNode field = state.putArray("cursor_field");
      cursor.forEach(field::add);
      state.set("cursor", farValue(Json.schemaAt(stream.path("json_schema"), cursor)));
    }
    return out;
  }

  /** The far-future value for a cursor property's schema. */
  public static JsonNode farValue(JsonNode propertySchema) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<String> types = Json.types(propertySchema);
    String format = propertySchema.path("format").asText("");
    String airbyteType = propertySchema.path("airbyte_type").asText("");
    if (types.contains("integer") || airbyteType.equals("integer")) {
      return f.numberNode(FAR_INTEGER);
    }
    if (types.contains("number")) {
      return f.numberNode(BigDecimal.valueOf(FAR_INTEGER));
    }
    if (format.equals("date-time")) {
      return f.textNode(
          airbyteType.equals("timestamp_without_timezone") ? FAR_LOCAL_DATE_TIME : FAR_DATE_TIME);
    }
    if (format.equals("date")) {
      return f.textNode(FAR_DATE);
    }
    return f.textNode(FAR_STRING);
  }
}
