package io.c8kit.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.ConnectorSpecification;
import io.c8kit.protocol.JsonTrees;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.ConnectorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connector's specification, loaded once from its classpath resource ({@link
 * ConnectorInfo#specResource()}) and cached per (connector class, resource). The SPEC path only
 * parses JSON; the schema validator is built lazily on first use.
 */
public final class ConnectorSpec {
  private record Key(Class<?> anchor, String resource) {
    // Hand-written: a record's generated equals/hashCode bootstrap method handles on first use,
    // which costs every connector start-up (benchmarks/FINDINGS.md, finding 7).
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.anchor == anchor && k.resource.equals(resource);
    }

    @Override
    public int hashCode() {
      return 31 * anchor.hashCode() + resource.hashCode();
    }
  }

  private static final ConcurrentHashMap<Key, ConnectorSpec> CACHE = new ConcurrentHashMap<>();

  private final String resource;
  private final JsonNode tree;
  private final ObjectNode connectionSpecification;
  private volatile ConnectorSpecification specification;
  private volatile ConfigValidator validator;

  private ConnectorSpec(String resource, JsonNode tree, ObjectNode connectionSpecification) {
    this.resource = resource;
    this.tree = tree;
    this.connectionSpecification = connectionSpecification;
  }

  /**
   * The spec of the connector whose class is {@code anchor} (resources are looked up with its class
   * loader).
   *
   * @throws IllegalStateException when the resource is missing or not a valid specification: a
   *     packaging bug, not a user error
   */
  public static ConnectorSpec of(Class<?> anchor, ConnectorInfo info) {
    Key key = new Key(anchor, info.specResource());
    ConnectorSpec spec = CACHE.get(key);
    if (spec == null) {
      spec = load(anchor, info.specResource());
      ConnectorSpec raced = CACHE.putIfAbsent(key, spec);
      if (raced != null) {
        spec = raced;
      }
    }
    return spec;
  }

  private static ConnectorSpec load(Class<?> anchor, String resource) {
    String absolute = resource.startsWith("/") ? resource : "/" + resource;
    byte[] bytes;
    try (InputStream in = anchor.getResourceAsStream(absolute)) {
      if (in == null) {
        throw new IllegalStateException(
            "connector spec resource "
                + absolute
                + " is missing from the classpath of "
                + anchor.getName());
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read connector spec resource " + absolute, e);
    }
    return parse(absolute, bytes);
  }

  /** Parses a spec resource's bytes (uncached); {@code absolute} names it in messages. */
  public static ConnectorSpec parse(String absolute, byte[] bytes) {
    JsonNode tree;
    try {
      try (JsonParser parser = Protocol.factory().createParser(bytes)) {
        tree = JsonTrees.read(parser);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "connector spec resource " + absolute + " is not valid JSON", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalStateException(
          "connector spec resource " + absolute + " is not a JSON object");
    }
    JsonNode cs = tree.get("connectionSpecification");
    if (cs == null || !cs.isObject()) {
      throw new IllegalStateException(
          "connector spec resource " + absolute + " has no connectionSpecification object");
    }
    return new ConnectorSpec(absolute, tree, (ObjectNode) cs);
  }

  /** The resource path, for messages. */
  public String resource() {
    return resource;
  }

  /**
   * The whole specification, the payload of the SPEC message; shared, do not modify. Bound on first
   * use: {@code check}, {@code discover}, {@code read} and {@code write} need only the config
   * schema, and binding the POJO costs its deserializers' start-up.
   *
   * @throws IllegalStateException when the resource is not a valid ConnectorSpecification
   */
  public ConnectorSpecification specification() {
    ConnectorSpecification s = specification;
    if (s == null) {
      try {
        s = Protocol.mapper().treeToValue(tree, ConnectorSpecification.class);
      } catch (IOException e) {
        throw new IllegalStateException(
            "connector spec resource " + resource + " is not a valid ConnectorSpecification", e);
      }
      specification = s;
    }
    return s;
  }

  /** The config JSON schema; shared, do not modify. */
  public ObjectNode connectionSpecification() {
    return connectionSpecification;
  }

  /** The validator for {@link #connectionSpecification()}, built on first use. */
  public ConfigValidator validator() {
    ConfigValidator v = validator;
    if (v == null) {
      synchronized (this) {
        v = validator;
        if (v == null) {
          v = new ConfigValidator(connectionSpecification);
          validator = v;
        }
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return "ConnectorSpec[" + resource + "]";
  }
}
