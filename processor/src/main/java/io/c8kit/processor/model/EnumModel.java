package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.List;

/**
 * An enum, written as one of its JSON names; {@code jsonNames} is indexed like {@code constants}
 * (declaration order = ordinal order).
 */
public record EnumModel(ClassName type, List<String> constants, List<String> jsonNames)
    implements TypeModel {
  public EnumModel {
    constants = List.copyOf(constants);
    jsonNames = List.copyOf(jsonNames);
  }
}
