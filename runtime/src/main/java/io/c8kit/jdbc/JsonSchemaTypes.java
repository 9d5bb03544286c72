package io.c8kit.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a property's JSON schema to a {@link ColumnType}, following Airbyte's data types: {@code
 * string} with {@code format} {@code date}, {@code date-time} and {@code time} (with or without
 * time zone by {@code airbyte_type}, with time zone when unspecified), {@code integer} (or {@code
 * number} with {@code airbyte_type: integer}), {@code number}, {@code boolean}; the legacy {@code
 * WellKnownTypes.json} {@code $ref}s; nullable type lists such as {@code ["null","string"]}.
 * Objects, arrays, unions of several types and schemas without a type become {@link
 * ColumnType#JSON}.
 */
public final class JsonSchemaTypes {
  private JsonSchemaTypes() {}

  public static ColumnType of(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return ColumnType.JSON;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isTextual()) {
      ColumnType t = wellKnown(ref.textValue());
      if (t != null) {
        return t;
      }
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      JsonNode options = schema.get(combinator);
      if (options != null && options.isArray()) {
        Set<ColumnType> types = new LinkedHashSet<>();
        for (JsonNode option : options) {
          if (!isNullOnly(option)) {
            types.add(of(option));
          }
        }
        if (types.size() == 1) {
          return types.iterator().next();
        }
        if (types.equals(Set.of(ColumnType.INTEGER, ColumnType.NUMBER))) {
          return ColumnType.NUMBER;
        }
        return ColumnType.JSON;
      }
    }
    JsonNode type = schema.get("type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isTextual()) {
      types.add(type.textValue());
    } else if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.isTextual() && !"null".equals(t.textValue())) {
          types.add(t.textValue());
        }
      }
    }
    if (types.size() == 2 && types.contains("integer") && types.contains("number")) {
      return ColumnType.NUMBER;
    }
    if (types.size() != 1) {
      return ColumnType.JSON;
    }
    String airbyteType = schema.path("airbyte_type").asText("");
    String format = schema.path("format").asText("");
    return switch (types.get(0)) {
      case "string" -> stringType(format, airbyteType);
      case "integer" -> ColumnType.INTEGER;
      case "number" -> "integer".equals(airbyteType) ? ColumnType.INTEGER : ColumnType.NUMBER;
      case "boolean" -> ColumnType.BOOLEAN;
      default -> ColumnType.JSON;
    };
  }

  private static ColumnType stringType(String format, String airbyteType) {
    switch (airbyteType) {
      case "timestamp_with_timezone":
        return ColumnType.TIMESTAMP_WITH_TIMEZONE;
      case "timestamp_without_timezone":
        return ColumnType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "time_with_timezone":
        return ColumnType.TIME_WITH_TIMEZONE;
      case "time_without_timezone":
        return ColumnType.TIME_WITHOUT_TIMEZONE;
      default:
        break;
    }
    return switch (format) {
      case "date-time" -> ColumnType.TIMESTAMP_WITH_TIMEZONE;
      case "date" -> ColumnType.DATE;
      case "time" -> ColumnType.TIME_WITH_TIMEZONE;
      default -> ColumnType.STRING;
    };
  }

  private static boolean isNullOnly(JsonNode option) {
    JsonNode t = option.get("type");
    return t != null && t.isTextual() && "null".equals(t.textValue());
  }

  private static ColumnType wellKnown(String ref) {
    int hash = ref.lastIndexOf('/');
    String name = hash >= 0 ? ref.substring(hash + 1) : ref;
    return switch (name) {
      case "String", "BinaryData" -> ColumnType.STRING;
      case "Boolean" -> ColumnType.BOOLEAN;
      case "Integer" -> ColumnType.INTEGER;
      case "Number" -> ColumnType.NUMBER;
      case "Date" -> ColumnType.DATE;
      case "TimestampWithTimezone" -> ColumnType.TIMESTAMP_WITH_TIMEZONE;
      case "TimestampWithoutTimezone" -> ColumnType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "TimeWithTimezone" -> ColumnType.TIME_WITH_TIMEZONE;
      case "TimeWithoutTimezone" -> ColumnType.TIME_WITHOUT_TIMEZONE;
      default -> null;
    };
  }
}
