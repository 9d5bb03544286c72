package io.c8kit.archfixture.runtime.read;

/** An engine-internal class that is public without being allow-listed. */
public class Leak {}
