package io.c8kit.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AirbyteMessage} with jackson-core, byte for byte what {@link Protocol#mapper()}
 * writes from the POJOs' annotations: properties in {@code @JsonPropertyOrder}, nulls left out,
 * enums by wire name, {@link PlainDoubleSerializer} doubles, then the unknown properties kept by
 * {@link ProtocolObject}. Introspecting the POJOs for a bean serializer is a large share of a short
 * command's start-up; the STATE, TRACE, LOG, CONNECTION_STATUS and CATALOG lines need none of it.
 * {@code MessageWriterTest} holds this to the mapper's output for every field.
 */
public final class MessageWriter {
  private MessageWriter() {}

  /** Writes {@code m} as one JSON object (no newline). */
  public static void write(JsonGenerator g, AirbyteMessage m) throws IOException {
    g.writeStartObject();
    if (m.type != null) {
      g.writeStringField("type", m.type.name());
    }
    if (m.log != null) {
      g.writeFieldName("log");
      log(g, m.log);
    }
    if (m.spec != null) {
      g.writeFieldName("spec");
      spec(g, m.spec);
    }
    if (m.connectionStatus != null) {
      g.writeFieldName("connectionStatus");
      connectionStatus(g, m.connectionStatus);
    }
    if (m.catalog != null) {
      g.writeFieldName("catalog");
      catalog(g, m.catalog);
    }
    if (m.record != null) {
      g.writeFieldName("record");
      record(g, m.record);
    }
    if (m.state != null) {
      g.writeFieldName("state");
      state(g, m.state);
    }
    if (m.trace != null) {
      g.writeFieldName("trace");
      trace(g, m.trace);
    }
    if (m.control != null) {
      g.writeFieldName("control");
      control(g, m.control);
    }
    tree(g, "destination_catalog", m.destinationCatalog);
    end(g, m);
  }

  private static void log(JsonGenerator g, AirbyteLogMessage log) throws IOException {
    g.writeStartObject();
    if (log.level != null) {
      g.writeStringField("level", log.level.name());
    }
    string(g, "message", log.message);
    string(g, "stack_trace", log.stackTrace);
    end(g, log);
  }

  private static void spec(JsonGenerator g, ConnectorSpecification s) throws IOException {
    g.writeStartObject();
    string(g, "documentationUrl", s.documentationUrl);
    string(g, "changelogUrl", s.changelogUrl);
    tree(g, "connectionSpecification", s.connectionSpecification);
    bool(g, "supportsIncremental", s.supportsIncremental);
    bool(g, "supportsNormalization", s.supportsNormalization);
    bool(g, "supportsDBT", s.supportsDbt);
    if (s.supportedDestinationSyncModes != null) {
      g.writeFieldName("supported_destination_sync_modes");
      g.writeStartArray();
      for (DestinationSyncMode mode : s.supportedDestinationSyncModes) {
        if (mode == null) {
          g.writeNull();
        } else {
          g.writeString(mode.wire());
        }
      }
      g.writeEndArray();
    }
    tree(g, "authSpecification", s.authSpecification);
    tree(g, "advanced_auth", s.advancedAuth);
    string(g, "protocol_version", s.protocolVersion);
    end(g, s);
  }

  private static void connectionStatus(JsonGenerator g, AirbyteConnectionStatus s)
      throws IOException {
    g.writeStartObject();
    if (s.status != null) {
      g.writeStringField("status", s.status.name());
    }
    string(g, "message", s.message);
    end(g, s);
  }

  private static void catalog(JsonGenerator g, AirbyteCatalog c) throws IOException {
    g.writeStartObject();
    if (c.streams != null) {
      g.writeFieldName("streams");
      g.writeStartArray();
      for (AirbyteStream s : c.streams) {
        if (s == null) {
          g.writeNull();
        } else {
          stream(g, s);
        }
      }
      g.writeEndArray();
    }
    end(g, c);
  }

  /** One discovered stream; also the {@code stream} of a configured one. */
  private static void stream(JsonGenerator g, AirbyteStream s) throws IOException {
    g.writeStartObject();
    string(g, "name", s.name);
    tree(g, "json_schema", s.jsonSchema);
    if (s.supportedSyncModes != null) {
      g.writeFieldName("supported_sync_modes");
      g.writeStartArray();
      for (SyncMode mode : s.supportedSyncModes) {
        if (mode == null) {
          g.writeNull();
        } else {
          g.writeString(mode.wire());
        }
      }
      g.writeEndArray();
    }
    bool(g, "source_defined_cursor", s.sourceDefinedCursor);
    strings(g, "default_cursor_field", s.defaultCursorField);
    paths(g, "source_defined_primary_key", s.sourceDefinedPrimaryKey);
    string(g, "namespace", s.namespace);
    bool(g, "is_resumable", s.isResumable);
    bool(g, "is_file_based", s.isFileBased);
    end(g, s);
  }

  private static void record(JsonGenerator g, AirbyteRecordMessage r) throws IOException {
    g.writeStartObject();
    string(g, "namespace", r.namespace);
    string(g, "stream", r.stream);
    tree(g, "data", r.data);
    if (r.emittedAt != null) {
      g.writeNumberField("emitted_at", r.emittedAt.longValue());
    }
    tree(g, "meta", r.meta);
    tree(g, "file_reference", r.fileReference);
    end(g, r);
  }

  private static void state(JsonGenerator g, AirbyteStateMessage s) throws IOException {
    g.writeStartObject();
    if (s.type != null) {
      g.writeStringField("type", s.type.name());
    }
    if (s.stream != null) {
      g.writeFieldName("stream");
      streamState(g, s.stream);
    }
    if (s.global != null) {
      g.writeFieldName("global");
      g.writeStartObject();
      tree(g, "shared_state", s.global.sharedState);
      if (s.global.streamStates != null) {
        g.writeFieldName("stream_states");
        g.writeStartArray();
        for (AirbyteStreamState state : s.global.streamStates) {
          if (state == null) {
            g.writeNull();
          } else {
            streamState(g, state);
          }
        }
        g.writeEndArray();
      }
      end(g, s.global);
    }
    tree(g, "data", s.data);
    stats(g, "sourceStats", s.sourceStats);
    stats(g, "destinationStats", s.destinationStats);
    end(g, s);
  }

  private static void streamState(JsonGenerator g, AirbyteStreamState s) throws IOException {
    g.writeStartObject();
    descriptor(g, "stream_descriptor", s.streamDescriptor);
    tree(g, "stream_state", s.streamState);
    end(g, s);
  }

  private static void stats(JsonGenerator g, String name, AirbyteStateStats stats)
      throws IOException {
    if (stats == null) {
      return;
    }
    g.writeFieldName(name);
    g.writeStartObject();
    plainDouble(g, "recordCount", stats.recordCount);
    plainDouble(g, "rejectedRecordCount", stats.rejectedRecordCount);
    end(g, stats);
  }

  private static void trace(JsonGenerator g, AirbyteTraceMessage t) throws IOException {
    g.writeStartObject();
    if (t.type != null) {
      g.writeStringField("type", t.type.name());
    }
    plainDouble(g, "emitted_at", t.emittedAt);
    if (t.error != null) {
      AirbyteErrorTraceMessage e = t.error;
      g.writeFieldName("error");
      g.writeStartObject();
      string(g, "message", e.message);
      string(g, "internal_message", e.internalMessage);
      string(g, "stack_trace", e.stackTrace);
      if (e.failureType != null) {
        g.writeStringField("failure_type", e.failureType.wire());
      }
      descriptor(g, "stream_descriptor", e.streamDescriptor);
      end(g, e);
    }
    if (t.estimate != null) {
      AirbyteEstimateTraceMessage e = t.estimate;
      g.writeFieldName("estimate");
      g.writeStartObject();
      string(g, "name", e.name);
      if (e.type != null) {
        g.writeStringField("type", e.type.name());
      }
      string(g, "namespace", e.namespace);
      if (e.rowEstimate != null) {
        g.writeNumberField("row_estimate", e.rowEstimate.longValue());
      }
      if (e.byteEstimate != null) {
        g.writeNumberField("byte_estimate", e.byteEstimate.longValue());
      }
      end(g, e);
    }
    if (t.streamStatus != null) {
      AirbyteStreamStatusTraceMessage s = t.streamStatus;
      g.writeFieldName("stream_status");
      g.writeStartObject();
      descriptor(g, "stream_descriptor", s.streamDescriptor);
      if (s.status != null) {
        g.writeStringField("status", s.status.name());
      }
      if (s.reasons != null) {
        g.writeFieldName("reasons");
        g.writeStartArray();
        for (JsonNode reason : s.reasons) {
          treeValue(g, reason);
        }
        g.writeEndArray();
      }
      end(g, s);
    }
    if (t.analytics != null) {
      g.writeFieldName("analytics");
      g.writeStartObject();
      string(g, "type", t.analytics.type);
      string(g, "value", t.analytics.value);
      end(g, t.analytics);
    }
    end(g, t);
  }

  private static void control(JsonGenerator g, AirbyteControlMessage c) throws IOException {
    g.writeStartObject();
    if (c.type != null) {
      g.writeStringField("type", c.type.name());
    }
    plainDouble(g, "emitted_at", c.emittedAt);
    if (c.connectorConfig != null) {
      g.writeFieldName("connectorConfig");
      g.writeStartObject();
      tree(g, "config", c.connectorConfig.config);
      end(g, c.connectorConfig);
    }
    end(g, c);
  }

  private static void descriptor(JsonGenerator g, String name, StreamDescriptor d)
      throws IOException {
    if (d == null) {
      return;
    }
    g.writeFieldName(name);
    g.writeStartObject();
    string(g, "name", d.name);
    string(g, "namespace", d.namespace);
    end(g, d);
  }

  /** The unknown properties (the any-getter comes after every declared one), then '}'. */
  private static void end(JsonGenerator g, ProtocolObject o) throws IOException {
    for (Map.Entry<String, JsonNode> e : o.additionalProperties().entrySet()) {
      g.writeFieldName(e.getKey());
      treeValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
    if (value != null) {
      g.writeBooleanField(name, value);
    }
  }

  private static void plainDouble(JsonGenerator g, String name, Double value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      PlainDoubles.write(value, g);
    }
  }

  private static void tree(JsonGenerator g, String name, JsonNode value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      JsonTrees.write(g, value);
    }
  }

  private static void treeValue(JsonGenerator g, JsonNode value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      JsonTrees.write(g, value);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    if (values == null) {
      return;
    }
    g.writeFieldName(name);
    stringArray(g, values);
  }

  private static void stringArray(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String v : values) {
      if (v == null) {
        g.writeNull();
      } else {
        g.writeString(v);
      }
    }
    g.writeEndArray();
  }

  private static void paths(JsonGenerator g, String name, List<List<String>> values)
      throws IOException {
    if (values == null) {
      return;
    }
    g.writeFieldName(name);
    g.writeStartArray();
    for (List<String> path : values) {
      if (path == null) {
        g.writeNull();
      } else {
        stringArray(g, path);
      }
    }
    g.writeEndArray();
  }
}
