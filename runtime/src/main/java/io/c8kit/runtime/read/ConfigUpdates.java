package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * The config as the user gave it, kept through a read so that a value the connector changes (a
 * rotated refresh token) can be handed back to the platform inside the whole config, later changes
 * on top of earlier ones.
 */
final class ConfigUpdates {
  /** Null when the caller of the read engine did not pass the config's JSON. */
  private final ObjectNode current;

  ConfigUpdates(JsonNode raw) {
    this.current = raw instanceof ObjectNode object ? object.deepCopy() : null;
  }

  boolean available() {
    return current != null;
  }

  /** Sets the property at the dotted {@code path} (creating missing objects) and returns a copy. */
  synchronized ObjectNode apply(String path, String value) {
    List<String> names = Arrays.asList(path.split("\\."));
    ObjectNode node = current;
    for (String name : names.subList(0, names.size() - 1)) {
      JsonNode child = node.get(name);
      node = child instanceof ObjectNode object ? object : node.putObject(name);
    }
    node.put(names.get(names.size() - 1), value);
    return current.deepCopy();
  }
}
