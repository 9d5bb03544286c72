package io.c8kit.archfixture.runtime.output;

/** Stands for the Airbyte stdout channel, which the read engine must not reach. */
public class ProtocolOutput {}
