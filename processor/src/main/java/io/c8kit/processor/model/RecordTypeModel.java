package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * A record type emitted by a stream (or nested in one), with the name of its generated serializer.
 */
public record RecordTypeModel(ClassName type, ClassName serializer, List<FieldModel> fields)
    implements TypeModel {
  public RecordTypeModel {
    fields = List.copyOf(fields);
  }

  public Optional<FieldModel> field(String jsonName) {
    return fields.stream().filter(f -> f.jsonName().equals(jsonName)).findFirst();
  }

  @Override
  public boolean isComposite() {
    return true;
  }
}
