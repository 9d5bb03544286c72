package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.List;

/** A sealed {@code @OneOf} interface: a discriminated union of config records. */
public record OneOfModel(
    ClassName type, String discriminator, String displayType, List<ChoiceModel> choices)
    implements TypeModel {
  public OneOfModel {
    choices = List.copyOf(choices);
  }

  @Override
  public boolean isComposite() {
    return true;
  }
}
