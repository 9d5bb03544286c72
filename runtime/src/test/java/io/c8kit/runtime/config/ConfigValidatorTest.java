package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each keyword of the validator's vocabulary, alone and nested, with the exact message it gives.
 */
class ConfigValidatorTest {
  private static JsonNode json(String s) throws Exception {
    return Protocol.mapper().readTree(s);
  }

  private static List<String> problems(String schema, String config) throws Exception {
    return new ConfigValidator(json(schema)).validate(json(config));
  }

  private static String property(String schema) {
    return "{\"type\":\"object\",\"properties\":{\"p\":" + schema + "}}";
  }

  private static void assertProblem(String schema, String value, String expected) throws Exception {
    assertEquals(
        List.of(expected),
        problems(property(schema), "{\"p\":" + value + "}"),
        schema + " with " + value);
  }

  private static void assertValid(String schema, String value) throws Exception {
    assertEquals(
        List.of(), problems(property(schema), "{\"p\":" + value + "}"), schema + " with " + value);
  }

  @Test
  void typesIncludingUnionsAndWholeNumbersAsIntegers() throws Exception {
    assertProblem("{\"type\":\"integer\"}", "\"5\"", "$.p: string found, integer expected");
    assertProblem("{\"type\":\"integer\"}", "1.5", "$.p: number found, integer expected");
    assertValid("{\"type\":\"integer\"}", "5.0");
    assertValid("{\"type\":\"integer\"}", "1e30");
    assertProblem("{\"type\":\"string\"}", "true", "$.p: boolean found, string expected");
    assertProblem("{\"type\":\"boolean\"}", "null", "$.p: null found, boolean expected");
    assertProblem("{\"type\":\"object\"}", "[]", "$.p: array found, object expected");
    assertProblem("{\"type\":\"array\"}", "{}", "$.p: object found, array expected");
    assertProblem(
        "{\"type\":[\"number\",\"null\"]}", "\"x\"", "$.p: string found, [number, null] expected");
    assertValid("{\"type\":[\"number\",\"null\"]}", "null");
    assertValid("{\"type\":\"number\"}", "7");
  }

  @Test
  void requiredAndAdditionalPropertiesNameTheProperty() throws Exception {
    String schema =
        "{\"type\":\"object\",\"required\":[\"a\",\"b c\"],\"additionalProperties\":false,"
            + "\"properties\":{\"a\":{\"type\":\"string\"},\"b c\":{\"type\":\"string\"}}}";
    assertEquals(
        List.of(
            "$.a: is required",
            "$.x: is not allowed (the spec allows no additional properties)",
            "$['b c']: is required"),
        problems(schema, "{\"x\":1}"));
    String typed = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}";
    assertEquals(List.of("$.k: string found, integer expected"), problems(typed, "{\"k\":\"v\"}"));
    assertEquals(
        List.of(), problems("{\"type\":\"object\",\"additionalProperties\":true}", "{\"k\":1}"));
  }

  @Test
  void nestedObjectsAndArraysGiveThePathOfTheValue() throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"outer\":{\"type\":\"object\",\"required\":[\"n\"],"
            + "\"properties\":{\"n\":{\"type\":\"integer\"},\"list\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
            + "\"properties\":{\"port\":{\"type\":\"integer\",\"maximum\":65535}}}}}}}}";
    assertEquals(
        List.of(
            "$.outer.list[1].port: must have a maximum value of 65535", "$.outer.n: is required"),
        problems(schema, "{\"outer\":{\"list\":[{\"port\":1},{\"port\":70000}]}}"));
    String tuple =
        property("{\"type\":\"array\",\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}");
    assertEquals(
        List.of("$.p[1]: string found, integer expected"),
        problems(tuple, "{\"p\":[\"a\",\"b\",3]}"));
  }

  @Test
  void numberBoundsAreExact() throws Exception {
    assertProblem(
        "{\"type\":\"integer\",\"minimum\":0}", "-1", "$.p: must have a minimum value of 0");
    assertProblem(
        "{\"type\":\"integer\",\"maximum\":9223372036854775807}",
        "9223372036854775808",
        "$.p: must have a maximum value of 9223372036854775807");
    assertProblem(
        "{\"type\":\"integer\",\"maximum\":9223372036854775807}",
        "1e19",
        "$.p: must have a maximum value of 9223372036854775807");
    assertValid("{\"type\":\"integer\",\"maximum\":9223372036854775807}", "9223372036854775807");
    assertProblem(
        "{\"exclusiveMinimum\":0}", "0", "$.p: must have an exclusive minimum value of 0");
    assertProblem(
        "{\"exclusiveMaximum\":1.5}", "1.5", "$.p: must have an exclusive maximum value of 1.5");
    assertValid("{\"exclusiveMaximum\":1.5}", "1.4999");
    assertProblem("{\"multipleOf\":0.5}", "1.25", "$.p: must be multiple of 0.5");
    assertValid("{\"multipleOf\":0.5}", "2.5");
    assertValid("{\"type\":\"string\",\"minimum\":5}", "\"3\""); // bounds apply to numbers only
  }

  @Test
  void stringLengthPatternAndFormats() throws Exception {
    assertProblem("{\"minLength\":3}", "\"ab\"", "$.p: must be at least 3 characters long");
    assertProblem("{\"maxLength\":2}", "\"abc\"", "$.p: must be at most 2 characters long");
    assertValid("{\"maxLength\":2}", "\"\uD83D\uDE00\uD83D\uDE00\""); // code points, not chars
    assertProblem(
        "{\"pattern\":\"^[a-z]+$\"}", "\"AB\"", "$.p: does not match the regex pattern ^[a-z]+$");
    assertValid("{\"pattern\":\"[0-9]\"}", "\"ab1\""); // draft-07: found anywhere, not a full match
    assertProblem(
        "{\"format\":\"date-time\"}", "\"yesterday\"", "$.p: is not a valid RFC 3339 date-time");
    assertProblem(
        "{\"format\":\"date-time\"}",
        "\"2024-02-30T00:00:00Z\"",
        "$.p: is not a valid RFC 3339 date-time");
    assertProblem(
        "{\"format\":\"date-time\"}",
        "\"2024-01-01T00:00:00\"",
        "$.p: is not a valid RFC 3339 date-time");
    assertValid("{\"format\":\"date-time\"}", "\"2024-02-29T23:59:60.123+05:30\"");
    assertValid("{\"format\":\"date-time\"}", "\"2024-01-01t00:00:00z\"");
    assertProblem(
        "{\"format\":\"date\"}", "\"2023-02-29\"", "$.p: is not a valid RFC 3339 full-date");
    assertValid("{\"format\":\"date\"}", "\"2000-02-29\"");
    assertProblem("{\"format\":\"time\"}", "\"24:00:00Z\"", "$.p: is not a valid RFC 3339 time");
    assertValid("{\"format\":\"time\"}", "\"12:30:00-08:00\"");
    assertProblem("{\"format\":\"uri\"}", "\"no scheme\"", "$.p: is not a valid absolute URI");
    assertValid("{\"format\":\"uri\"}", "\"https://example.com/a?b=c\"");
    assertProblem("{\"format\":\"email\"}", "\"nobody\"", "$.p: is not a valid e-mail address");
    assertProblem("{\"format\":\"uuid\"}", "\"123\"", "$.p: is not a valid UUID");
    assertProblem("{\"format\":\"ipv4\"}", "\"256.1.1.1\"", "$.p: is not a valid IPv4 address");
    assertProblem("{\"format\":\"hostname\"}", "\"-bad-\"", "$.p: is not a valid host name");
    assertValid("{\"format\":\"x-unknown\"}", "\"anything\""); // unknown formats annotate only
    assertValid("{\"format\":\"date-time\"}", "5"); // formats apply to strings only
  }

  @Test
  void arraysEnumsAndConstants() throws Exception {
    assertProblem(
        "{\"uniqueItems\":true}", "[1,2,1.0]", "$.p: must have only unique items in the array");
    assertValid("{\"uniqueItems\":true}", "[1,2,3]");
    assertProblem("{\"minItems\":2}", "[1]", "$.p: must have at least 2 items but found 1");
    assertProblem("{\"maxItems\":1}", "[1,2]", "$.p: must have at most 1 items but found 2");
    assertProblem(
        "{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}",
        "\"c\"",
        "$.p: does not have a value in the enumeration [a, b]");
    assertProblem("{\"const\":\"key\"}", "\"other\"", "$.p: must be the constant value 'key'");
    assertValid("{\"const\":1}", "1.0");
    assertProblem("{\"minProperties\":1}", "{}", "$.p: must have at least 1 properties");
    assertProblem(
        "{\"maxProperties\":1}", "{\"a\":1,\"b\":2}", "$.p: must have at most 1 properties");
  }

  @Test
  void combinatorsReportTheSelectedOptionOrEveryOption() throws Exception {
    String oneOf =
        property(
            "{\"type\":\"object\",\"oneOf\":["
                + "{\"type\":\"object\",\"required\":[\"mode\",\"key\"],\"properties\":{\"mode\":{\"const\":\"key\"},"
                + "\"key\":{\"type\":\"string\"}}},"
                + "{\"type\":\"object\",\"required\":[\"mode\"],\"properties\":{\"mode\":{\"const\":\"none\"}}}]}");
    assertEquals(List.of("$.p.key: is required"), problems(oneOf, "{\"p\":{\"mode\":\"key\"}}"));
    assertEquals(List.of(), problems(oneOf, "{\"p\":{\"mode\":\"none\"}}"));
    assertEquals(
        List.of(
            "$.p: must be valid to one and only one schema, but 0 are valid",
            "$.p.key: is required",
            "$.p.mode: must be the constant value 'key'",
            "$.p.mode: must be the constant value 'none'"),
        problems(oneOf, "{\"p\":{\"mode\":\"x\"}}"));
    String both = property("{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"number\"}]}");
    assertEquals(
        List.of("$.p: must be valid to one and only one schema, but 2 are valid"),
        problems(both, "{\"p\":1}"));
    String anyOf = property("{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"boolean\"}]}");
    assertEquals(List.of(), problems(anyOf, "{\"p\":true}"));
    assertEquals(
        List.of(
            "$.p: must be valid to at least one of the schemas, but none is",
            "$.p: string found, boolean expected",
            "$.p: string found, integer expected"),
        problems(anyOf, "{\"p\":\"x\"}"));
    String allOf = property("{\"allOf\":[{\"minimum\":1},{\"maximum\":3}]}");
    assertEquals(List.of("$.p: must have a maximum value of 3"), problems(allOf, "{\"p\":4}"));
  }

  @Test
  void messagesNeverQuoteTheValue() throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"password\":{\"type\":\"integer\",\"airbyte_secret\":true},"
            + "\"token\":{\"type\":\"string\",\"pattern\":\"^t-\",\"format\":\"uuid\",\"maxLength\":3,"
            + "\"enum\":[\"t-1\"],\"airbyte_secret\":true}}}";
    List<String> found =
        problems(schema, "{\"password\":\"hunter2-secret\",\"token\":\"s3cr3t-value\"}");
    assertEquals(5, found.size(), found::toString);
    for (String line : found) {
      assertFalse(line.contains("hunter2") || line.contains("s3cr3t"), line);
    }
  }

  @Test
  void unsupportedKeywordsAndBadPatternsAreRejectedWhenTheValidatorIsBuilt() throws Exception {
    for (String keyword : List.of("$ref", "not", "if", "patternProperties", "dependencies")) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> new ConfigValidator(json(property("{\"" + keyword + "\":{}}"))));
      assertTrue(e.getMessage().contains("'" + keyword + "' at $.properties.p"), e.getMessage());
    }
    assertThrows(
        IllegalStateException.class,
        () -> new ConfigValidator(json(property("{\"pattern\":\"[a-\"}"))));
    // annotations, Airbyte's UI keywords and unknown keywords do not constrain
    assertEquals(
        List.of(),
        problems(
            property(
                "{\"title\":\"T\",\"order\":1,\"airbyte_secret\":true,"
                    + "\"x-vendor\":{\"type\":\"integer\"}}"),
            "{\"p\":\"s\"}"));
  }
}
