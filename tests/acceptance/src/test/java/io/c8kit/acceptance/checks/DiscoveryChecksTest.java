package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.arr;
import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.at;
import static io.c8kit.acceptance.support.Kit.catalog;
import static io.c8kit.acceptance.support.Kit.goodCatalog;
import static io.c8kit.acceptance.support.Kit.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.support.Out;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryChecksTest {
  @Test
  void goodCatalogPassesEveryRule() {
    assertClean(DiscoveryChecks.all(goodCatalog()));
    assertClean(DiscoveryChecks.discover(Out.out().log("discovering").catalog(goodCatalog()).ok()));
  }

  @Test
  void discover() {
    assertFlags(
        Rules.DISCOVERY_DISCOVER,
        DiscoveryChecks.discover(Out.out().catalog(goodCatalog()).catalog(goodCatalog()).ok()));
    assertFlags(Rules.DISCOVERY_DISCOVER, DiscoveryChecks.discover(Out.out().error("no").exit(1)));
    assertFlags(
        Rules.DISCOVERY_DISCOVER,
        DiscoveryChecks.discover(Out.out().catalog(json("{'streams':[]}")).ok()));
    assertFlags(
        Rules.DISCOVERY_DISCOVER,
        DiscoveryChecks.discover(Out.out().catalog(goodCatalog()).exit(1)));
    ObjectNode dup = goodCatalog();
    ((ObjectNode) dup.withArray("streams").get(1)).put("name", "users");
    List<Violation> v =
        assertFlags(
            Rules.DISCOVERY_DISCOVER, DiscoveryChecks.discover(Out.out().catalog(dup).ok()));
    assertMentions(v, "stream 'users'");
    // the same name in two namespaces is two streams
    ObjectNode namespaced = goodCatalog();
    ((ObjectNode) namespaced.withArray("streams").get(1))
        .put("name", "users")
        .put("namespace", "archive");
    assertClean(DiscoveryChecks.discover(Out.out().catalog(namespaced).ok()));
  }

  @Test
  void streamsHaveValidJsonSchemas() {
    assertFlags(
        Rules.DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS,
        DiscoveryChecks.streamsHaveValidJsonSchemas(
            catalog(s -> at(s, "json_schema", "properties", "id").put("type", "int"))));
    assertFlags(
        Rules.DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS,
        DiscoveryChecks.streamsHaveValidJsonSchemas(
            catalog(s -> at(s, "json_schema").remove("type"))));
    assertFlags(
        Rules.DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS,
        DiscoveryChecks.streamsHaveValidJsonSchemas(
            catalog(s -> at(s, "json_schema").remove("properties"))));
    assertFlags(
        Rules.DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS,
        DiscoveryChecks.streamsHaveValidJsonSchemas(catalog(s -> s.remove("json_schema"))));
  }

  @Test
  void definedCursorsExistInSchema() {
    assertMentions(
        assertFlags(
            Rules.DISCOVERY_DEFINED_CURSORS_EXIST_IN_SCHEMA,
            DiscoveryChecks.definedCursorsExistInSchema(
                catalog(s -> s.set("default_cursor_field", arr("['modified']"))))),
        "[modified]");
    assertFlags(
        Rules.DISCOVERY_DEFINED_CURSORS_EXIST_IN_SCHEMA,
        DiscoveryChecks.definedCursorsExistInSchema(
            catalog(s -> s.set("default_cursor_field", arr("['address','zip']")))));
    assertClean(
        DiscoveryChecks.definedCursorsExistInSchema(
            catalog(s -> s.set("default_cursor_field", arr("['address','city']")))));
  }

  @Test
  void definedRefsExistInSchema() {
    assertFlags(
        Rules.DISCOVERY_DEFINED_REFS_EXIST_IN_SCHEMA,
        DiscoveryChecks.definedRefsExistInSchema(
            catalog(
                s ->
                    at(s, "json_schema", "properties")
                        .set("ref", json("{'$ref':'#/definitions/x'}")))));
  }

  @Test
  void definedKeywordExistInSchema() {
    assertFlags(
        Rules.DISCOVERY_DEFINED_KEYWORD_EXIST_IN_SCHEMA,
        DiscoveryChecks.definedKeywordExistInSchema(
            catalog(
                s ->
                    at(s, "json_schema", "properties", "name")
                        .set("allOf", arr("[{'type':'string'}]")))));
    assertFlags(
        Rules.DISCOVERY_DEFINED_KEYWORD_EXIST_IN_SCHEMA,
        DiscoveryChecks.definedKeywordExistInSchema(
            catalog(
                s ->
                    at(s, "json_schema", "properties", "name")
                        .set("not", json("{'type':'integer'}")))));
    // fields called "not"/"allOf" are fine
    assertClean(
        DiscoveryChecks.definedKeywordExistInSchema(
            catalog(
                s -> at(s, "json_schema", "properties").set("not", json("{'type':'string'}")))));
  }

  @Test
  void primaryKeysExistInSchema() {
    assertFlags(
        Rules.DISCOVERY_PRIMARY_KEYS_EXIST_IN_SCHEMA,
        DiscoveryChecks.primaryKeysExistInSchema(
            catalog(s -> s.set("source_defined_primary_key", arr("[['id'],['tenant']]")))));
  }

  @Test
  void primaryKeysDataType() {
    assertFlags(
        Rules.DISCOVERY_PRIMARY_KEYS_DATA_TYPE,
        DiscoveryChecks.primaryKeysDataType(
            catalog(s -> s.set("source_defined_primary_key", arr("[['address']]")))));
    assertFlags(
        Rules.DISCOVERY_PRIMARY_KEYS_DATA_TYPE,
        DiscoveryChecks.primaryKeysDataType(
            catalog(s -> s.set("source_defined_primary_key", arr("[['tags']]")))));
  }

  @Test
  void streamsHasSyncModes() {
    assertFlags(
        Rules.DISCOVERY_STREAMS_HAS_SYNC_MODES,
        DiscoveryChecks.streamsHasSyncModes(
            catalog(s -> s.set("supported_sync_modes", arr("[]")))));
    assertFlags(
        Rules.DISCOVERY_STREAMS_HAS_SYNC_MODES,
        DiscoveryChecks.streamsHasSyncModes(catalog(s -> s.remove("supported_sync_modes"))));
  }

  @Test
  void additionalPropertiesIsTrue() {
    List<Violation> v =
        assertFlags(
            Rules.DISCOVERY_ADDITIONAL_PROPERTIES_IS_TRUE,
            DiscoveryChecks.additionalPropertiesIsTrue(
                catalog(
                    s ->
                        at(s, "json_schema", "properties", "address")
                            .put("additionalProperties", false))));
    assertEquals(StreamKey.of("users"), v.get(0).stream());
  }
}
