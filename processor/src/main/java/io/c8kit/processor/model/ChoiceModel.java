package io.c8kit.processor.model;

/** One option of a oneOf property: the discriminator constant and the option's record. */
public record ChoiceModel(
    String value, String title, String description, ConfigObjectModel object) {}
