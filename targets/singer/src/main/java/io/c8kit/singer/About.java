package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code --about} in the Meltano SDK's three formats: text (default), {@code json} (name,
 * description, version, capabilities, settings) and {@code markdown} (the connector's settings as a
 * readable table). Settings are the spec's config schema, with each secret marked {@code
 * "sensitive": true} (Meltano's word) beside the SDK's {@code secret}/{@code writeOnly}.
 */
final class About {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String name;
  private final ConnectorInfo info;
  private final List<String> capabilities;
  private final ObjectNode settings;

  About(ConnectorInfo info, ObjectNode connectionSpecification) {
    this.info = info;
    this.name = executable(info);
    this.capabilities = info.kind().capabilities();
    this.settings = JSON.objectNode();
    settings.set("properties", settings(connectionSpecification.path("properties")));
    ArrayNode required = settings.putArray("required");
    connectionSpecification.path("required").forEach(required::add);
  }

  /** {@code tap-<name>} or {@code target-<name>}: the Singer executable's name. */
  static String executable(ConnectorInfo info) {
    return (info.kind() == ConnectorKind.SOURCE ? "tap-" : "target-") + info.name();
  }

  private static ObjectNode settings(JsonNode properties) {
    ObjectNode out = JSON.objectNode();
    properties.fields().forEachRemaining(e -> out.set(e.getKey(), setting(e.getValue())));
    return out;
  }

  private static JsonNode setting(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    if (schema.path("properties").isObject()) {
      copy.set("properties", settings(schema.get("properties")));
    }
    for (String list : new String[] {"oneOf", "anyOf"}) {
      if (schema.path(list).isArray()) {
        ArrayNode options = copy.putArray(list);
        schema.get(list).forEach(o -> options.add(setting(o)));
      }
    }
    if (schema.path("airbyte_secret").asBoolean(false)) {
      copy.put("sensitive", true);
      copy.put("secret", true);
      copy.put("writeOnly", true);
    }
    return copy;
  }

  String render(String format) {
    if ("json".equals(format)) {
      return json() + "\n";
    }
    if ("markdown".equals(format)) {
      return markdown();
    }
    return text();
  }

  String json() {
    ObjectNode about = JSON.objectNode();
    about.put("name", name);
    about.put("description", info.description());
    about.put("version", info.version());
    ArrayNode caps = about.putArray("capabilities");
    capabilities.forEach(caps::add);
    about.set("settings", settings);
    return PythonJson.indented(about);
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Name: ").append(name).append('\n');
    sb.append("Description: ").append(info.description()).append('\n');
    sb.append("Version: ").append(info.version()).append('\n');
    sb.append("Capabilities:\n");
    capabilities.forEach(c -> sb.append("  - ").append(c).append('\n'));
    sb.append("Settings:\n");
    settings
        .get("properties")
        .fields()
        .forEachRemaining(
            e -> {
              sb.append("  - Name: ").append(e.getKey()).append('\n');
              sb.append("    Type: ").append(type(e.getValue())).append('\n');
              if (e.getValue().path("sensitive").asBoolean(false)) {
                sb.append("    Sensitive: true\n");
              }
            });
    return sb.toString();
  }

  private String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# `").append(name).append("`\n\n");
    if (!info.description().isEmpty()) {
      sb.append(info.description()).append("\n\n");
    }
    sb.append("Built with c8kit from the ")
        .append(info.kind() == ConnectorKind.SOURCE ? "source" : "destination")
        .append(" `")
        .append(info.name())
        .append("` ")
        .append(info.version())
        .append(".\n\n");
    sb.append("## Capabilities\n\n");
    capabilities.forEach(c -> sb.append("- `").append(c).append("`\n"));
    sb.append("\n## Settings\n\n");
    sb.append("| Setting | Required | Default | Sensitive | Description |\n");
    sb.append("|:--------|:--------:|:-------:|:---------:|:------------|\n");
    rows(settings, "", sb);
    sb.append("\nA full list of supported settings and capabilities is available by running: `")
        .append(name)
        .append(" --about`\n");
    return sb.toString();
  }

  private static void rows(JsonNode schema, String parent, StringBuilder sb) {
    JsonNode required = schema.path("required");
    Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String setting = parent.isEmpty() ? e.getKey() : parent + "." + e.getKey();
      JsonNode s = e.getValue();
      boolean isRequired = false;
      for (JsonNode r : required) {
        isRequired |= r.asText().equals(e.getKey());
      }
      JsonNode def = s.get("default");
      sb.append("| ")
          .append(cell(setting))
          .append(" | ")
          .append(isRequired ? "True" : "False")
          .append(" | ")
          .append(
              def == null ? "None" : cell(def.isTextual() ? def.asText() : PythonJson.oneLine(def)))
          .append(" | ")
          .append(s.path("sensitive").asBoolean(false) ? "True" : "False")
          .append(" | ")
          .append(cell(s.path("description").asText("")))
          .append(" |\n");
      if (s.path("properties").isObject()) {
        rows(s, setting, sb);
      }
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r\n", "<BR/>").replace("\n", "<BR/>");
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("oneOf") ? "object" : "any";
    }
    return type.isArray() ? PythonJson.oneLine(type) : type.asText();
  }
}
