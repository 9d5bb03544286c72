package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.arr;
import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.at;
import static io.c8kit.acceptance.support.Kit.goodSpec;
import static io.c8kit.acceptance.support.Kit.json;
import static io.c8kit.acceptance.support.Kit.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.support.Out;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecChecksTest {
  private static ObjectNode props(ObjectNode cs) {
    return at(cs, "properties");
  }

  @Test
  void goodSpecPassesEveryRule() {
    assertClean(SpecChecks.all(goodSpec()));
    assertClean(
        SpecChecks.configMatchSpec(
            goodSpec(),
            "{\"host\":\"h\",\"credentials\":{\"auth_type\":\"api_key\",\"api_key\":\"k\"},\"_comment\":42}"));
  }

  @Test
  void exactlyOneSpec() {
    assertClean(SpecChecks.exactlyOneSpec(Out.out().log("hi").spec(goodSpec()).ok()));
    assertMentions(
        assertFlags(
            Rules.SPEC_EXACTLY_ONE_SPEC,
            SpecChecks.exactlyOneSpec(Out.out().spec(goodSpec()).spec(goodSpec()).ok())),
        "got 2");
    assertFlags(
        Rules.SPEC_EXACTLY_ONE_SPEC, SpecChecks.exactlyOneSpec(Out.out().log("nothing").ok()));
    assertFlags(
        Rules.SPEC_EXACTLY_ONE_SPEC, SpecChecks.exactlyOneSpec(Out.out().spec(goodSpec()).exit(1)));
    assertFlags(
        Rules.SPEC_EXACTLY_ONE_SPEC,
        SpecChecks.exactlyOneSpec(Out.out().spec(json("{'documentationUrl':'x'}")).ok()));
  }

  @Test
  void validJsonSchema() {
    assertMentions(
        assertFlags(
            Rules.SPEC_VALID_JSON_SCHEMA,
            SpecChecks.validJsonSchema(
                spec(cs -> at(cs, "properties", "port").put("type", "int")))),
        "port");
    assertFlags(
        Rules.SPEC_VALID_JSON_SCHEMA,
        SpecChecks.validJsonSchema(spec(cs -> cs.put("required", "host"))));
    assertFlags(
        Rules.SPEC_VALID_JSON_SCHEMA,
        SpecChecks.validJsonSchema(
            spec(cs -> at(cs, "properties", "host").put("pattern", "[unclosed"))));
    assertFlags(
        Rules.SPEC_VALID_JSON_SCHEMA,
        SpecChecks.validJsonSchema(spec(cs -> cs.put("type", "array"))));
    assertFlags(
        Rules.SPEC_VALID_JSON_SCHEMA, SpecChecks.validJsonSchema(json("{'documentationUrl':'x'}")));
  }

  @Test
  void configMatchSpec() {
    List<Violation> v =
        assertFlags(
            Rules.SPEC_CONFIG_MATCH_SPEC,
            SpecChecks.configMatchSpec(
                goodSpec(),
                "{\"host\":\"h\",\"port\":\"not a number\",\"credentials\":{\"auth_type\":\"oauth\",\"client_id\":\"a\",\"client_secret\":\"b\"}}"));
    assertMentions(v, "port");
    assertFlags(
        Rules.SPEC_CONFIG_MATCH_SPEC, SpecChecks.configMatchSpec(goodSpec(), "{\"port\": 1}"));
    assertFlags(Rules.SPEC_CONFIG_MATCH_SPEC, SpecChecks.configMatchSpec(goodSpec(), "{not json"));
    assertFlags(Rules.SPEC_CONFIG_MATCH_SPEC, SpecChecks.configMatchSpec(goodSpec(), "[]"));
  }

  @Test
  void matchExpected() {
    assertClean(SpecChecks.matchExpected(goodSpec(), goodSpec()));
    assertClean(
        SpecChecks.matchExpected(
            goodSpec(), Out.out().spec(goodSpec()).ok().messages().get(0).json()));
    assertFlags(
        Rules.SPEC_MATCH_EXPECTED,
        SpecChecks.matchExpected(goodSpec(), spec(cs -> cs.put("title", "something else"))));
  }

  @Test
  void enumUsage() {
    assertMentions(
        assertFlags(
            Rules.SPEC_ENUM_USAGE,
            SpecChecks.enumUsage(
                spec(
                    cs ->
                        at(cs, "properties", "mode").set("enum", arr("['fast','safe','fast']"))))),
        "\"fast\"");
    assertFlags(
        Rules.SPEC_ENUM_USAGE,
        SpecChecks.enumUsage(
            spec(cs -> at(cs, "properties", "levels", "items").set("enum", arr("[1, 1.0]")))));
  }

  @Test
  void oneOfParentMustBeAnObject() {
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(spec(cs -> at(cs, "properties", "credentials").remove("type")))),
        "type: object");
  }

  @Test
  void oneOfOptionsNeedProperties() {
    assertFlags(
        Rules.SPEC_ONEOF_USAGE,
        SpecChecks.oneOfUsage(
            spec(
                cs ->
                    ((ObjectNode) at(cs, "properties", "credentials").withArray("oneOf").get(1))
                        .remove("properties"))));
  }

  @Test
  void oneOfOptionsNeedACommonProperty() {
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(
                spec(
                    cs ->
                        at(cs, "properties", "credentials")
                            .set(
                                "oneOf",
                                arr(
                                    "[{'type':'object','properties':{'a':{'type':'string','const':'x'}}},"
                                        + "{'type':'object','properties':{'b':{'type':'string','const':'y'}}}]"))))),
        "share");
  }

  @Test
  void oneOfNeedsExactlyOneConstDiscriminator() {
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(
                spec(
                    cs ->
                        ((ObjectNode)
                                at(cs, "properties", "credentials")
                                    .withArray("oneOf")
                                    .get(1)
                                    .get("properties")
                                    .get("auth_type"))
                            .remove("const")))),
        "exactly one");
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(
                spec(
                    cs ->
                        at(cs, "properties", "credentials")
                            .set(
                                "oneOf",
                                arr(
                                    "[{'type':'object','properties':{'a':{'const':'x'},'b':{'const':'1'}}},"
                                        + "{'type':'object','properties':{'a':{'const':'y'},'b':{'const':'2'}}}]"))))),
        "found 2");
  }

  @Test
  void oneOfDefaultAndEnumMustEqualTheConst() {
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(
                spec(
                    cs ->
                        ((ObjectNode)
                                at(cs, "properties", "credentials")
                                    .withArray("oneOf")
                                    .get(0)
                                    .get("properties")
                                    .get("auth_type"))
                            .put("default", "oauth")))),
        "default");
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(
                spec(
                    cs ->
                        ((ObjectNode)
                                at(cs, "properties", "credentials")
                                    .withArray("oneOf")
                                    .get(0)
                                    .get("properties")
                                    .get("auth_type"))
                            .set("enum", arr("['api_key','oauth']"))))),
        "enum");
  }

  @Test
  void oneOfConstsMustDiffer() {
    assertMentions(
        assertFlags(
            Rules.SPEC_ONEOF_USAGE,
            SpecChecks.oneOfUsage(
                spec(
                    cs ->
                        ((ObjectNode)
                                at(cs, "properties", "credentials")
                                    .withArray("oneOf")
                                    .get(1)
                                    .get("properties")
                                    .get("auth_type"))
                            .put("const", "api_key")))),
        "unique");
  }

  @Test
  void secretNamesMustBeMarked() {
    List<Violation> v =
        assertFlags(
            Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
            SpecChecks.secretIsProperlyMarked(
                spec(cs -> at(cs, "properties", "password").remove("airbyte_secret"))));
    assertMentions(v, "/properties/password");
    // nested inside a oneOf option (names match exactly: api_key is not on CAT's list)
    assertMentions(
        assertFlags(
            Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
            SpecChecks.secretIsProperlyMarked(
                spec(
                    cs ->
                        ((ObjectNode)
                                at(cs, "properties", "credentials")
                                    .withArray("oneOf")
                                    .get(1)
                                    .get("properties")
                                    .get("client_secret"))
                            .remove("airbyte_secret")))),
        "client_secret");
    assertClean(
        SpecChecks.secretIsProperlyMarked(
            spec(
                cs ->
                    ((ObjectNode)
                            at(cs, "properties", "credentials")
                                .withArray("oneOf")
                                .get(0)
                                .get("properties")
                                .get("api_key"))
                        .remove("airbyte_secret"))));
    // an array of secrets: the items carry the name
    assertFlags(
        Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
        SpecChecks.secretIsProperlyMarked(
            spec(
                cs ->
                    props(cs)
                        .set(
                            "credentials",
                            json(
                                "{'type':'array','items':{'type':'string'},'order':3,'group':'connection'}")))));
    assertFlags(
        Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
        SpecChecks.secretIsProperlyMarked(
            spec(cs -> props(cs).set("Token", json("{'type':'integer','order':9}")))));
    assertFlags(
        Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
        SpecChecks.secretIsProperlyMarked(
            spec(cs -> props(cs).set("key", json("{'type':['null','string'],'order':9}")))));
    // a truthy const is not a secret; a falsy const ("") still is
    assertClean(
        SpecChecks.secretIsProperlyMarked(
            spec(
                cs ->
                    props(cs).set("secret", json("{'type':'string','const':'fixed','order':9}")))));
    assertFlags(
        Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
        SpecChecks.secretIsProperlyMarked(
            spec(cs -> props(cs).set("secret", json("{'type':'string','const':'','order':9}")))));
  }

  @Test
  void onlyStringsAndNumbersMayBeSecret() {
    assertMentions(
        assertFlags(
            Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
            SpecChecks.secretIsProperlyMarked(
                spec(
                    cs ->
                        at(cs, "properties", "proxy", "properties", "enabled")
                            .put("airbyte_secret", true)))),
        "boolean");
    assertFlags(
        Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
        SpecChecks.secretIsProperlyMarked(
            spec(cs -> at(cs, "properties", "proxy").put("airbyte_secret", true))));
    assertFlags(
        Rules.SPEC_SECRET_IS_PROPERLY_MARKED,
        SpecChecks.secretIsProperlyMarked(
            spec(
                cs ->
                    props(cs)
                        .set(
                            "token",
                            json(
                                "{'type':'string','const':'abc','airbyte_secret':true,'order':9}")))));
  }

  @Test
  void propertyTypeIsNotArray() {
    assertFlags(
        Rules.SPEC_PROPERTY_TYPE_IS_NOT_ARRAY,
        SpecChecks.propertyTypeIsNotArray(
            spec(cs -> at(cs, "properties", "host").set("type", arr("['null','string']")))));
    assertFlags(
        Rules.SPEC_PROPERTY_TYPE_IS_NOT_ARRAY,
        SpecChecks.propertyTypeIsNotArray(
            spec(
                cs ->
                    at(cs, "properties", "host").set("type", arr("['string','integer','null']")))));
    assertFlags(
        Rules.SPEC_PROPERTY_TYPE_IS_NOT_ARRAY,
        SpecChecks.propertyTypeIsNotArray(
            spec(cs -> at(cs, "properties", "proxy", "properties", "url").set("type", arr("[]")))));
    assertClean(
        SpecChecks.propertyTypeIsNotArray(
            spec(cs -> at(cs, "properties", "host").set("type", arr("['string']")))));
  }

  @Test
  void objectNotEmpty() {
    assertFlags(
        Rules.SPEC_OBJECT_NOT_EMPTY,
        SpecChecks.objectNotEmpty(
            spec(cs -> props(cs).set("empty", json("{'type':'object','order':9}")))));
    assertFlags(
        Rules.SPEC_OBJECT_NOT_EMPTY,
        SpecChecks.objectNotEmpty(
            spec(
                cs ->
                    props(cs).set("empty", json("{'type':'object','properties':{},'order':9}")))));
    assertClean(SpecChecks.objectNotEmpty(json("{'connectionSpecification':{'type':'object'}}")));
  }

  @Test
  void arrayType() {
    assertFlags(
        Rules.SPEC_ARRAY_TYPE,
        SpecChecks.arrayType(
            spec(cs -> at(cs, "properties", "tags").set("items", json("{'type':'boolean'}")))));
    assertFlags(
        Rules.SPEC_ARRAY_TYPE,
        SpecChecks.arrayType(
            spec(
                cs ->
                    at(cs, "properties", "tags")
                        .set("items", arr("[{'type':'string'},{'type':'integer'}]")))));
    assertFlags(
        Rules.SPEC_ARRAY_TYPE,
        SpecChecks.arrayType(
            spec(
                cs ->
                    at(cs, "properties", "tags")
                        .set("items", json("{'type':['string','null']}")))));
  }

  @Test
  void forbiddenComplexTypes() {
    for (String kw : SpecChecks.FORBIDDEN_KEYWORDS) {
      List<Violation> v =
          assertFlags(
              Rules.SPEC_FORBIDDEN_COMPLEX_TYPES,
              SpecChecks.forbiddenComplexTypes(
                  spec(
                      cs ->
                          at(cs, "properties", "proxy", "properties", "url")
                              .set(kw, json("{'type':'string'}")))));
      assertMentions(v, "'" + kw + "'");
    }
    // a property merely named like a keyword is fine
    assertClean(
        SpecChecks.forbiddenComplexTypes(
            spec(cs -> props(cs).set("not", json("{'type':'string','order':9}")))));
  }

  @Test
  void duplicateOrder() {
    assertMentions(
        assertFlags(
            Rules.SPEC_DUPLICATE_ORDER,
            SpecChecks.duplicateOrder(spec(cs -> at(cs, "properties", "port").put("order", 0)))),
        "order 0 in group 'connection'");
    assertFlags(
        Rules.SPEC_DUPLICATE_ORDER,
        SpecChecks.duplicateOrder(
            spec(cs -> at(cs, "properties", "proxy", "properties", "token").put("order", 0))));
    // the same order in different groups is fine
    assertClean(SpecChecks.duplicateOrder(goodSpec()));
  }

  @Test
  void nestedGroup() {
    assertFlags(
        Rules.SPEC_NESTED_GROUP,
        SpecChecks.nestedGroup(
            spec(
                cs ->
                    at(cs, "properties", "proxy", "properties", "url").put("group", "advanced"))));
    assertFlags(
        Rules.SPEC_NESTED_GROUP,
        SpecChecks.nestedGroup(
            spec(
                cs ->
                    ((ObjectNode) at(cs, "properties", "credentials").withArray("oneOf").get(0))
                        .put("group", "connection"))));
    // a property named "group" is fine
    assertClean(
        SpecChecks.nestedGroup(
            spec(
                cs ->
                    at(cs, "properties", "proxy", "properties")
                        .set("group", json("{'type':'string','order':7}")))));
  }

  @Test
  void groupsDefined() {
    assertMentions(
        assertFlags(
            Rules.SPEC_GROUPS_DEFINED,
            SpecChecks.groupsDefined(
                spec(cs -> at(cs, "properties", "host").put("group", "elsewhere")))),
        "elsewhere");
    assertFlags(
        Rules.SPEC_GROUPS_DEFINED, SpecChecks.groupsDefined(spec(cs -> cs.remove("groups"))));
    assertFlags(
        Rules.SPEC_GROUPS_DEFINED,
        SpecChecks.groupsDefined(
            spec(cs -> cs.withArray("groups").add(json("{'id':'advanced','title':'Again'}")))));
    assertFlags(
        Rules.SPEC_GROUPS_DEFINED,
        SpecChecks.groupsDefined(
            spec(cs -> cs.withArray("groups").add(json("{'title':'No id'}")))));
  }

  @Test
  void displayType() {
    assertFlags(
        Rules.SPEC_DISPLAY_TYPE,
        SpecChecks.displayType(
            spec(cs -> at(cs, "properties", "mode").put("display_type", "dropdown"))));
    assertMentions(
        assertFlags(
            Rules.SPEC_DISPLAY_TYPE,
            SpecChecks.displayType(
                spec(cs -> at(cs, "properties", "credentials").put("display_type", "tabs")))),
        "tabs");
  }

  @Test
  void noRefs() {
    assertFlags(
        Rules.SPEC_DEFINED_REFS_EXIST_IN_JSON_SPEC_FILE,
        SpecChecks.noRefs(
            spec(
                cs -> {
                  cs.set("definitions", json("{'s':{'type':'string'}}"));
                  props(cs).set("alias", json("{'$ref':'#/definitions/s','order':9}"));
                })));
  }

  @Test
  void additionalPropertiesIsTrue() {
    assertFlags(
        Rules.SPEC_ADDITIONAL_PROPERTIES_IS_TRUE,
        SpecChecks.additionalPropertiesIsTrue(spec(cs -> cs.put("additionalProperties", false))));
    assertFlags(
        Rules.SPEC_ADDITIONAL_PROPERTIES_IS_TRUE,
        SpecChecks.additionalPropertiesIsTrue(
            spec(
                cs ->
                    at(cs, "properties", "proxy")
                        .set("additionalProperties", json("{'type':'string'}")))));
    assertFlags(
        Rules.SPEC_ADDITIONAL_PROPERTIES_IS_TRUE,
        SpecChecks.additionalPropertiesIsTrue(
            spec(
                cs ->
                    ((ObjectNode) at(cs, "properties", "credentials").withArray("oneOf").get(1))
                        .put("additionalProperties", false))));
  }

  @Test
  void violationsNameTheRuleAndTruncateEvidence() {
    String longValue = "x".repeat(2000);
    List<Violation> v =
        SpecChecks.secretIsProperlyMarked(
            spec(
                cs ->
                    props(cs)
                        .set(
                            "password",
                            json(
                                "{'type':'string','description':'"
                                    + longValue
                                    + "','order':2,'group':'connection'}"))));
    assertEquals(1, v.size());
    String text = v.get(0).toString();
    assertTrue(
        text.startsWith("[spec.secret_is_properly_marked] property /properties/password"), text);
    assertTrue(text.length() < 900, "evidence is truncated: " + text.length());
  }
}
