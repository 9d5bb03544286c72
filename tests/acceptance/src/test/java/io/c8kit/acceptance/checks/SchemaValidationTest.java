package io.c8kit.acceptance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.support.Kit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {
  @Test
  void networkntAloneWouldAcceptOneDotZeroAsAnInteger() {
    // the reason the kit has its own strict type keyword
    assertTrue(
        SchemaValidation.configValidator(Kit.json("{'type':'integer'}"))
            .validate(Json.parse("1.0"))
            .isEmpty());
    assertFalse(
        SchemaValidation.recordValidator(Kit.json("{'type':'integer'}"))
            .validate(Json.parse("1.0"))
            .isEmpty());
  }

  @Test
  void strictIntegersEverywhere() {
    SchemaValidation.Validator v =
        SchemaValidation.recordValidator(
            Kit.json(
                "{'type':'object','properties':{'a':{'type':['null','integer']},'b':{'type':'array','items':{'type':'integer'}},"
                    + "'c':{'oneOf':[{'type':'integer'},{'type':'string'}]},'n':{'type':'number'}}}"));
    assertTrue(v.validate(Json.parse("{\"a\":1,\"b\":[1,2],\"c\":3,\"n\":1.5}")).isEmpty());
    assertTrue(v.validate(Json.parse("{\"a\":null,\"n\":2}")).isEmpty());
    assertEquals(1, v.validate(Json.parse("{\"a\":1.0}")).size());
    assertFalse(v.validate(Json.parse("{\"b\":[1,2.0]}")).isEmpty());
    assertFalse(v.validate(Json.parse("{\"c\":3.0}")).isEmpty());
    assertTrue(v.validate(Json.parse("{\"a\":123456789012345678901234567890}")).isEmpty());
  }

  @Test
  void onlyDateTimeFormatIsAsserted() {
    SchemaValidation.Validator v =
        SchemaValidation.recordValidator(
            Kit.json(
                "{'type':'object','properties':{'d':{'type':['null','string'],'format':'date-time'},"
                    + "'e':{'type':'string','format':'email'}}}"));
    assertTrue(
        v.validate(Json.parse("{\"d\":\"2024-01-01 10:00:00\",\"e\":\"not an email\"}")).isEmpty());
    assertTrue(v.validate(Json.parse("{\"d\":null}")).isEmpty());
    assertFalse(v.validate(Json.parse("{\"d\":\"01/01/2024\"}")).isEmpty());
  }

  @Test
  void metaValidation() {
    assertTrue(
        SchemaValidation.metaValidate(
                Kit.json("{'type':'object','properties':{'a':{'type':'string'}}}"))
            .isEmpty());
    assertFalse(SchemaValidation.metaValidate(Kit.json("{'type':'objekt'}")).isEmpty());
    assertFalse(
        SchemaValidation.metaValidate(Kit.json("{'properties':{'a':{'minimum':'one'}}}"))
            .isEmpty());
    assertFalse(
        SchemaValidation.metaValidate(Kit.json("{'type':'string','pattern':'('}")).isEmpty());
    assertFalse(SchemaValidation.metaValidate(Json.parse("[]")).isEmpty());
  }

  @Test
  void catDateTimes() {
    for (String ok :
        List.of(
            "2024-01-01T00:00:00Z",
            "2024-1-2T3:4:5",
            "2024-01-01 10:00:00.123456+02:00",
            "2021-03-12T17:56:44+00:00",
            "2024-01-01T00:00:00.5-0530",
            "2024-02-29T23:59:60Z")) {
      assertTrue(DateTimes.isValidDateTime(ok), ok);
    }
    for (String bad :
        List.of(
            "2024-01-01",
            "yesterday",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00 nonsense",
            "01-01-2024T00:00:00")) {
      assertFalse(DateTimes.isValidDateTime(bad), bad);
    }
  }

  @Test
  void canonicalInstants() {
    assertEquals("2024-01-01T00:00:00Z", DateTimes.canonicalInstant("2024-01-01 02:00:00+02:00"));
    assertEquals("2024-01-01T00:00:00Z", DateTimes.canonicalInstant("2024-01-01T00:00:00.000000"));
    assertEquals(
        "2024-01-03T00:00:00.123Z", DateTimes.canonicalInstant("2024-01-03T00:00:00.123Z"));
    assertNull(DateTimes.canonicalInstant("plain text"));
  }
}
