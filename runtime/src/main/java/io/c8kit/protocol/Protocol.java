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
 */
public final class Protocol {
  private static final ObjectMapper MAPPER = createMapper();

  private Protocol() {}

  private static ObjectMapper createMapper() {
    JsonFactory factory =
        new JsonFactoryBuilder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(10_000)
                    .maxNestingDepth(10_000)
                    .build())
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
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
    return MAPPER;
  }

  /** Serializes a message as one compact JSON line, without the newline. */
  public static String toJson(Object message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize protocol message", e);
    }
  }

  /** Parses one protocol message line. */
  public static AirbyteMessage parseMessage(String line) throws JsonProcessingException {
    return MAPPER.readValue(line, AirbyteMessage.class);
  }
}
