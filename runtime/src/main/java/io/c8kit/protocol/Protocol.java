package io.c8kit.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * The one Jackson configuration for protocol JSON: compact output (one message per line), unknown
 * properties kept by {@link ProtocolObject}, strict enums (a catalog with {@code "sync_mode":
 * "INVALID"} must fail), and no read limit that a large record could hit.
 *
 * <p>The {@link #factory() factory} is separate from the {@link #mapper() mapper}, which is only
 * created on first use: building an ObjectMapper and its serializers costs a connector process
 * about a quarter of a second of CPU, and {@code check}, {@code discover} and {@code read} do
 * without it ({@link JsonTrees}, {@link MessageWriter}). Until then the factory's codec writes and
 * reads trees itself and hands anything else to the mapper.
 */
public final class Protocol {
  private static final JsonFactory FACTORY = createFactory();

  private Protocol() {}

  private static JsonFactory createFactory() {
    JsonFactory factory =
        new JsonFactoryBuilder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(10_000)
                    .maxNestingDepth(10_000)
                    .build())
            .build();
    factory.setCodec(new ProtocolCodec());
    return factory;
  }

  /** Created on first use; see the class comment. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = createMapper();
  }

  private static ObjectMapper createMapper() {
    ObjectMapper mapper = new ObjectMapper(FACTORY);
    mapper.disable(SerializationFeature.INDENT_OUTPUT);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    // Keep a decimal's scale as the source wrote it (1.50 stays 1.50, 100.0 does not become 1E+2).
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    return mapper;
  }

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  /**
   * The shared factory (the mapper's own), for parsers and generators that need no data binding; do
   * not reconfigure it.
   */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** Serializes a message as one compact JSON line, without the newline. */
  public static String toJson(Object message) {
    try {
      return mapper().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize protocol message", e);
    }
  }

  /** Parses one protocol message line. */
  public static AirbyteMessage parseMessage(String line) throws JsonProcessingException {
    return mapper().readValue(line, AirbyteMessage.class);
  }
}
