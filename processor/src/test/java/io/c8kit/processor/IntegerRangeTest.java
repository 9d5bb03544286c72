package io.c8kit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import io.c8kit.ConfigException;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.config.ConfigPreparer;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Integer config properties never wrap: the spec carries each Java integer type's range (narrowed
 * by the author's bounds) at every position — top level, boxed, Optional, list and set elements,
 * nested records, oneOf options — so the validator names the exact field, and the generated binder
 * refuses an out-of-range value again by its Java type.
 */
class IntegerRangeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode spec;
  private static ConfigBinder<?> binder;

  @BeforeAll
  static void compile() throws Exception {
    Compilation c = Compilations.compile(Compilations.resource("good/ranges/RangesSource.java"));
    assertThat(c).succeededWithoutWarnings();
    String text =
        c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/c8kit/source-ranges/spec.json")
            .orElseThrow()
            .getCharContent(false)
            .toString();
    spec = JSON.readTree(text);
    ClassLoader loader = new GeneratedClasses(c);
    java.lang.reflect.Constructor<?> constructor =
        loader.loadClass("com.example.ranges.RangesSource_ConfigBinder").getDeclaredConstructor();
    constructor.setAccessible(true); // package-private, as generated
    binder = (ConfigBinder<?>) constructor.newInstance();
  }

  private static JsonNode property(String path) {
    JsonNode node = spec.path("connectionSpecification");
    for (String step : path.split("/")) {
      node =
          step.matches("\\d+")
              ? node.path("oneOf").path(Integer.parseInt(step))
              : step.equals("items") ? node.path("items") : node.path("properties").path(step);
    }
    assertTrue(node.isObject(), path + " in " + spec);
    return node;
  }

  private static void assertRange(String path, String min, String max) {
    JsonNode p = property(path);
    assertEquals("integer", p.path("type").asText(), path);
    assertEquals(min, p.path("minimum").asText(), path + " minimum");
    assertEquals(max, p.path("maximum").asText(), path + " maximum");
  }

  @Test
  void specCarriesTheJavaRangeEverywhere() {
    String intMin = "-2147483648";
    String intMax = "2147483647";
    String longMin = "-9223372036854775808";
    String longMax = "9223372036854775807";
    assertRange("count", intMin, intMax);
    assertRange("seed", longMin, longMax);
    assertRange("small", "-32768", "32767");
    assertRange("tiny", "-128", "127");
    assertRange("boxed_int", intMin, intMax);
    assertRange("boxed_long", longMin, longMax);
    assertRange("boxed_short", "-32768", "32767");
    assertRange("boxed_byte", "-128", "127");
    assertRange("port", "0", "65535");
    assertRange("narrowed", "-32768", "1000");
    assertRange("maybe", intMin, intMax);
    assertRange("ints/items", intMin, intMax);
    assertRange("bytes/items", "-128", "127");
    assertRange("shorts/items", "-32768", "32767");
    assertRange("inner/count", intMin, intMax);
    assertRange("inner/boxed_count", intMin, intMax);
    assertRange("inner/big", "-5", "1000000000000");
    assertRange("inners/items/count", intMin, intMax);
    assertRange("mode/0/burst", "-32768", "32767");
    assertRange("mode/0/level", "-128", "127");
    assertRange("mode/1/delay", longMin, longMax);
  }

  private static final String VALID =
      "{\"count\":1,\"seed\":2,\"small\":3,\"tiny\":4,\"boxed_int\":5,"
          + "\"boxed_long\":6,\"boxed_short\":7,\"boxed_byte\":8,\"narrowed\":9,\"ints\":[1],\"bytes\":[1],"
          + "\"shorts\":[1],\"inners\":[],\"mode\":{\"kind\":\"slow\",\"delay\":1}}";

  /** The config after {@code change} (a JSON object merged into VALID, one level deep). */
  private static ObjectNode config(String change) throws IOException {
    ObjectNode config = (ObjectNode) JSON.readTree(VALID);
    config.setAll((ObjectNode) JSON.readTree(change));
    return config;
  }

  @Test
  void validatorNamesTheExactField() throws Exception {
    ConnectorSpec connectorSpec = ConnectorSpec.parse("/spec.json", JSON.writeValueAsBytes(spec));
    String[][] cases = {
      {"{\"count\":4294967301}", "$.count"},
      {"{\"count\":1e30}", "$.count"},
      {"{\"count\":1.5}", "$.count"},
      {"{\"seed\":9223372036854775808}", "$.seed"},
      {"{\"seed\":1e19}", "$.seed"},
      {"{\"small\":32768}", "$.small"},
      {"{\"tiny\":-129}", "$.tiny"},
      {"{\"boxed_int\":2147483648}", "$.boxed_int"},
      {"{\"boxed_long\":-1e19}", "$.boxed_long"},
      {"{\"boxed_short\":-32769}", "$.boxed_short"},
      {"{\"boxed_byte\":200}", "$.boxed_byte"},
      {"{\"port\":65536}", "$.port"},
      {"{\"narrowed\":1001}", "$.narrowed"},
      {"{\"maybe\":4294967301}", "$.maybe"},
      {"{\"ints\":[1,4294967301]}", "$.ints[1]"},
      {"{\"bytes\":[1,128]}", "$.bytes[1]"},
      {"{\"shorts\":[2,40000]}", "$.shorts[1]"},
      {"{\"inner\":{\"count\":4294967301,\"boxed_count\":1,\"big\":1}}", "$.inner.count"},
      {"{\"inner\":{\"count\":1,\"boxed_count\":1e10,\"big\":1}}", "$.inner.boxed_count"},
      {"{\"inner\":{\"count\":1,\"boxed_count\":1,\"big\":1000000000001}}", "$.inner.big"},
      {"{\"inners\":[{\"count\":1,\"boxed_count\":1,\"big\":-6}]}", "$.inners[0].big"},
      {"{\"mode\":{\"kind\":\"fast\",\"burst\":70000}}", "$.mode.burst"},
      {"{\"mode\":{\"kind\":\"fast\",\"burst\":1,\"level\":300}}", "$.mode.level"},
      {"{\"mode\":{\"kind\":\"slow\",\"delay\":1e19}}", "$.mode.delay"},
    };
    for (String[] c : cases) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> ConfigPreparer.prepare(connectorSpec, config(c[0]), new SecretMasker()),
              c[0]);
      assertTrue(
          e.getMessage().startsWith("Config is invalid: " + c[1] + ": "),
          () -> c[0] + " -> " + e.getMessage());
      assertTrue(
          !e.getMessage().contains(";"), () -> c[0] + " reports one problem: " + e.getMessage());
    }
    ObjectNode ok =
        ConfigPreparer.prepare(
            connectorSpec,
            config("{\"count\":2147483647,\"seed\":-9223372036854775808," + "\"tiny\":-128.0}"),
            new SecretMasker());
    Object bound = binder.bind(ok);
    assertTrue(
        bound
            .toString()
            .contains("count=2147483647, seed=-9223372036854775808, small=3, tiny=-128"),
        bound::toString);
  }

  @Test
  void generatedBinderRefusesWhatItCouldOnlyWrap() throws Exception {
    String[][] cases = {
      {"{\"count\":4294967301}", "count: 4294967301 is out of range for int"},
      {"{\"seed\":1e19}", "seed: 1.0E19 is out of range for long"},
      {"{\"small\":32768}", "small: 32768 is out of range for short"},
      {"{\"tiny\":1.5}", "tiny: 1.5 is not a whole number for byte"},
      {"{\"boxed_short\":40000}", "boxed_short: 40000 is out of range for short"},
      {"{\"boxed_byte\":-129}", "boxed_byte: -129 is out of range for byte"},
      {"{\"maybe\":4294967301}", "4294967301 is out of range for int"},
      {"{\"bytes\":[300]}", "300 is out of range for byte"},
      {"{\"shorts\":[40000]}", "40000 is out of range for short"},
      {"{\"inner\":{\"count\":4294967301,\"big\":1}}", "count: 4294967301 is out of range for int"},
      {"{\"mode\":{\"kind\":\"fast\",\"burst\":70000}}", "burst: 70000 is out of range for short"},
      {"{\"mode\":{\"kind\":\"fast\",\"burst\":1,\"level\":300}}", "300 is out of range for byte"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> binder.bind(config(c[0])), c[0]);
      assertTrue(e.getMessage().contains(c[1]), () -> c[0] + " -> " + e.getMessage());
    }
  }
}
