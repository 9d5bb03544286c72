package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.ProtocolSamples;
import org.junit.jupiter.api.Test;

/**
 * {@link CatalogReader} binds what the mapper's bean binding bound, and names the path and place of
 * a value that does not fit.
 */
class CatalogReaderTest {
  private static ConfiguredAirbyteCatalog read(String json) throws Exception {
    try (JsonParser p = Protocol.factory().createParser(json)) {
      return CatalogReader.read(p);
    }
  }

  private static void assertBindsAsTheMapper(String json) throws Exception {
    ConfiguredAirbyteCatalog expected =
        Protocol.mapper().readValue(json, ConfiguredAirbyteCatalog.class);
    assertEquals(
        Protocol.mapper().writeValueAsString(expected),
        Protocol.mapper().writeValueAsString(read(json)),
        json);
  }

  private static String invalid(String json) {
    CatalogReader.Invalid e = assertThrows(CatalogReader.Invalid.class, () -> read(json));
    return e.getMessage()
        + " at "
        + e.path
        + " (line "
        + e.location.getLineNr()
        + ", column "
        + e.location.getColumnNr()
        + ")";
  }

  @Test
  void bindsEveryFieldAsTheMapper() throws Exception {
    assertBindsAsTheMapper(
        "{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":{\"type\":\"object\","
            + "\"properties\":{\"n\":{\"type\":\"number\",\"maximum\":1.50}}},"
            + "\"supported_sync_modes\":[\"full_refresh\",\"incremental\",null],"
            + "\"source_defined_cursor\":true,\"default_cursor_field\":[\"updated\",null],"
            + "\"source_defined_primary_key\":[[\"id\"],[],null],\"namespace\":\"public\","
            + "\"is_resumable\":false,\"is_file_based\":\"true\",\"x_stream\":{\"a\":[1]}},"
            + "\"sync_mode\":\"incremental\",\"cursor_field\":[\"updated\"],"
            + "\"destination_sync_mode\":\"append_dedup\",\"destination_object_name\":\"t\","
            + "\"primary_key\":[[\"id\"]],\"generation_id\":1,\"minimum_generation_id\":\"0\","
            + "\"sync_id\":9007199254740993,\"include_files\":false,\"x_configured\":null},"
            + "null,{\"stream\":null,\"sync_mode\":null,\"cursor_field\":null,"
            + "\"primary_key\":null,\"generation_id\":null}],"
            + "\"x_catalog\":\"kept\"}");
    assertBindsAsTheMapper("{}");
    assertBindsAsTheMapper("{\"streams\":null}");
    assertBindsAsTheMapper("{\"streams\":[{\"stream\":{\"name\":\"a\",\"name\":\"b\"}}]}");
    assertBindsAsTheMapper(
        "{\"streams\":[{\"stream\":{\"name\":7,\"namespace\":true,\"json_schema\":null}}]}");
  }

  @Test
  void nothingOrNullIsNoCatalog() throws Exception {
    assertNull(read(""));
    assertNull(read(" null "));
  }

  @Test
  void aValueThatDoesNotFitNamesItsPathAndPlace() {
    assertEquals(
        "unknown sync_mode \"INVALID\"; expected one of full_refresh, incremental"
            + " at $.streams[0].sync_mode (line 2, column 13)",
        invalid("{\"streams\":[{\"stream\":{\"name\":\"a\"},\n\"sync_mode\":\"INVALID\"}]}"));
    assertEquals(
        "unknown destination_sync_mode \"nope\"; expected one of append, overwrite,"
            + " append_dedup, update, soft_delete at $.streams[1].destination_sync_mode"
            + " (line 1, column 41)",
        invalid("{\"streams\":[{},{\"destination_sync_mode\":\"nope\"}]}"));
    assertEquals(
        "unknown sync_mode \"x\"; expected one of full_refresh, incremental"
            + " at $.streams[0].stream.supported_sync_modes[1] (line 1, column 62)",
        invalid("{\"streams\":[{\"stream\":{\"supported_sync_modes\":[\"incremental\",\"x\"]}}]}"));
    assertEquals(
        "expected an array, not a string at $.streams[0].cursor_field (line 1, column 29)",
        invalid("{\"streams\":[{\"cursor_field\":\"updated\"}]}"));
    assertEquals(
        "expected a string, not an object at $.streams[0].primary_key[0][1] (line 1, column 34)",
        invalid("{\"streams\":[{\"primary_key\":[[\"a\",{}]]}]}"));
    assertEquals(
        "expected a whole number within 64 bits, not 99999999999999999999"
            + " at $.streams[0].sync_id (line 1, column 24)",
        invalid("{\"streams\":[{\"sync_id\":99999999999999999999}]}"));
    assertEquals(
        "expected true or false, not a number at $.streams[0].include_files (line 1, column 30)",
        invalid("{\"streams\":[{\"include_files\":2}]}"));
    assertEquals(
        "expected a stream (a JSON object), not an array at $.streams[0].stream"
            + " (line 1, column 23)",
        invalid("{\"streams\":[{\"stream\":[]}]}"));
    assertEquals(
        "expected an array, not an object at $.streams (line 1, column 12)",
        invalid("{\"streams\":{}}"));
    assertEquals(
        "expected a configured catalog (a JSON object), not an array at $ (line 1, column 1)",
        invalid("[]"));
  }

  @Test
  void malformedJsonInsideTheCatalogNamesThePath() {
    CatalogReader.Invalid e =
        assertThrows(CatalogReader.Invalid.class, () -> read("{\"streams\": [ {\"stream\": }]}"));
    // Jackson reads ahead to the value when it returns the field name: the object is named.
    assertEquals("$.streams[0]", e.path);
    assertEquals(26, e.location.getColumnNr());
    assertTrue(e.getCause() instanceof JsonProcessingException, String.valueOf(e.getCause()));
    assertThrows(JsonProcessingException.class, () -> read("nope"));
  }

  /**
   * Every {@code @JsonProperty} field of the configured catalog, found by reflection, survives the
   * reader: a field added to a POJO but not to {@link CatalogReader} would land among the unknown
   * properties and fail here.
   */
  @Test
  void everyAnnotatedFieldIsBound() throws Exception {
    ConfiguredAirbyteCatalog full = ProtocolSamples.populated(ConfiguredAirbyteCatalog.class);
    String json = Protocol.mapper().writeValueAsString(full);
    ConfiguredAirbyteCatalog bound = read(json);
    assertEquals(json, Protocol.mapper().writeValueAsString(bound));
    // A declared field read as unknown would write the same bytes: name the unknowns too.
    var unknowns = full.additionalProperties().keySet();
    assertEquals(unknowns, bound.additionalProperties().keySet());
    assertEquals(unknowns, bound.streams.get(0).additionalProperties().keySet());
    assertEquals(unknowns, bound.streams.get(0).stream.additionalProperties().keySet());
    assertBindsAsTheMapper(json);
  }
}
