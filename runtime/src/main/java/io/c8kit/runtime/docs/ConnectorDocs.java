package io.c8kit.runtime.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a connector's reference page in Markdown from what every target already has: the spec
 * ({@code connectionSpecification}, and for destinations {@code supported_destination_sync_modes})
 * and the streams with their JSON schemas, primary keys, cursors and sync modes (an Airbyte catalog
 * shape). Target-neutral: JSON in, text out, so the Airbyte {@code docs} command, the build's
 * {@code target/docs/} page and Singer's {@code --about --format markdown} print the same page.
 * Deterministic: properties by {@code order} then name, fields by name.
 */
public final class ConnectorDocs {
  private ConnectorDocs() {}

  /**
   * The page.
   *
   * @param title the heading, e.g. {@code "Faker (source-faker 1.0.0)"}
   * @param description a paragraph under the heading; empty for none
   * @param spec the ConnectorSpecification object (the {@code spec} of a SPEC message)
   * @param catalog an object with a {@code streams} array of {@code name}, {@code json_schema},
   *     {@code supported_sync_modes}, {@code source_defined_primary_key}, {@code
   *     default_cursor_field}; {@code null} for a destination
   */
  public static String markdown(String title, String description, JsonNode spec, JsonNode catalog) {
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    if (description != null && !description.isBlank()) {
      md.append(description.strip()).append("\n\n");
    }
    md.append("## Settings\n\n");
    List<String[]> rows = new ArrayList<>();
    settings(spec.path("connectionSpecification"), "", rows);
    if (rows.isEmpty()) {
      md.append("No settings: the config is `{}`.\n\n");
    } else {
      md.append("| setting | type | required | default | secret | description | examples |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (String[] row : rows) {
        md.append('|');
        for (String cell : row) {
          md.append(' ').append(cell).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
    }
    JsonNode destinationModes = spec.path("supported_destination_sync_modes");
    if (destinationModes.isArray()) {
      md.append("## Sync modes\n\n").append(join(destinationModes, ", ", "`")).append("\n");
    }
    if (catalog != null) {
      md.append("## Streams\n");
      for (JsonNode stream : catalog.path("streams")) {
        stream(stream, md);
      }
    }
    return md.toString();
  }

  private static void stream(JsonNode stream, StringBuilder md) {
    String namespace = stream.path("namespace").asText("");
    md.append("\n### ")
        .append(namespace.isEmpty() ? "" : namespace + ".")
        .append(stream.path("name").asText())
        .append("\n\n");
    List<String> keys = new ArrayList<>();
    for (JsonNode key : stream.path("source_defined_primary_key")) {
      keys.add("`" + join(key, ".", "") + "`");
    }
    md.append("- primary key: ")
        .append(keys.isEmpty() ? "none" : String.join(", ", keys))
        .append('\n');
    JsonNode cursor = stream.path("default_cursor_field");
    md.append("- cursor: ")
        .append(cursor.isArray() && !cursor.isEmpty() ? "`" + join(cursor, ".", "") + "`" : "none")
        .append('\n');
    md.append("- sync modes: ")
        .append(join(stream.path("supported_sync_modes"), ", ", "`"))
        .append("\n\n");
    List<String[]> fields = new ArrayList<>();
    fields(stream.path("json_schema"), "", fields);
    if (fields.isEmpty()) {
      md.append("Fields: any (the schema lists none).\n");
      return;
    }
    md.append("| field | type | description |\n|---|---|---|\n");
    for (String[] f : fields) {
      md.append("| `")
          .append(f[0])
          .append("` | ")
          .append(f[1])
          .append(" | ")
          .append(f[2])
          .append(" |\n");
    }
  }

  /**
   * One row per property, nested objects as {@code parent.child}, oneOf options as {@code
   * parent.child (option)}.
   */
  private static void settings(JsonNode object, String prefix, List<String[]> rows) {
    List<String> required = new ArrayList<>();
    object.path("required").forEach(r -> required.add(r.asText()));
    for (Map.Entry<String, JsonNode> p : byOrder(object.path("properties"))) {
      String name = prefix + p.getKey();
      JsonNode s = p.getValue();
      rows.add(
          new String[] {
            "`" + name + "`",
            type(s),
            required.contains(p.getKey()) ? "yes" : "no",
            s.has("default") ? code(s.get("default")) : "",
            s.path("airbyte_secret").asBoolean(false) ? "yes" : "",
            cell(s.path("description").asText("")),
            s.path("examples").isArray() ? join(s.path("examples"), ", ", "`") : ""
          });
      if (s.path("properties").size() > 0) {
        settings(s, name + ".", rows);
      }
      for (JsonNode option : s.path("oneOf")) {
        settings(option, name + "." + optionName(option) + ": ", rows);
      }
    }
  }

  private static String optionName(JsonNode option) {
    for (JsonNode p : option.path("properties")) {
      if (p.has("const")) {
        return p.get("const").asText();
      }
    }
    return option.path("title").asText("option");
  }

  private static void fields(JsonNode schema, String prefix, List<String[]> out) {
    List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
    schema.path("properties").fields().forEachRemaining(props::add);
    props.sort(Map.Entry.comparingByKey());
    for (Map.Entry<String, JsonNode> p : props) {
      String name = prefix + p.getKey();
      out.add(
          new String[] {
            name, type(p.getValue()), cell(p.getValue().path("description").asText(""))
          });
      if (p.getValue().path("properties").size() > 0) {
        fields(p.getValue(), name + ".", out);
      }
    }
  }

  /**
   * {@code string (date-time)}, {@code array of integer}, {@code enum: a, b}; "null" is left out.
   */
  static String type(JsonNode schema) {
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema
          .get("enum")
          .forEach(
              v -> {
                if (!v.isNull()) {
                  values.add("`" + v.asText() + "`");
                }
              });
      return "enum: " + String.join(", ", values);
    }
    if (schema.has("oneOf")) {
      List<String> options = new ArrayList<>();
      schema.get("oneOf").forEach(o -> options.add("`" + optionName(o) + "`"));
      return "one of: " + String.join(", ", options);
    }
    List<String> types = new ArrayList<>();
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      t.forEach(
          x -> {
            if (!"null".equals(x.asText())) {
              types.add(x.asText());
            }
          });
    } else if (t.isTextual()) {
      types.add(t.asText());
    }
    String type = types.isEmpty() ? "any" : String.join(" or ", types);
    if (types.contains("array") && schema.has("items")) {
      type = "array of " + type(schema.get("items"));
    }
    String format = schema.path("airbyte_type").asText(schema.path("format").asText(""));
    return format.isEmpty() ? type : type + " (" + format + ")";
  }

  private static List<Map.Entry<String, JsonNode>> byOrder(JsonNode properties) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
    it.forEachRemaining(list::add);
    list.sort(
        (a, b) -> {
          int oa = a.getValue().path("order").asInt(Integer.MAX_VALUE);
          int ob = b.getValue().path("order").asInt(Integer.MAX_VALUE);
          return oa != ob ? Integer.compare(oa, ob) : a.getKey().compareTo(b.getKey());
        });
    return list;
  }

  private static String code(JsonNode value) {
    return "`" + (value.isTextual() ? value.asText() : value.toString()) + "`";
  }

  private static String join(JsonNode array, String separator, String quote) {
    List<String> parts = new ArrayList<>();
    array.forEach(v -> parts.add(quote + (v.isTextual() ? v.asText() : v.toString()) + quote));
    return String.join(separator, parts);
  }

  /** Table cells: one line, pipes escaped. */
  private static String cell(String text) {
    return text.strip().replace("\r", " ").replace("\n", " ").replace("|", "\\|");
  }
}
