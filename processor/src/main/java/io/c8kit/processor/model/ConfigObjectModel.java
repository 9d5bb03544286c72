package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.List;

/** A config record (the config itself, a nested object or a oneOf option) and its properties. */
public record ConfigObjectModel(ClassName type, List<PropertyModel> properties)
    implements TypeModel {
  public ConfigObjectModel {
    properties = List.copyOf(properties);
  }

  @Override
  public boolean isComposite() {
    return true;
  }
}
