package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code basic_read} suite as pure functions over a read's output and the configured catalog it
 * was run with.
 */
public final class ReadChecks {
  /** Record-level violations reported per stream before summarising the rest. */
  public static final int MAX_RECORD_VIOLATIONS_PER_STREAM = 20;

  private ReadChecks() {}

  /** The read exits 0, yields at least one RECORD, and only for configured streams. */
  public static List<Violation> read(RunResult run, JsonNode configuredCatalog) {
    String rule = Rules.BASIC_READ_READ;
    List<Violation> out = new ArrayList<>();
    if (run.exitCode() != 0) {
      out.add(Violation.of(rule, "read command", "exited " + run.exitCode() + ", expected 0"));
    }
    if (run.records().isEmpty()) {
      out.add(
          Violation.of(
              rule,
              "read output",
              "at least one RECORD should be read using the catalog "
                  + Catalogs.configuredKeys(configuredCatalog)));
    }
    Set<StreamKey> configured = new HashSet<>(Catalogs.configuredKeys(configuredCatalog));
    Set<StreamKey> reported = new HashSet<>();
    for (Message m : run.records()) {
      StreamKey key = m.recordStream();
      if (!configured.contains(key) && reported.add(key)) {
        out.add(
            Violation.of(rule, key, "RECORD", "the stream is not in the configured catalog")
                .withEvidence(m.evidence()));
      }
    }
    return out;
  }

  /** Every configured stream yields at least one RECORD. */
  public static List<Violation> emptyStreams(RunResult run, JsonNode configuredCatalog) {
    Map<StreamKey, Integer> counts = recordCounts(run);
    List<Violation> out = new ArrayList<>();
    for (StreamKey key : Catalogs.configuredKeys(configuredCatalog)) {
      if (counts.getOrDefault(key, 0) == 0) {
        out.add(
            Violation.of(
                Rules.BASIC_READ_EMPTY_STREAMS,
                key,
                "stream",
                "returned no records; every stream should return some (declare it with emptyStreams(...) if it is empty by design)"));
      }
    }
    return out;
  }

  /** Records validate against their stream's schema: draft-07, strict integers, CAT date-time. */
  public static List<Violation> validateSchema(RunResult run, JsonNode configuredCatalog) {
    String rule = Rules.BASIC_READ_VALIDATE_SCHEMA;
    List<Violation> out = new ArrayList<>();
    Map<StreamKey, SchemaValidation.Validator> validators = new HashMap<>();
    Map<StreamKey, Integer> failures = new HashMap<>();
    for (JsonNode cs : Catalogs.configuredStreams(configuredCatalog)) {
      StreamKey key = Catalogs.keyOfConfigured(cs);
      try {
        validators.put(
            key, SchemaValidation.recordValidator(cs.path("stream").path("json_schema")));
      } catch (RuntimeException e) {
        out.add(Violation.of(rule, key, "json_schema", "cannot be compiled: " + e.getMessage()));
      }
    }
    int index = 0;
    for (Message m : run.records()) {
      index++;
      StreamKey key = m.recordStream();
      SchemaValidation.Validator v = validators.get(key);
      if (v == null) {
        continue;
      }
      List<String> errors = v.validate(m.payload().path("data"));
      if (!errors.isEmpty()) {
        int n = failures.merge(key, 1, Integer::sum);
        if (n <= MAX_RECORD_VIOLATIONS_PER_STREAM) {
          out.add(
              Violation.of(
                      rule,
                      key,
                      "record #" + index,
                      "does not match the stream schema: " + String.join("; ", errors))
                  .withEvidence(m.evidence()));
        }
      }
    }
    failures.forEach(
        (key, n) -> {
          if (n > MAX_RECORD_VIOLATIONS_PER_STREAM) {
            out.add(
                Violation.of(
                    rule,
                    key,
                    "records",
                    (n - MAX_RECORD_VIOLATIONS_PER_STREAM) + " more records do not match"));
          }
        });
    return out;
  }

  /** Each record shares at least one field path with its schema. */
  public static List<Violation> validateRecordsStructure(
      RunResult run, JsonNode configuredCatalog) {
    String rule = Rules.BASIC_READ_VALIDATE_RECORDS_STRUCTURE;
    Map<StreamKey, Set<String>> schemaPaths = new HashMap<>();
    for (JsonNode cs : Catalogs.configuredStreams(configuredCatalog)) {
      Set<String> paths = new HashSet<>();
      schemaPaths(cs.path("stream").path("json_schema"), "", paths);
      schemaPaths.put(Catalogs.keyOfConfigured(cs), paths);
    }
    List<Violation> out = new ArrayList<>();
    Map<StreamKey, Integer> failures = new HashMap<>();
    int index = 0;
    for (Message m : run.records()) {
      index++;
      StreamKey key = m.recordStream();
      Set<String> expected = schemaPaths.get(key);
      if (expected == null) {
        continue;
      }
      Set<String> actual = new LinkedHashSet<>();
      objectPaths(m.payload().path("data"), "", actual);
      Set<String> common = new HashSet<>(actual);
      common.retainAll(expected);
      if (common.isEmpty()
          && failures.merge(key, 1, Integer::sum) <= MAX_RECORD_VIOLATIONS_PER_STREAM) {
        out.add(
            Violation.of(
                    rule,
                    key,
                    "record #" + index,
                    "has fields "
                        + actual
                        + " but none of them is declared in the schema "
                        + expected)
                .withEvidence(m.evidence()));
      }
    }
    return out;
  }

  private static void schemaPaths(JsonNode schema, String prefix, Set<String> out) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              String p = prefix + "/" + e.getKey();
              out.add(p);
              schemaPaths(e.getValue(), p, out);
            });
    if (schema.path("items").isObject()) {
      String p = prefix + "/[]";
      schemaPaths(schema.get("items"), p, out);
    }
    for (String kw : List.of("oneOf", "anyOf", "allOf")) {
      for (JsonNode option : schema.path(kw)) {
        schemaPaths(option, prefix, out);
      }
    }
  }

  private static void objectPaths(JsonNode value, String prefix, Set<String> out) {
    if (value.isObject()) {
      value
          .fields()
          .forEachRemaining(
              e -> {
                String p = prefix + "/" + e.getKey();
                out.add(p);
                objectPaths(e.getValue(), p, out);
              });
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        objectPaths(item, prefix + "/[]", out);
      }
    }
  }

  /** Primary-key values are scalars and at least one part is non-null in every record. */
  public static List<Violation> validatePrimaryKeysDataType(
      RunResult run, JsonNode configuredCatalog) {
    String rule = Rules.BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE;
    Map<StreamKey, List<List<String>>> keys = primaryKeys(configuredCatalog);
    List<Violation> out = new ArrayList<>();
    Map<StreamKey, Integer> failures = new HashMap<>();
    int index = 0;
    for (Message m : run.records()) {
      index++;
      StreamKey key = m.recordStream();
      List<List<String>> pk = keys.get(key);
      if (pk == null || pk.isEmpty()) {
        continue;
      }
      JsonNode data = m.payload().path("data");
      boolean anyNonNull = false;
      List<String> problems = new ArrayList<>();
      for (List<String> path : pk) {
        JsonNode v = Json.valueAt(data, path);
        if (v != null && !v.isNull()) {
          anyNonNull = true;
          if (v.isObject() || v.isArray()) {
            problems.add(
                "primary key "
                    + path
                    + " is a "
                    + (v.isObject() ? "dict" : "list")
                    + ": "
                    + Json.truncate(v));
          }
        }
      }
      if (!anyNonNull) {
        problems.add("every primary key part " + pk + " is null or missing");
      }
      if (!problems.isEmpty()
          && failures.merge(key, 1, Integer::sum) <= MAX_RECORD_VIOLATIONS_PER_STREAM) {
        out.add(
            Violation.of(rule, key, "record #" + index, String.join("; ", problems))
                .withEvidence(m.evidence()));
      }
    }
    return out;
  }

  /**
   * Primary keys per configured stream: the configured {@code primary_key}, else the source-defined
   * one.
   */
  public static Map<StreamKey, List<List<String>>> primaryKeys(JsonNode configuredCatalog) {
    Map<StreamKey, List<List<String>>> out = new LinkedHashMap<>();
    for (JsonNode cs : Catalogs.configuredStreams(configuredCatalog)) {
      List<List<String>> pk = Catalogs.paths(cs.get("primary_key"));
      if (pk.isEmpty()) {
        pk = Catalogs.paths(cs.path("stream").get("source_defined_primary_key"));
      }
      out.put(Catalogs.keyOfConfigured(cs), pk);
    }
    return out;
  }

  /**
   * STARTED first, COMPLETE last, only RUNNING between, ≥3 statuses per configured stream, none for
   * others.
   */
  public static List<Violation> validateStreamStatuses(RunResult run, JsonNode configuredCatalog) {
    String rule = Rules.BASIC_READ_VALIDATE_STREAM_STATUSES;
    Map<StreamKey, List<String>> statuses = new LinkedHashMap<>();
    Map<StreamKey, Message> firstLine = new HashMap<>();
    for (Message m : run.traces()) {
      if (!m.traceType().equals("STREAM_STATUS")) {
        continue;
      }
      JsonNode ss = m.payload().path("stream_status");
      StreamKey key = StreamKey.from(ss.path("stream_descriptor"));
      statuses.computeIfAbsent(key, k -> new ArrayList<>()).add(ss.path("status").asText(""));
      firstLine.putIfAbsent(key, m);
    }
    List<Violation> out = new ArrayList<>();
    List<StreamKey> configured = Catalogs.configuredKeys(configuredCatalog);
    for (StreamKey key : configured) {
      List<String> list = statuses.get(key);
      if (list == null) {
        out.add(
            Violation.of(
                rule,
                key,
                "stream statuses",
                "none emitted; expected STARTED, RUNNING…, COMPLETE"));
        continue;
      }
      boolean ok =
          list.size() >= 3
              && list.get(0).equals("STARTED")
              && list.get(list.size() - 1).equals("COMPLETE");
      for (int i = 1; ok && i < list.size() - 1; i++) {
        ok = list.get(i).equals("RUNNING");
      }
      if (!ok) {
        out.add(
            Violation.of(
                    rule,
                    key,
                    "stream statuses",
                    "got " + list + ", expected STARTED, then RUNNING (one or more), then COMPLETE")
                .withEvidence(firstLine.get(key).evidence()));
      }
    }
    for (Map.Entry<StreamKey, List<String>> e : statuses.entrySet()) {
      if (!configured.contains(e.getKey())) {
        out.add(
            Violation.of(
                    rule,
                    e.getKey(),
                    "stream statuses",
                    "emitted for a stream that is not configured: " + e.getValue())
                .withEvidence(firstLine.get(e.getKey()).evidence()));
      }
    }
    return out;
  }

  /** #STATE ≥ #configured streams, no LEGACY state, {@code sourceStats} on every STATE. */
  public static List<Violation> validateStateMessages(RunResult run, JsonNode configuredCatalog) {
    String rule = Rules.BASIC_READ_VALIDATE_STATE_MESSAGES;
    List<Violation> out = new ArrayList<>();
    List<Message> states = run.states();
    int streams = Catalogs.configuredStreams(configuredCatalog).size();
    if (states.size() < streams) {
      out.add(
          Violation.of(
              rule,
              "read output",
              "at least one STATE per configured stream is expected: "
                  + states.size()
                  + " STATE for "
                  + streams
                  + " streams"));
    }
    for (Message m : states) {
      JsonNode state = m.payload();
      String type = state.path("type").asText("");
      if (type.isEmpty() || type.equals("LEGACY")) {
        out.add(
            Violation.of(
                    rule,
                    "STATE",
                    "LEGACY state (no type) must not be emitted; use STREAM or GLOBAL")
                .withEvidence(m.evidence()));
      }
      if (!state.path("sourceStats").isObject()) {
        out.add(
            Violation.of(
                    rule, "STATE", "sourceStats (with recordCount) must be present on every state")
                .withEvidence(m.evidence()));
      }
    }
    return out;
  }

  /** The invalid catalog read yields at least one TRACE ERROR and a non-zero exit. */
  public static List<Violation> airbyteTraceMessageOnFailure(RunResult run) {
    String rule = Rules.BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE;
    List<Violation> out = new ArrayList<>();
    if (run.errorTraces().isEmpty()) {
      out.add(
          Violation.of(
              rule,
              "read with an invalid catalog",
              "the connector should emit at least one TRACE ERROR message"));
    }
    if (run.exitCode() == 0) {
      out.add(
          Violation.of(
              rule, "read with an invalid catalog", "exited 0, expected a non-zero exit code"));
    }
    return out;
  }

  /**
   * The expected records appear. For a stream with a primary key, the expected keys must all be
   * read ({@code exactOrder}: as the first records, in order); without a key, only fewer actual
   * than expected records fails.
   */
  public static List<Violation> expectRecords(
      RunResult run, JsonNode configuredCatalog, List<JsonNode> expected, boolean exactOrder) {
    String rule = Rules.BASIC_READ_EXPECT_RECORDS;
    Map<StreamKey, List<List<String>>> keys = primaryKeys(configuredCatalog);
    Map<StreamKey, List<JsonNode>> expectedByStream = new LinkedHashMap<>();
    for (JsonNode r : expected) {
      expectedByStream
          .computeIfAbsent(StreamKey.ofRecord(r), k -> new ArrayList<>())
          .add(r.path("data"));
    }
    Map<StreamKey, List<JsonNode>> actualByStream = new LinkedHashMap<>();
    for (Message m : run.records()) {
      actualByStream
          .computeIfAbsent(m.recordStream(), k -> new ArrayList<>())
          .add(m.payload().path("data"));
    }
    List<Violation> out = new ArrayList<>();
    for (Map.Entry<StreamKey, List<JsonNode>> e : expectedByStream.entrySet()) {
      StreamKey key = e.getKey();
      List<JsonNode> exp = e.getValue();
      List<JsonNode> act = actualByStream.getOrDefault(key, List.of());
      List<List<String>> pk = keys.getOrDefault(key, List.of());
      if (pk.isEmpty()) {
        if (act.size() < exp.size()) {
          out.add(
              Violation.of(
                  rule,
                  key,
                  "records",
                  "expected at least " + exp.size() + " records, read " + act.size()));
        }
        continue;
      }
      List<String> expKeys = pkValues(exp, pk);
      List<String> actKeys = pkValues(act, pk);
      if (exactOrder) {
        for (int i = 0; i < expKeys.size(); i++) {
          String got = i < actKeys.size() ? actKeys.get(i) : "(no record)";
          if (!expKeys.get(i).equals(got)) {
            out.add(
                Violation.of(
                        rule,
                        key,
                        "record #" + (i + 1) + " of the stream",
                        "expected primary key "
                            + expKeys.get(i)
                            + " at this position (exact order), got "
                            + got)
                    .withEvidence(Json.write(exp.get(i))));
            break;
          }
        }
      } else {
        Set<String> actual = new HashSet<>(actKeys);
        List<String> missing = new ArrayList<>();
        for (String k : expKeys) {
          if (!actual.contains(k)) {
            missing.add(k);
          }
        }
        if (!missing.isEmpty()) {
          out.add(
              Violation.of(
                  rule,
                  key,
                  "records",
                  missing.size()
                      + " expected primary keys were not read: "
                      + Json.truncate(String.join(", ", missing), 300)));
        }
      }
    }
    return out;
  }

  private static List<String> pkValues(List<JsonNode> records, List<List<String>> pk) {
    List<String> out = new ArrayList<>();
    for (JsonNode data : records) {
      StringBuilder sb = new StringBuilder("[");
      for (List<String> path : pk) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(Json.canonical(Json.valueAt(data, path)));
      }
      out.add(sb.append(']').toString());
    }
    return out;
  }

  /** RECORD counts per stream. */
  public static Map<StreamKey, Integer> recordCounts(RunResult run) {
    Map<StreamKey, Integer> counts = new LinkedHashMap<>();
    for (Message m : run.records()) {
      counts.merge(m.recordStream(), 1, Integer::sum);
    }
    return counts;
  }
}
