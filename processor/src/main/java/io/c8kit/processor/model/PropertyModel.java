package io.c8kit.processor.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One config property with everything the spec, the C8 property list and the binder need.
 *
 * @param defaultValue the parsed default as an immutable JSON literal (String, Long, BigDecimal,
 *     Boolean or List of those)
 * @param defaultText the default as the C8 {@code default_value} string, empty when none
 * @param examples parsed examples, JSON literals like {@code defaultValue}
 */
public record PropertyModel(
    String javaName,
    String jsonName,
    String title,
    String description,
    Optional<Integer> order,
    TypeModel type,
    boolean required,
    boolean secret,
    Optional<Object> defaultValue,
    String defaultText,
    List<Object> examples,
    Optional<BigDecimal> minimum,
    Optional<BigDecimal> maximum,
    String pattern,
    String patternDescriptor,
    String format,
    String group,
    boolean alwaysShow,
    boolean hidden,
    boolean multiline,
    boolean dynamic,
    String placeholder) {
  public PropertyModel {
    examples = List.copyOf(examples);
  }
}
