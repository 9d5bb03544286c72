package io.c8kit.acceptance.checks;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every rule the kit checks, named after the Airbyte acceptance test that carries it ({@code
 * <suite>.<test name without test_>}). Failure messages start with {@code [rule id]}.
 */
public final class Rules {
  private Rules() {}

  // ---- spec (sources and destinations) -------------------------------------------------------
  /** {@code spec} prints exactly one SPEC message and exits 0. */
  public static final String SPEC_EXACTLY_ONE_SPEC = "spec.exactly_one_spec";

  /** {@code connectionSpecification} is a valid draft-07 JSON schema (meta-validated). */
  public static final String SPEC_VALID_JSON_SCHEMA = "spec.valid_json_schema";

  /** The good config (keys starting with {@code _} removed) validates against the spec. */
  public static final String SPEC_CONFIG_MATCH_SPEC = "spec.config_match_spec";

  /** The SPEC equals the expected spec file (optional). */
  public static final String SPEC_MATCH_EXPECTED = "spec.match_expected";

  /** Enum lists hold distinct values. */
  public static final String SPEC_ENUM_USAGE = "spec.enum_usage";

  /** oneOf: object parent, options with properties, one common const discriminator. */
  public static final String SPEC_ONEOF_USAGE = "spec.oneof_usage";

  /** Secret-looking properties carry {@code airbyte_secret}; only string/number/integer may. */
  public static final String SPEC_SECRET_IS_PROPERLY_MARKED = "spec.secret_is_properly_marked";

  /** Property {@code type} is {@code T}, {@code [T]} or {@code [T, "null"]}. */
  public static final String SPEC_PROPERTY_TYPE_IS_NOT_ARRAY = "spec.property_type_is_not_array";

  /** Nested objects declare properties or oneOf. */
  public static final String SPEC_OBJECT_NOT_EMPTY = "spec.object_not_empty";

  /** Array items are one object/string/number/integer schema or an enum. */
  public static final String SPEC_ARRAY_TYPE = "spec.array_type";

  /**
   * No
   * not/anyOf/patternProperties/prefixItems/allOf/if/then/else/dependentSchemas/dependentRequired.
   */
  public static final String SPEC_FORBIDDEN_COMPLEX_TYPES = "spec.forbidden_complex_types";

  /** {@code order} is unique among an object's properties within one group. */
  public static final String SPEC_DUPLICATE_ORDER = "spec.duplicate_order";

  /** {@code group} only on top-level properties. */
  public static final String SPEC_NESTED_GROUP = "spec.nested_group";

  /** Every {@code group} used is declared in the root {@code groups} (unique ids). */
  public static final String SPEC_GROUPS_DEFINED = "spec.groups_defined";

  /** {@code display_type} (dropdown|radio) only on properties with oneOf. */
  public static final String SPEC_DISPLAY_TYPE = "spec.display_type";

  /** No {@code $ref} anywhere in the SPEC. */
  public static final String SPEC_DEFINED_REFS_EXIST_IN_JSON_SPEC_FILE =
      "spec.defined_refs_exist_in_json_spec_file";

  /** Every {@code additionalProperties} is {@code true} (or absent). */
  public static final String SPEC_ADDITIONAL_PROPERTIES_IS_TRUE =
      "spec.additional_properties_is_true";

  /** The spec is backward compatible with a previous spec (optional). */
  public static final String SPEC_BACKWARD_COMPATIBILITY = "spec.backward_compatibility";

  // ---- connection ----------------------------------------------------------------------------
  /** Good config: exactly one CONNECTION_STATUS SUCCEEDED, exit 0. */
  public static final String CONNECTION_CHECK_SUCCEED = "connection.check_succeed";

  /** Bad config: exactly one CONNECTION_STATUS FAILED, exit 0. */
  public static final String CONNECTION_CHECK_FAILED = "connection.check_failed";

  /** Exception config (optional): exactly one TRACE message, with error.message. */
  public static final String CONNECTION_CHECK_EXCEPTION = "connection.check_exception";

  // ---- discovery -----------------------------------------------------------------------------
  /** Exactly one CATALOG with streams, unique stream names, exit 0. */
  public static final String DISCOVERY_DISCOVER = "discovery.discover";

  /** Stream schemas are valid draft-07 with top-level type object and properties. */
  public static final String DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS =
      "discovery.streams_have_valid_json_schemas";

  /** {@code default_cursor_field} paths exist under {@code properties}. */
  public static final String DISCOVERY_DEFINED_CURSORS_EXIST_IN_SCHEMA =
      "discovery.defined_cursors_exist_in_schema";

  /** No {@code $ref} in stream schemas. */
  public static final String DISCOVERY_DEFINED_REFS_EXIST_IN_SCHEMA =
      "discovery.defined_refs_exist_in_schema";

  /** No {@code allOf}/{@code not} keywords in stream schemas. */
  public static final String DISCOVERY_DEFINED_KEYWORD_EXIST_IN_SCHEMA =
      "discovery.defined_keyword_exist_in_schema";

  /** {@code source_defined_primary_key} paths exist under {@code properties}. */
  public static final String DISCOVERY_PRIMARY_KEYS_EXIST_IN_SCHEMA =
      "discovery.primary_keys_exist_in_schema";

  /** Primary-key fields are not objects or arrays. */
  public static final String DISCOVERY_PRIMARY_KEYS_DATA_TYPE = "discovery.primary_keys_data_type";

  /** {@code supported_sync_modes} is non-empty. */
  public static final String DISCOVERY_STREAMS_HAS_SYNC_MODES = "discovery.streams_has_sync_modes";

  /** Every {@code additionalProperties} in stream schemas is {@code true} (or absent). */
  public static final String DISCOVERY_ADDITIONAL_PROPERTIES_IS_TRUE =
      "discovery.additional_properties_is_true";

  /** The catalog is backward compatible with a previous catalog (optional). */
  public static final String DISCOVERY_BACKWARD_COMPATIBILITY = "discovery.backward_compatibility";

  // ---- basic_read ----------------------------------------------------------------------------
  /** The read exits 0 and yields at least one RECORD, only for configured streams. */
  public static final String BASIC_READ_READ = "basic_read.read";

  /** Every configured stream (minus declared empty streams) yields at least one RECORD. */
  public static final String BASIC_READ_EMPTY_STREAMS = "basic_read.empty_streams";

  /** Records validate against their stream schema (draft-07, strict integers, date-time). */
  public static final String BASIC_READ_VALIDATE_SCHEMA = "basic_read.validate_schema";

  /** Each record shares at least one field path with its schema. */
  public static final String BASIC_READ_VALIDATE_RECORDS_STRUCTURE =
      "basic_read.validate_records_structure";

  /** Primary-key values are scalars and at least one part is non-null. */
  public static final String BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE =
      "basic_read.validate_primary_keys_data_type";

  /** STARTED, RUNNING..., COMPLETE per configured stream; none for others. */
  public static final String BASIC_READ_VALIDATE_STREAM_STATUSES =
      "basic_read.validate_stream_statuses";

  /** #STATE ≥ #streams, no LEGACY state, {@code sourceStats} on every state. */
  public static final String BASIC_READ_VALIDATE_STATE_MESSAGES =
      "basic_read.validate_state_messages";

  /** An invalid catalog yields a TRACE ERROR and a non-zero exit. */
  public static final String BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE =
      "basic_read.airbyte_trace_message_on_failure";

  /** The expected records appear (optional). */
  public static final String BASIC_READ_EXPECT_RECORDS = "basic_read.expect_records";

  // ---- full_refresh --------------------------------------------------------------------------
  /** Two reads: both have records and every emitted_at of read 2 is later than read 1's. */
  public static final String FULL_REFRESH_SEQUENTIAL_READS = "full_refresh.sequential_reads";

  // ---- incremental ---------------------------------------------------------------------------
  /** Every incremental stream has a cursor field (configured or default). */
  public static final String INCREMENTAL_CURSOR_FIELD_DEFINED = "incremental.cursor_field_defined";

  /** Read 2 from read 1's latest states returns a different record set. */
  public static final String INCREMENTAL_TWO_SEQUENTIAL_READS = "incremental.two_sequential_reads";

  /** Resuming from intermediate checkpoints re-emits everything after them. */
  public static final String INCREMENTAL_READ_SEQUENTIAL_SLICES =
      "incremental.read_sequential_slices";

  /** A far-future state yields no records and at least one STATE. */
  public static final String INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES =
      "incremental.state_with_abnormally_large_values";

  // ---- destination ---------------------------------------------------------------------------
  /** A destination's SPEC declares {@code supported_destination_sync_modes}. */
  public static final String DESTINATION_SPEC = "destination.spec";

  /** A sync exits 0 and the reader retrieves exactly the records written. */
  public static final String DESTINATION_SYNC = "destination.sync";

  /** Overwrite: a second sync replaces the data, other streams stay untouched. */
  public static final String DESTINATION_SECOND_SYNC = "destination.second_sync";

  /** Append: a second sync adds to the data. */
  public static final String DESTINATION_INCREMENTAL_SYNC = "destination.incremental_sync";

  /** Append dedup: one row per primary key, the latest by cursor. */
  public static final String DESTINATION_DEDUP_SYNC = "destination.dedup_sync";

  /** Line breaks ({@code \n}, {@code \r}, {@code \u2028}) inside values round-trip. */
  public static final String DESTINATION_LINE_BREAK_CHARACTERS =
      "destination.line_break_characters";

  /** Unicode, emoji, quotes and backslashes inside values round-trip. */
  public static final String DESTINATION_UNICODE_CHARACTERS = "destination.unicode_characters";

  /** A large batch of records is written completely. */
  public static final String DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH =
      "destination.sync_with_large_record_batch";

  /** Every input STATE is echoed, in order, unchanged, with destinationStats.recordCount. */
  public static final String DESTINATION_STATE_ECHO = "destination.state_echo";

  /** The last echoed STATE equals the last input STATE. */
  public static final String DESTINATION_LAST_STATE = "destination.last_state";

  private static final List<String> ALL = collect();

  private static List<String> collect() {
    List<String> ids = new ArrayList<>();
    for (Field f : Rules.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isPublic(m) && f.getType() == String.class) {
        try {
          ids.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableList(ids);
  }

  /** Every rule id, in declaration order. */
  public static List<String> all() {
    return ALL;
  }

  /** The suite of a rule id: the part before the dot ({@code spec}, {@code basic_read}, ...). */
  public static String suiteOf(String rule) {
    int dot = rule.indexOf('.');
    return dot < 0 ? rule : rule.substring(0, dot);
  }
}
