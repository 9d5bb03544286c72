package io.c8kit.archfixture.airbyte;

/** A target class the fixture engine and the fixture Singer target wrongly depend on. */
public class Wire {}
