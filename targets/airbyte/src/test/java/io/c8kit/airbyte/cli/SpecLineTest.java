package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.c8kit.airbyte.output.ProtocolOutput;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.ConnectorSpecification;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code spec} fast path must write exactly the bytes of the full CLI (resource parsed into a
 * {@code ConnectorSpecification}, written as a SPEC message by {@link ProtocolOutput}), and decline
 * whatever it cannot reproduce.
 */
class SpecLineTest {
  /** What the full CLI writes for the resource. */
  private static String full(String resource) {
    ConnectorSpecification spec =
        ConnectorSpec.parse("test", resource.getBytes(StandardCharsets.UTF_8)).specification();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProtocolOutput output = new ProtocolOutput(out, new SecretMasker())) {
      output.write(AirbyteMessage.spec(spec));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String fast(String resource) {
    Optional<byte[]> line = SpecLine.render(resource.getBytes(StandardCharsets.UTF_8));
    assertTrue(line.isPresent(), () -> "the fast path declined " + resource);
    return new String(line.get(), StandardCharsets.UTF_8);
  }

  private static void assertSame(String resource) {
    assertEquals(full(resource), fast(resource), resource);
  }

  @Test
  void propertyOrderIsConnectorSpecificationsAnnotation() {
    assertEquals(
        List.of(ConnectorSpecification.class.getAnnotation(JsonPropertyOrder.class).value()),
        SpecLine.ORDER);
  }

  @Test
  void aGeneratedResourceGivesTheSameBytes() throws Exception {
    byte[] resource =
        HandwrittenSource.class
            .getResourceAsStream(HandwrittenSource.INFO.specResource())
            .readAllBytes();
    String text = new String(resource, StandardCharsets.UTF_8);
    assertSame(text);
    assertEquals(
        full(text),
        new String(
            SpecLine.of(HandwrittenSource.class, HandwrittenSource.INFO.specResource())
                .orElseThrow(),
            StandardCharsets.UTF_8));
  }

  @Test
  void topLevelFieldsComeInProtocolOrderAndUnknownOnesAfterThem() {
    String resource =
        "{\"zeta\":{\"b\":1,\"a\":[1,2]},\"protocol_version\":\"0.2.0\","
            + "\"supported_destination_sync_modes\":[\"overwrite\",\"append\",\"append_dedup\"],"
            + "\"supportsDBT\":false,\"supportsNormalization\":false,\"supportsIncremental\":true,"
            + "\"advanced_auth\":{\"auth_flow_type\":\"oauth2.0\"},\"authSpecification\":{\"x\":[]},"
            + "\"connectionSpecification\":{\"type\":\"object\",\"properties\":{}},"
            + "\"changelogUrl\":\"https://c\",\"documentationUrl\":\"https://d\",\"alpha\":[null,true]}";
    String line = fast(resource);
    assertEquals(full(resource), line);
    assertTrue(
        line.startsWith(
            "{\"type\":\"SPEC\",\"spec\":{\"documentationUrl\":\"https://d\","
                + "\"changelogUrl\":\"https://c\",\"connectionSpecification\":"),
        line);
    assertTrue(line.endsWith(",\"zeta\":{\"b\":1,\"a\":[1,2]},\"alpha\":[null,true]}}\n"), line);
  }

  @Test
  void numbersKeepTheMappersForm() {
    assertSame(
        "{\"connectionSpecification\":{\"properties\":{\"n\":{\"minimum\":0.0,\"maximum\":1.50,"
            + "\"default\":1e3,\"multipleOf\":1E-7,\"x\":-0.0,\"big\":123456789012345678901234567890,"
            + "\"long\":9007199254740993,\"int\":-5,\"exp\":2.5E+10}}}}");
  }

  @Test
  void stringsAreEscapedAsTheMapperEscapesThem() {
    assertSame(
        "{\"connectionSpecification\":{\"description\":\"caf\\u00e9 \u00e9 \\ud83d\\ude00 \u2028"
            + " tab\\t nl\\n quote\\\" back\\\\ slash\\/ ctl\\u0001 del\u007f\",\"\\u00e9t\u00e9\":\"x\"},"
            + "\"documentationUrl\":\"https://example.com/a?b=c&d=<e>\"}");
  }

  @Test
  void nestedNullsAndEmptyValuesAreKept() {
    assertSame(
        "{\"connectionSpecification\":{\"default\":null,\"a\":{},\"b\":[],\"c\":[{}],"
            + "\"d\":[[null]]},\"supported_destination_sync_modes\":[]}");
  }

  @Test
  void whitespaceOfAPrettyResourceIsDropped() {
    assertSame(
        "{\n  \"connectionSpecification\" : {\n    \"type\" : \"object\"\n  },\n"
            + "  \"supportsIncremental\" : false\n}\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"connectionSpecification\":{},\"documentationUrl\":null}",
        "{\"connectionSpecification\":{},\"unknown\":null}",
        "{\"connectionSpecification\":{},\"authSpecification\":null}",
        "{\"connectionSpecification\":{},\"documentationUrl\":\"a\",\"documentationUrl\":\"b\"}",
        "{\"connectionSpecification\":{\"a\":1,\"a\":2}}",
        "{\"connectionSpecification\":{\"p\":[{\"k\":1,\"k\":1}]}}",
        "{\"connectionSpecification\":{},\"supportsIncremental\":\"true\"}",
        "{\"connectionSpecification\":{},\"supportsIncremental\":1}",
        "{\"connectionSpecification\":{},\"documentationUrl\":5}",
        "{\"connectionSpecification\":{},\"authSpecification\":[]}",
        "{\"connectionSpecification\":{},\"supported_destination_sync_modes\":[\"upsert\"]}",
        "{\"connectionSpecification\":{},\"supported_destination_sync_modes\":\"append\"}",
        "{\"connectionSpecification\":{}} {}",
        "{\"connectionSpecification\":[]}",
        "{\"documentationUrl\":\"https://d\"}",
        "[]",
        "",
        "{\"connectionSpecification\":{",
      })
  void declinesWhatItCannotReproduce(String resource) {
    assertFalse(SpecLine.render(resource.getBytes(StandardCharsets.UTF_8)).isPresent(), resource);
  }

  /**
   * Not JSON, or JSON the mapper would write differently: the own reader declines, never guesses.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"connectionSpecification\":{\"n\":01}}",
        "{\"connectionSpecification\":{\"n\":1.}}",
        "{\"connectionSpecification\":{\"n\":.5}}",
        "{\"connectionSpecification\":{\"n\":+1}}",
        "{\"connectionSpecification\":{\"n\":NaN}}",
        "{\"connectionSpecification\":{\"s\":\"\\x\"}}",
        "{\"connectionSpecification\":{\"s\":\"\\u12\"}}",
        "{\"connectionSpecification\":{\"s\":\"raw\ttab\"}}",
        "{\"connectionSpecification\":{\"a\":[1,]}}",
        "{\"connectionSpecification\":{\"a\":1,}}",
        "{\"connectionSpecification\":{'a':1}}",
        "{\"connectionSpecification\":{\"a\":tru}}",
        "{\"connectionSpecification\":{/* c */}}",
        "{\"connectionSpecification\":{\"s\":\"unterminated}}",
      })
  void declinesWhatIsNotStrictJson(String resource) {
    assertThrows(RuntimeException.class, () -> full(resource), "the full CLI rejects it too");
    assertFalse(SpecLine.render(resource.getBytes(StandardCharsets.UTF_8)).isPresent(), resource);
  }

  @Test
  void surrogatesAndControlCharactersAreEscapedAsTheMapperEscapesThem() {
    assertSame(
        "{\"connectionSpecification\":{\"s\":\"\\ud83d alone \ud83d\ude00 raw \\u001f \\u007f\"}}");
  }

  @Test
  void declinesBytesThatAreNotUtf8() {
    byte[] resource =
        "{\"connectionSpecification\":{\"s\":\"caf?\"}}".getBytes(StandardCharsets.UTF_8);
    resource[resource.length - 5] = (byte) 0xE9; // latin-1 e acute
    assertFalse(SpecLine.render(resource).isPresent());
  }

  @Test
  void declinesAResourceTheFullCliRejects() {
    String bad =
        "{\"connectionSpecification\":{},\"supported_destination_sync_modes\":[\"upsert\"]}";
    assertThrows(
        IllegalStateException.class,
        () -> ConnectorSpec.parse("test", bad.getBytes(StandardCharsets.UTF_8)).specification());
    assertFalse(SpecLine.render(bad.getBytes(StandardCharsets.UTF_8)).isPresent());
  }

  @Test
  void aMissingResourceIsDeclined() {
    assertFalse(SpecLine.of(SpecLineTest.class, "/META-INF/c8kit/none/spec.json").isPresent());
  }

  @Test
  void onlyExactlySpecOrDashDashSpecIsTheFastPath() {
    assertTrue(SpecLine.requested(new String[] {"spec"}));
    assertTrue(SpecLine.requested(new String[] {"--spec"}));
    assertFalse(SpecLine.requested(new String[] {"spec", "--help"}));
    assertFalse(SpecLine.requested(new String[] {"check"}));
    assertFalse(SpecLine.requested(new String[] {}));
    assertFalse(SpecLine.requested(null));
  }

  @Test
  void theLineIsOneCompactLine() {
    byte[] line =
        SpecLine.render(
                "{\"connectionSpecification\":{\"type\":\"object\"}}"
                    .getBytes(StandardCharsets.UTF_8))
            .orElseThrow();
    assertArrayEquals(
        "{\"type\":\"SPEC\",\"spec\":{\"connectionSpecification\":{\"type\":\"object\"}}}\n"
            .getBytes(StandardCharsets.UTF_8),
        line);
  }
}
