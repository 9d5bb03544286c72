package io.c8kit.runtime.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.JsonTrees;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;
import io.c8kit.source.DiscoveredStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the CATALOG of {@code discover}: the static streams, then the {@code @Discover} ones. */
public final class SourceCatalog {
  private SourceCatalog() {}

  /**
   * discover: static streams (schema from the classpath resource) + {@code @Discover} streams.
   *
   * @throws IllegalStateException when two static streams share a name or a schema resource is
   *     missing (a connector bug)
   * @throws ConfigException when a discovered stream's name is already taken
   */
  public static <C> AirbyteCatalog discover(SourceConnector<C> connector, C config)
      throws Exception {
    SourceDefinition<C> definition = connector.definition();
    AirbyteCatalog catalog = new AirbyteCatalog();
    Map<String, String> names = new HashMap<>();
    for (StreamDefinition<C, ?> s : definition.streams()) {
      String previous = names.put(s.name(), label(s.name(), s.namespace()));
      if (previous != null) {
        throw new IllegalStateException(
            "Two streams are named '"
                + s.name()
                + "' ("
                + previous
                + " and "
                + label(s.name(), s.namespace())
                + "); stream names must be unique");
      }
      catalog.streams.add(staticStream(s, loadSchema(connector, s)));
    }
    if (definition.discover() != null) {
      List<DiscoveredStream> found = definition.discover().discover(config);
      for (DiscoveredStream ds : found == null ? List.<DiscoveredStream>of() : found) {
        String previous = names.put(ds.name(), label(ds.name(), ds.namespace()));
        if (previous != null) {
          throw new ConfigException(
              "Discovered stream '"
                  + label(ds.name(), ds.namespace())
                  + "' has the same name as stream '"
                  + previous
                  + "'; stream names must be unique"
                  + " (narrow the configuration so that each name is found once)");
        }
        catalog.streams.add(dynamicStream(ds));
      }
    }
    return catalog;
  }

  /** The static streams only: what is known without a config (for the {@code docs} command). */
  public static <C> AirbyteCatalog staticStreams(SourceConnector<C> connector) {
    AirbyteCatalog catalog = new AirbyteCatalog();
    for (StreamDefinition<C, ?> s : connector.definition().streams()) {
      catalog.streams.add(staticStream(s, loadSchema(connector, s)));
    }
    return catalog;
  }

  private static String label(String name, String namespace) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }

  static AirbyteStream staticStream(StreamDefinition<?, ?> s, ObjectNode schema) {
    AirbyteStream a = new AirbyteStream();
    a.name = s.name();
    a.namespace = StreamPlan.emptyToNull(s.namespace());
    a.jsonSchema = schema;
    a.supportedSyncModes = new ArrayList<>(s.syncModes()); // EnumSet: full_refresh first
    boolean hasCursor = !s.cursorField().isEmpty();
    a.sourceDefinedCursor = hasCursor;
    a.defaultCursorField = hasCursor ? List.copyOf(s.cursorField()) : null;
    a.sourceDefinedPrimaryKey = s.primaryKey().isEmpty() ? null : copy(s.primaryKey());
    a.isResumable = s.syncModes().contains(SyncMode.INCREMENTAL) || s.pageKey() != null;
    return a;
  }

  static AirbyteStream dynamicStream(DiscoveredStream ds) {
    AirbyteStream a = new AirbyteStream();
    a.name = ds.name();
    a.namespace = StreamPlan.emptyToNull(ds.namespace());
    a.jsonSchema = ds.jsonSchema();
    a.supportedSyncModes = new ArrayList<>(ds.syncModes());
    a.sourceDefinedCursor = ds.sourceDefinedCursor();
    a.defaultCursorField =
        ds.defaultCursorField().isEmpty() ? null : List.copyOf(ds.defaultCursorField());
    a.sourceDefinedPrimaryKey = ds.primaryKey().isEmpty() ? null : copy(ds.primaryKey());
    a.isResumable = ds.syncModes().contains(SyncMode.INCREMENTAL) || ds.pageKey() != null;
    return a;
  }

  private static List<List<String>> copy(List<List<String>> keys) {
    List<List<String>> out = new ArrayList<>(keys.size());
    keys.forEach(k -> out.add(List.copyOf(k)));
    return out;
  }

  /**
   * Loads a static stream's JSON schema from its classpath resource, through the connector's class
   * loader.
   *
   * @throws IllegalStateException when the resource is missing or not a JSON object
   */
  static ObjectNode loadSchema(SourceConnector<?> connector, StreamDefinition<?, ?> stream) {
    String resource = stream.schemaResource();
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = connector.getClass().getClassLoader();
    InputStream in = loader == null ? null : loader.getResourceAsStream(path);
    if (in == null) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      in = context == null ? null : context.getResourceAsStream(path);
    }
    if (in == null) {
      throw new IllegalStateException(
          "The JSON schema of stream '"
              + stream.name()
              + "' is missing: no classpath resource "
              + resource);
    }
    try (InputStream stream0 = in;
        JsonParser parser = Protocol.factory().createParser(stream0)) {
      JsonNode schema = JsonTrees.read(parser);
      if (schema == null || !schema.isObject()) {
        throw new IllegalStateException(
            "The JSON schema of stream '"
                + stream.name()
                + "' ("
                + resource
                + ") is not a JSON object");
      }
      return (ObjectNode) schema;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the JSON schema " + resource + " of stream '" + stream.name() + "'", e);
    }
  }
}
