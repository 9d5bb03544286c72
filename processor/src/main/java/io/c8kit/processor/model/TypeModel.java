package io.c8kit.processor.model;

/**
 * The shape of a config property or record field: one variant per mapping rule, so generators
 * switch over a closed set instead of re-inspecting Java types.
 */
public sealed interface TypeModel
    permits ScalarModel,
        EnumModel,
        CollectionModel,
        OptionalModel,
        RecordTypeModel,
        ConfigObjectModel,
        OneOfModel,
        JsonModel {

  /** True for values that are JSON objects or arrays (never primary keys or cursors). */
  default boolean isComposite() {
    return false;
  }
}
