package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.arr;
import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.at;
import static io.c8kit.acceptance.support.Kit.catalog;
import static io.c8kit.acceptance.support.Kit.goodCatalog;
import static io.c8kit.acceptance.support.Kit.goodSpec;
import static io.c8kit.acceptance.support.Kit.json;
import static io.c8kit.acceptance.support.Kit.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BackwardCompatibilityTest {
  @Test
  void compatibleSpecChangesPass() {
    assertClean(BackwardCompatibility.spec(goodSpec(), goodSpec()));
    // new optional property, widened type, extra enum value, removed requirement
    assertClean(
        BackwardCompatibility.spec(
            goodSpec(),
            spec(
                cs -> {
                  at(cs, "properties").set("extra", json("{'type':'string','order':9}"));
                  at(cs, "properties", "port").set("type", arr("['integer','null']"));
                  at(cs, "properties", "mode").set("enum", arr("['fast','safe','turbo']"));
                  cs.set("required", arr("['host']"));
                })));
  }

  @Test
  void specNewRequiredProperty() {
    assertMentions(
        assertFlags(
            Rules.SPEC_BACKWARD_COMPATIBILITY,
            BackwardCompatibility.spec(
                goodSpec(), spec(cs -> cs.set("required", arr("['host','credentials','port']"))))),
        "port");
    assertFlags(
        Rules.SPEC_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.spec(
            goodSpec(), spec(cs -> at(cs, "properties", "proxy").set("required", arr("['url']")))));
  }

  @Test
  void specChangedType() {
    assertFlags(
        Rules.SPEC_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.spec(
            goodSpec(), spec(cs -> at(cs, "properties", "port").put("type", "string"))));
    assertFlags(
        Rules.SPEC_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.spec(
            goodSpec(),
            spec(cs -> at(cs, "properties", "port").set("type", arr("['string','null']")))));
  }

  @Test
  void specRemovedNull() {
    ObjectNode previous =
        spec(cs -> at(cs, "properties", "host").set("type", arr("['string','null']")));
    assertMentions(
        assertFlags(
            Rules.SPEC_BACKWARD_COMPATIBILITY, BackwardCompatibility.spec(previous, goodSpec())),
        "null");
  }

  @Test
  void specNarrowedEnum() {
    assertFlags(
        Rules.SPEC_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.spec(
            goodSpec(), spec(cs -> at(cs, "properties", "mode").set("enum", arr("['safe']")))));
    assertFlags(
        Rules.SPEC_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.spec(
            goodSpec(), spec(cs -> at(cs, "properties", "host").set("enum", arr("['a','b']")))));
  }

  @Test
  void compatibleCatalogChangesPass() {
    assertClean(BackwardCompatibility.catalog(goodCatalog(), goodCatalog()));
    assertClean(
        BackwardCompatibility.catalog(
            goodCatalog(),
            catalog(
                s -> {
                  at(s, "json_schema", "properties", "id").set("type", arr("['integer','null']"));
                  at(s, "json_schema", "properties").set("new_field", json("{'type':'string'}"));
                })));
  }

  @Test
  void catalogBreakingChanges() {
    ObjectNode removedStream = goodCatalog();
    removedStream.withArray("streams").remove(1);
    assertMentions(
        assertFlags(
            Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
            BackwardCompatibility.catalog(goodCatalog(), removedStream)),
        "orders");
    assertFlags(
        Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.catalog(
            goodCatalog(), catalog(s -> at(s, "json_schema", "properties").remove("score"))));
    assertFlags(
        Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.catalog(
            goodCatalog(),
            catalog(s -> at(s, "json_schema", "properties", "id").put("type", "string"))));
    assertFlags(
        Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.catalog(
            goodCatalog(),
            catalog(s -> at(s, "json_schema", "properties", "name").put("type", "string"))));
    assertFlags(
        Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.catalog(
            goodCatalog(),
            catalog(s -> at(s, "json_schema", "properties", "updated_at").put("format", "date"))));
    assertFlags(
        Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
        BackwardCompatibility.catalog(
            goodCatalog(), catalog(s -> s.set("default_cursor_field", arr("['id']")))));
  }
}
