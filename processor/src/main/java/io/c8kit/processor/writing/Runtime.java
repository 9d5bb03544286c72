package io.c8kit.processor.writing;

import com.squareup.javapoet.ClassName;

/**
 * Names of the runtime types generated code calls; kept as strings so the processor does not need
 * the runtime on its own class path.
 */
final class Runtime {
  private Runtime() {}

  static final String RT = "io.c8kit.runtime";
  static final ClassName SOURCE_CONNECTOR = ClassName.get(RT, "SourceConnector");
  static final ClassName DESTINATION_CONNECTOR = ClassName.get(RT, "DestinationConnector");
  static final ClassName SOURCE_DEFINITION = ClassName.get(RT, "SourceDefinition");
  static final ClassName DESTINATION_DEFINITION = ClassName.get(RT, "DestinationDefinition");
  static final ClassName STREAM_DEFINITION = ClassName.get(RT, "StreamDefinition");
  static final ClassName CONNECTOR_INFO = ClassName.get(RT, "ConnectorInfo");
  static final ClassName CONNECTOR_KIND = ClassName.get(RT, "ConnectorKind");
  static final ClassName CONFIG_BINDER = ClassName.get(RT, "ConfigBinder");
  static final ClassName RECORD_SERIALIZER = ClassName.get(RT, "RecordSerializer");
  static final ClassName CURSOR_TYPE = ClassName.get(RT, "CursorType");
  static final ClassName ERROR_CLASSIFIER = ClassName.get(RT, "ErrorClassifier");
  static final ClassName JSON_VALUES = ClassName.get(RT, "JsonValues");
  static final ClassName CONFIG_VALUES = ClassName.get(RT, "ConfigValues");
  static final ClassName CONNECTOR_CLI = ClassName.get("io.c8kit.airbyte", "ConnectorCli");
  static final ClassName C8_SOURCE_ADAPTER = ClassName.get("io.c8kit.c8", "C8SourceAdapter");
  static final ClassName C8_DESTINATION_ADAPTER =
      ClassName.get("io.c8kit.c8", "C8DestinationAdapter");
  static final ClassName CONFIG_PROPERTY = ClassName.get("io.c8kit", "ConfigProperty");
  static final ClassName CONFIG_ATTRIBUTE_TYPE = ClassName.get("io.c8kit", "ConfigAttributeType");
  static final ClassName SYNC_MODE = ClassName.get("io.c8kit.protocol", "SyncMode");
  static final ClassName DESTINATION_SYNC_MODE =
      ClassName.get("io.c8kit.protocol", "DestinationSyncMode");
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  static final ClassName OBJECT_NODE =
      ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
  static final ClassName JSON_GENERATOR =
      ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName SERIALIZED_STRING =
      ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
}
