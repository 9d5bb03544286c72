package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.emitFrom;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.ordered;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static io.c8kit.runtime.read.ReadHarness.rowsWithSeq;
import static io.c8kit.runtime.read.ReadHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code --state} form the engine accepts, and the ones it rejects. */
class InputStateTest {
  private static final List<Row> DATA = rowsWithSeq(1L, 2L, 3L, 4L, 5L);
  private static final List<Long> ALL = List.of(1L, 2L, 3L, 4L, 5L);
  private static final List<Long> FROM_3 = List.of(3L, 4L, 5L);

  private static SourceConnector<String> source() {
    return connector(
        ordered("users", 0, emitFrom(DATA)),
        ordered("orders", 0, emitFrom(DATA)),
        rows("app_users")
            .namespace("app")
            .cursor(List.of("seq"), io.c8kit.runtime.CursorType.LONG, Row::seq)
            .ordered(true)
            .reader(emitFrom(DATA))
            .build());
  }

  private static Output readUsers(String state) {
    return read(source(), catalog(configured("users", SyncMode.INCREMENTAL)), json(state));
  }

  private static String streamEntry(String name, String streamState) {
    return "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + name
        + "\"},\"stream_state\":"
        + streamState
        + "}}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "{}", "[]", "[{}]"})
  void emptyForms(String state) {
    assertEquals(ALL, readUsers(state).ok().seqs("users"));
  }

  @Test
  void absent() {
    assertEquals(ALL, readUsers(null).ok().seqs("users"));
  }

  @Test
  void perStreamArray() {
    Output out =
        readUsers("[" + streamEntry("users", "{\"cursor_field\":[\"seq\"],\"cursor\":3}") + "]")
            .ok();
    assertEquals(FROM_3, out.seqs("users"));
    assertEquals(
        json("{\"cursor_field\":[\"seq\"],\"cursor\":5}"), streamState(out.states("users").get(0)));
  }

  @Test
  void singleObject() {
    assertEquals(
        FROM_3,
        readUsers(streamEntry("users", "{\"cursor_field\":[\"seq\"],\"cursor\":3}"))
            .ok()
            .seqs("users"));
  }

  @Test
  void entryWithoutTypeIsAStreamState() {
    String state =
        "[{\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":{\"cursor\":3}}}]";
    assertEquals(FROM_3, readUsers(state).ok().seqs("users"));
  }

  @Test
  void legacyCursorWithoutCursorFieldIsAccepted() {
    assertEquals(
        FROM_3, readUsers("[" + streamEntry("users", "{\"cursor\":3}") + "]").ok().seqs("users"));
  }

  @Test
  void globalOneElementArrayUsesItsStreamStates() {
    String state =
        "[{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":42},\"stream_states\":["
            + "{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":{\"cursor_field\":[\"seq\"],\"cursor\":3}}]}}]";
    Output out = readUsers(state).ok();
    assertEquals(FROM_3, out.seqs("users"));
    assertTrue(
        out.logs(AirbyteLogMessage.Level.WARN).stream().anyMatch(w -> w.contains("shared_state")));
  }

  @Test
  void legacyObjectKeyedByStreamName() {
    Output out =
        read(
                source(),
                catalog(
                    configured("users", SyncMode.INCREMENTAL),
                    configured("orders", SyncMode.INCREMENTAL)),
                json(
                    "{\"users\":{\"cursor\":3},\"orders\":{\"cursor\":5},\"gone\":{\"cursor\":1}}"))
            .ok();
    assertEquals(FROM_3, out.seqs("users"));
    assertEquals(List.of(5L), out.seqs("orders"));
    assertTrue(out.logs(AirbyteLogMessage.Level.WARN).stream().anyMatch(w -> w.contains("LEGACY")));
    // and from now on per-stream states are emitted
    assertEquals(
        io.c8kit.protocol.AirbyteStateMessage.Type.STREAM, out.states("users").get(0).type);
  }

  @Test
  void legacyEpochNumbersOnAnInstantCursor() {
    // the shapes of source-faker's abnormal_state.json and sample_state.json
    SourceConnector<String> source =
        connector(
            rows("users")
                .cursor(
                    List.of("seq"),
                    io.c8kit.runtime.CursorType.INSTANT,
                    r -> r.seq() == null ? null : java.time.Instant.ofEpochSecond(r.seq()))
                .ordered(true)
                .reader(ReadHarness.emitAll(DATA))
                .build());
    var cat = catalog(configured("users", SyncMode.INCREMENTAL));
    Output future = read(source, cat, json("{\"users\":{\"cursor\":99999999999999999}}")).ok();
    assertEquals(List.of(), future.records("users"));
    assertEquals("SRTC", future.events("users"));
    Output all = read(source, cat, json("{\"users\":{\"cursor\":0}}")).ok();
    assertEquals(ALL, all.seqs("users"));
    assertEquals(
        json("{\"cursor_field\":[\"seq\"],\"cursor\":\"1970-01-01T00:00:05Z\"}"),
        streamState(all.states("users").get(0)));
  }

  @Test
  void typedLegacyEntry() {
    assertEquals(
        FROM_3,
        readUsers("[{\"type\":\"LEGACY\",\"data\":{\"users\":{\"cursor\":3}}}]")
            .ok()
            .seqs("users"));
  }

  @Test
  void singerBookmarks() {
    assertEquals(
        FROM_3,
        readUsers("{\"bookmarks\":{\"users\":{\"cursor\":3}},\"currently_syncing\":null}")
            .ok()
            .seqs("users"));
  }

  @Test
  void nullStreamStateIsAReset() {
    assertEquals(ALL, readUsers("[" + streamEntry("users", "null") + "]").ok().seqs("users"));
    String missing =
        "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"}}}]";
    assertEquals(ALL, readUsers(missing).ok().seqs("users"));
  }

  @Test
  void unknownStreamsInTheStateAreIgnored() {
    Output out =
        readUsers(
                "["
                    + streamEntry("nobody", "{\"cursor\":3}")
                    + ","
                    + streamEntry("orders", "{\"cursor\":4}")
                    + "]")
            .ok();
    assertEquals(ALL, out.seqs("users"));
  }

  @Test
  void lastEntryPerStreamWins() {
    Output out =
        readUsers(
                "["
                    + streamEntry("users", "{\"cursor\":2}")
                    + ","
                    + streamEntry("users", "{\"cursor\":4}")
                    + "]")
            .ok();
    assertEquals(List.of(4L, 5L), out.seqs("users"));
  }

  @Test
  void namespacesAreMatched() {
    String withNs =
        "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"app_users\",\"namespace\":\"app\"},"
            + "\"stream_state\":{\"cursor\":4}}}]";
    String otherNs = withNs.replace("\"app\"", "\"other\"");
    String noNs = "[" + streamEntry("app_users", "{\"cursor\":3}") + "]";
    var cat = catalog(configured("app_users", "app", SyncMode.INCREMENTAL));
    assertEquals(List.of(4L, 5L), read(source(), cat, json(withNs)).ok().seqs("app_users"));
    assertEquals(ALL, read(source(), cat, json(otherNs)).ok().seqs("app_users"));
    // CAT drops the namespace from the states it passes back: a unique name still matches
    assertEquals(FROM_3, read(source(), cat, json(noNs)).ok().seqs("app_users"));
  }

  @Test
  void stateForADifferentCursorFieldIsIgnored() {
    Output out =
        readUsers(
                "["
                    + streamEntry("users", "{\"cursor_field\":[\"updated_at\"],\"cursor\":3}")
                    + "]")
            .ok();
    assertEquals(ALL, out.seqs("users"));
    assertTrue(
        out.logs(AirbyteLogMessage.Level.WARN).stream().anyMatch(w -> w.contains("updated_at")));
  }

  @Test
  void foreignStateShapeReadsFromTheStartWithAWarning() {
    Output out = readUsers("[" + streamEntry("users", "{\"updated\":10000000000}") + "]").ok();
    assertEquals(ALL, out.seqs("users"));
    assertTrue(
        out.logs(AirbyteLogMessage.Level.WARN).stream().anyMatch(w -> w.contains("updated")));
  }

  @Test
  void cursorFieldAsASingleString() {
    assertEquals(
        FROM_3,
        readUsers("[" + streamEntry("users", "{\"cursor_field\":\"seq\",\"cursor\":3}") + "]")
            .ok()
            .seqs("users"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"text\"",
        "42",
        "[1]",
        "[{\"type\":\"STREAM\"}]",
        "[{\"type\":\"STREAM\",\"stream\":{\"stream_state\":{}}}]",
        "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":\"x\"}}]",
        "[{\"type\":\"FOO\"}]",
        "[{\"type\":\"GLOBAL\",\"global\":{\"stream_states\":{}}}]",
        "{\"users\":5}"
      })
  void malformedStatesAreConfigErrors(String state) {
    Output out = readUsers(state);
    assertInstanceOf(ConfigException.class, out.error(), () -> "for " + state);
    assertEquals(List.of(), out.messages(), "nothing may be written before the state is accepted");
  }

  @Test
  void badCursorFieldIsAConfigErrorNamingTheStream() {
    Output out = readUsers("[" + streamEntry("users", "{\"cursor_field\":5,\"cursor\":3}") + "]");
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(e.getMessage().contains("users"), e.getMessage());
  }

  @Test
  void unparseableCursorIsAConfigErrorNamingTheStream() {
    Output out =
        readUsers(
            "["
                + streamEntry("users", "{\"cursor_field\":[\"seq\"],\"cursor\":\"yesterday\"}")
                + "]");
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(
        e.getMessage().contains("users") && e.getMessage().contains("yesterday"), e.getMessage());
    assertEquals(List.of(), out.messages());
  }

  /** A STATE line exactly as a read prints it (issue 14: it was "unknown type \"STATE\""). */
  private static String printed(String inner) {
    return "{\"type\":\"STATE\",\"state\":" + inner + "}";
  }

  @Test
  void stateMessagesAsPrintedByARead() {
    String first =
        printed(
            streamEntry("users", "{\"cursor_field\":[\"seq\"],\"cursor\":2}")
                .replace("}}}", "},\"sourceStats\":{\"recordCount\":2.0}}}"));
    String last = printed(streamEntry("users", "{\"cursor_field\":[\"seq\"],\"cursor\":3}"));
    assertEquals(FROM_3, readUsers("[" + first + "," + last + "]").ok().seqs("users"));
    assertEquals(FROM_3, readUsers(last).ok().seqs("users"));
  }

  @Test
  void printedGlobalAndLegacyStateMessages() {
    String global =
        printed(
            "{\"type\":\"GLOBAL\",\"global\":{\"stream_states\":["
                + "{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":{\"cursor_field\":[\"seq\"],\"cursor\":3}}]}}");
    assertEquals(FROM_3, readUsers(global).ok().seqs("users"));
    String legacy =
        printed(
            "{\"type\":\"LEGACY\",\"data\":{\"users\":{\"cursor_field\":[\"seq\"],\"cursor\":3}}}");
    assertEquals(FROM_3, readUsers("[" + legacy + "]").ok().seqs("users"));
  }

  @Test
  void otherMessagesOfAReadOutputAreRejectedWithTheFix() {
    String record =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{},\"emitted_at\":1}}";
    Output out = readUsers("[" + record + "]");
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(
        e.getMessage().contains("entry #0 is a RECORD message; keep only the STATE lines"),
        e.getMessage());
    Output noState = readUsers("{\"type\":\"STATE\"}");
    assertTrue(
        assertInstanceOf(ConfigException.class, noState.error())
            .getMessage()
            .contains("STATE message without a \"state\" object"));
  }
}
