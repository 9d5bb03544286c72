package io.c8kit.archfixture.runtime.write;

/** Stands for the Airbyte stdin line parser, which only the listed Airbyte classes may use. */
class MessageParser {}
