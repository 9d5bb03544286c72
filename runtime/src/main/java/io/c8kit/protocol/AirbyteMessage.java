package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The protocol envelope: {@code type} plus exactly the one payload field that matches it. Static
 * factories build the messages connectors send.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "type",
  "log",
  "spec",
  "connectionStatus",
  "catalog",
  "record",
  "state",
  "trace",
  "control",
  "destination_catalog"
})
public final class AirbyteMessage extends ProtocolObject {
  /** Message types, upper case on the wire. */
  public enum Type {
    RECORD,
    STATE,
    LOG,
    SPEC,
    CONNECTION_STATUS,
    CATALOG,
    TRACE,
    CONTROL,
    DESTINATION_CATALOG
  }

  @JsonProperty("type")
  public Type type;

  @JsonProperty("log")
  public AirbyteLogMessage log;

  @JsonProperty("spec")
  public ConnectorSpecification spec;

  @JsonProperty("connectionStatus")
  public AirbyteConnectionStatus connectionStatus;

  @JsonProperty("catalog")
  public AirbyteCatalog catalog;

  @JsonProperty("record")
  public AirbyteRecordMessage record;

  @JsonProperty("state")
  public AirbyteStateMessage state;

  @JsonProperty("trace")
  public AirbyteTraceMessage trace;

  @JsonProperty("control")
  public AirbyteControlMessage control;

  @JsonProperty("destination_catalog")
  public JsonNode destinationCatalog;

  public static AirbyteMessage log(AirbyteLogMessage.Level level, String message) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.LOG;
    m.log = new AirbyteLogMessage(level, message);
    return m;
  }

  public static AirbyteMessage spec(ConnectorSpecification spec) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.SPEC;
    m.spec = spec;
    return m;
  }

  public static AirbyteMessage connectionStatus(
      AirbyteConnectionStatus.Status status, String message) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.CONNECTION_STATUS;
    m.connectionStatus = new AirbyteConnectionStatus(status, message);
    return m;
  }

  public static AirbyteMessage catalog(AirbyteCatalog catalog) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.CATALOG;
    m.catalog = catalog;
    return m;
  }

  public static AirbyteMessage state(AirbyteStateMessage state) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.STATE;
    m.state = state;
    return m;
  }

  public static AirbyteMessage trace(AirbyteTraceMessage trace) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.TRACE;
    m.trace = trace;
    return m;
  }

  /** A STREAM_STATUS trace stamped with {@code emittedAtMillis}. */
  public static AirbyteMessage streamStatus(
      StreamDescriptor stream,
      AirbyteStreamStatusTraceMessage.Status status,
      long emittedAtMillis) {
    AirbyteTraceMessage trace = new AirbyteTraceMessage();
    trace.type = AirbyteTraceMessage.Type.STREAM_STATUS;
    trace.emittedAt = (double) emittedAtMillis;
    trace.streamStatus = new AirbyteStreamStatusTraceMessage(stream, status);
    return trace(trace);
  }

  public static AirbyteMessage control(AirbyteControlMessage control) {
    AirbyteMessage m = new AirbyteMessage();
    m.type = Type.CONTROL;
    m.control = control;
    return m;
  }
}
