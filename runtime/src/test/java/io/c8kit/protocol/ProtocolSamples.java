package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol POJOs with every {@code @JsonProperty} field set, found by reflection, for tests that
 * hold a hand-written reader or writer to the mapper: a field added to a POJO is covered without
 * anyone listing it.
 */
public final class ProtocolSamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProtocolSamples() {}

  /** A {@code type} with every annotated field set, nested objects too, and unknown properties. */
  public static <T extends ProtocolObject> T populated(Class<T> type) {
    try {
      return populate(type, 0);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A tree with every kind of node. */
  public static ObjectNode tree() {
    ObjectNode t = NODES.objectNode();
    t.put("s", "\u00e4\"\\\n\u0001");
    t.put("i", 1).put("l", 1L << 40).put("d", 0.1).put("f", 1.5f);
    t.put("big", new BigDecimal("1E+3"))
        .put("bi", new java.math.BigInteger("123456789012345678901"));
    t.put("b", true).putNull("z");
    t.putArray("a").add(1).addNull().addObject().put("q", "r");
    t.putObject("empty");
    t.putArray("none");
    return t;
  }

  /** Unknown properties on {@code o}: a tree, a JSON null and a decimal with its scale. */
  public static <T extends ProtocolObject> T extras(T o) {
    o.additionalProperty("x_tree", NODES.objectNode().put("k", 1).putNull("n"));
    o.additionalProperty("x_null", NullNode.getInstance());
    o.additionalProperty("x_num", NODES.numberNode(new BigDecimal("1.50")));
    return o;
  }

  private static <T> T populate(Class<T> type, int depth) throws ReflectiveOperationException {
    T o = type.getDeclaredConstructor().newInstance();
    for (Field f : type.getFields()) {
      if (f.getAnnotation(JsonProperty.class) != null) {
        f.set(o, sample(f.getType(), f.getGenericType(), f.getName(), depth));
      }
    }
    if (o instanceof ProtocolObject po) {
      extras(po);
    }
    return o;
  }

  private static Object sample(Class<?> type, Type generic, String name, int depth)
      throws ReflectiveOperationException {
    if (type == String.class) {
      return "v_" + name;
    }
    if (type == Boolean.class) {
      return Boolean.TRUE;
    }
    if (type == Long.class) {
      return 7L;
    }
    if (type == Double.class) {
      return 1700000000123.0;
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return tree();
    }
    if (List.class.isAssignableFrom(type)) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      Class<?> raw =
          element instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) element;
      List<Object> list = new ArrayList<>();
      list.add(sample(raw, element, name, depth + 1));
      return list;
    }
    if (ProtocolObject.class.isAssignableFrom(type) && depth < 6) {
      return populate(type, depth + 1);
    }
    throw new AssertionError("no sample for " + generic + " " + name);
  }
}
