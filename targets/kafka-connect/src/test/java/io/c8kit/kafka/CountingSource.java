package io.c8kit.kafka;

import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;

/**
 * A source built against the SPI the way the processor generates one: an incremental stream
 * "numbers" (cursor n = id, checkpoints every {@code checkpoint} records, fails at {@code fail_at})
 * and a full-refresh stream "letters" (a, b, c).
 */
public final class CountingSource extends SourceConnector<CountingSource.Config> {
  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "counting",
          "0.9.1",
          "Counting",
          "",
          "",
          "",
          ConnectorKind.SOURCE,
          "/META-INF/c8kit/counting/spec.json",
          "");

  record Config(int count, int checkpoint, int failAt, String token) {}

  record Number(long id, long n, String name, java.util.List<String> tags) {}

  record Letter(String letter) {}

  public CountingSource() {
    super(
        SourceDefinition.<Config>builder(
                INFO,
                c ->
                    new Config(
                        ConfigValues.intValue(c, "count"),
                        ConfigValues.intValue(c, "checkpoint"),
                        ConfigValues.intValue(c, "fail_at"),
                        c.hasNonNull("token") ? c.get("token").asText() : null))
            .stream(
                StreamDefinition.<Config, Number>builder("numbers")
                    .schemaResource("/META-INF/c8kit/counting/streams/numbers.json")
                    .primaryKey("id")
                    .cursor(java.util.List.of("n"), CursorType.LONG, Number::n)
                    .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
                    .ordered(true)
                    .serializer(
                        (r, g) -> {
                          g.writeStartObject();
                          g.writeNumberField("id", r.id());
                          g.writeNumberField("n", r.n());
                          g.writeStringField("name", r.name());
                          g.writeArrayFieldStart("tags");
                          for (String t : r.tags()) {
                            g.writeString(t);
                          }
                          g.writeEndArray();
                          g.writeEndObject();
                        })
                    .reader(
                        (config, ctx) -> {
                          ctx.checkpointEvery(config.checkpoint());
                          long from = ctx.<Long>cursor().orElse(1L);
                          for (long i = from; i <= config.count(); i++) {
                            if (i == config.failAt()) {
                              throw new IllegalStateException(
                                  "failing at " + i + " with token " + config.token());
                            }
                            ctx.emit(
                                new Number(
                                    i, i, i % 2 == 0 ? null : "n" + i, java.util.List.of("t" + i)));
                          }
                        })
                    .build())
            .stream(
                StreamDefinition.<Config, Letter>builder("letters")
                    .schemaResource("/META-INF/c8kit/counting/streams/letters.json")
                    .primaryKey("letter")
                    .serializer(
                        (r, g) -> {
                          g.writeStartObject();
                          g.writeStringField("letter", r.letter());
                          g.writeEndObject();
                        })
                    .reader(
                        (config, ctx) -> {
                          for (String l : new String[] {"a", "b", "c"}) {
                            ctx.emit(new Letter(l));
                          }
                        })
                    .build())
            .build());
  }
}
