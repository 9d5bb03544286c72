package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.List;

/**
 * The connector's config type: its properties (empty when no method takes a config, then the type
 * is {@code Void}), the UI groups in order of first appearance, and the generated binder's name.
 */
public record ConfigModel(
    TypeName type, ConfigObjectModel root, List<String> groups, ClassName binder) {
  public ConfigModel {
    groups = List.copyOf(groups);
  }

  public boolean isVoid() {
    return type.equals(ClassName.get(Void.class));
  }
}
