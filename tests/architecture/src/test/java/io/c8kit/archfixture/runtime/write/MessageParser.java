package io.c8kit.archfixture.runtime.write;

/** Stands for the Airbyte stdin line parser come back into the engine. */
class MessageParser {}
