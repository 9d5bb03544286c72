package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The config schema is ready at once; the ConnectorSpecification POJO is bound only when asked for.
 */
class ConnectorSpecTest {
  private static ConnectorSpec parse(String json) {
    return ConnectorSpec.parse("/spec.json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSchemaServesConfigCommandsEvenWhenTheRestWouldNotBind() {
    ConnectorSpec spec =
        parse(
            "{\"connectionSpecification\":{\"type\":\"object\",\"required\":[\"a\"]},"
                + "\"supported_destination_sync_modes\":[\"upsert\"]}");
    assertEquals("object", spec.connectionSpecification().get("type").asText());
    assertEquals(1, spec.validator().validate(spec.connectionSpecification().objectNode()).size());
    IllegalStateException e = assertThrows(IllegalStateException.class, spec::specification);
    assertTrue(
        e.getMessage().contains("/spec.json is not a valid ConnectorSpecification"),
        e.getMessage());
  }

  @Test
  void theSpecificationIsBoundOnce() {
    ConnectorSpec spec =
        parse("{\"documentationUrl\":\"https://d\",\"connectionSpecification\":{}}");
    assertEquals("https://d", spec.specification().documentationUrl);
    assertSame(spec.specification(), spec.specification());
  }

  @Test
  void aResourceWithoutASchemaObjectIsRejectedAtOnce() {
    assertThrows(IllegalStateException.class, () -> parse("{\"connectionSpecification\":[]}"));
    assertThrows(IllegalStateException.class, () -> parse("[]"));
    assertThrows(IllegalStateException.class, () -> parse("{"));
  }
}
