package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A JSON value as draft-07 sees it: its type name ({@code integer} for any number without a
 * fraction), whether it has a schema's {@code type}, and equality by value ({@code 1} equals {@code
 * 1.0}); {@link ConfigValidator}'s vocabulary for values, apart from its walk.
 */
final class JsonInstances {
  private JsonInstances() {}

  static boolean hasType(JsonNode type, JsonNode node) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (hasType(t.asText(), node)) {
          return true;
        }
      }
      return false;
    }
    return hasType(type.asText(), node);
  }

  static boolean hasType(String type, JsonNode node) {
    return switch (type) {
      case "null" -> node.isNull();
      case "boolean" -> node.isBoolean();
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "string" -> node.isTextual();
      case "number" -> node.isNumber();
      case "integer" -> isInteger(node);
      default -> true; // not a draft-07 type name; the processor writes none
    };
  }

  /**
   * A number without a fraction: {@code 5}, {@code 5.0} and {@code 1e30} are integers (draft-06+).
   */
  static boolean isInteger(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    if (!node.isNumber()) {
      return false;
    }
    if (node.isDouble() || node.isFloat()) {
      double d = node.doubleValue();
      return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d);
    }
    BigDecimal d = node.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  static String typeOf(JsonNode node) {
    if (node.isNumber()) {
      return isInteger(node) ? "integer" : "number";
    }
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case BOOLEAN -> "boolean";
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  static String expected(JsonNode type) {
    return type.isArray() ? listed(type) : type.asText();
  }

  /** {@code [a, b]}: the values of a schema array, as text. */
  static String listed(JsonNode values) {
    StringBuilder s = new StringBuilder("[");
    for (JsonNode v : values) {
      s.append(s.length() > 1 ? ", " : "").append(v.isValueNode() ? v.asText() : v.toString());
    }
    return s.append(']').toString();
  }

  static boolean contains(JsonNode values, JsonNode node) {
    for (JsonNode v : values) {
      if (sameValue(v, node)) {
        return true;
      }
    }
    return false;
  }

  /** JSON equality, numbers by value ({@code 1} equals {@code 1.0}). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = decimal(a);
      BigDecimal y = decimal(b);
      return x != null && y != null ? x.compareTo(y) == 0 : a.equals(b);
    }
    return a.equals(b);
  }

  static BigDecimal decimal(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    try {
      return n.decimalValue();
    } catch (NumberFormatException e) {
      return null; // NaN or infinity
    }
  }
}
