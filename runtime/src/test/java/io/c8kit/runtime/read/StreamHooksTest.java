package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream method's hooks to the platform: rate-limit waits and changed config values. */
class StreamHooksTest {
  private static SourceConnector<String> source(io.c8kit.runtime.StreamReader<String, Row> reader) {
    return connector(rows("things").reader(reader).build());
  }

  @Test
  void rateLimitedWritesRunningWithTheReasonAndQuotaReset() {
    Output out =
        read(
                source(
                    (config, ctx) -> {
                      ctx.rateLimited(Instant.ofEpochMilli(1_700_000_000_123L));
                      ctx.rateLimited(null);
                      ctx.emit(new Row(1, 1L, "a"));
                    }),
                catalog(configured("things", SyncMode.FULL_REFRESH)),
                null)
            .ok();

    List<String> running = out.lines().stream().filter(l -> l.contains("\"RUNNING\"")).toList();
    assertEquals(3, running.size(), String.join("\n", running));
    assertTrue(
        running
            .get(0)
            .contains(
                "\"reasons\":[{\"type\":\"RATE_LIMITED\",\"rate_limited\":{\"quota_reset\":1700000000123}}]"),
        running.get(0));
    assertTrue(
        running.get(1).contains("\"reasons\":[{\"type\":\"RATE_LIMITED\"}]"), running.get(1));
    assertFalse(running.get(2).contains("reasons"), running.get(2));
    assertEquals("SRRRrTC", out.events("things"));
  }

  @Test
  void configChangedWritesTheWholeConfigWithTheValueReplaced() {
    Output out =
        read(
                source(
                    (config, ctx) -> {
                      ctx.configChanged("credentials.refresh_token", "rotated-token-2");
                      ctx.configChanged("credentials.refresh_token", "rotated-token-3");
                      ctx.emit(new Row(1, 1L, "a"));
                    }),
                catalog(configured("things", SyncMode.FULL_REFRESH)),
                null,
                ReadHarness.NO_LIMITS,
                json(
                    "{\"host\":\"h\",\"credentials\":{\"client_id\":\"c\",\"refresh_token\":\"old\"}}"))
            .ok();

    List<AirbyteMessage> controls =
        out.messages().stream().filter(m -> m.type == AirbyteMessage.Type.CONTROL).toList();
    assertEquals(2, controls.size());
    assertEquals(
        json(
            "{\"host\":\"h\",\"credentials\":{\"client_id\":\"c\",\"refresh_token\":\"rotated-token-2\"}}"),
        controls.get(0).control.connectorConfig.config);
    assertEquals(
        "rotated-token-3",
        controls.get(1).control.connectorConfig.config.at("/credentials/refresh_token").asText());
    assertEquals("CONNECTOR_CONFIG", controls.get(1).control.type.name());
  }

  @Test
  void configChangedWithoutTheConfigJsonWarnsInsteadOfDroppingItSilently() {
    Output out =
        read(
                source((config, ctx) -> ctx.configChanged("refresh_token", "rotated-token-4")),
                catalog(configured("things", SyncMode.FULL_REFRESH)),
                null)
            .ok();

    assertTrue(out.messages().stream().noneMatch(m -> m.type == AirbyteMessage.Type.CONTROL));
    assertTrue(
        out.logs(AirbyteLogMessage.Level.WARN).stream().anyMatch(l -> l.contains("refresh_token")),
        out.lines().toString());
  }
}
