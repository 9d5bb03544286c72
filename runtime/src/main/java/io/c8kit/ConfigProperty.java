package io.c8kit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One C8 config parameter (the Python {@code ConfigProperty}). Defaults and placeholders are
 * strings, as in the Python original ({@code "5432"}, {@code "false"}).
 *
 * <p>JSON shape: {@code {"name","display_name","type","is_mandatory","is_dynamic","description",
 * "default_value","placeholder_value"}} with {@code type} the enum's string value.
 */
@JsonPropertyOrder({
  "name",
  "display_name",
  "type",
  "is_mandatory",
  "is_dynamic",
  "description",
  "default_value",
  "placeholder_value"
})
public record ConfigProperty(
    @JsonProperty("name") String name,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("type") ConfigAttributeType type,
    @JsonProperty("is_mandatory") boolean mandatory,
    @JsonProperty("is_dynamic") boolean dynamic,
    @JsonProperty("description") String description,
    @JsonProperty("default_value") String defaultValue,
    @JsonProperty("placeholder_value") String placeholderValue) {

  public ConfigProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    displayName = displayName == null ? name : displayName;
    description = description == null ? "" : description;
    defaultValue = defaultValue == null ? "" : defaultValue;
    placeholderValue = placeholderValue == null ? "" : placeholderValue;
  }
}
