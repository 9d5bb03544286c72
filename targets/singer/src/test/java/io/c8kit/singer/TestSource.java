package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigAttributeType;
import io.c8kit.ConfigProperty;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;
import java.time.Instant;
import java.util.List;

/**
 * A source written against the SPI the way the processor generates one: an incremental stream
 * (users, checkpoint every 2 records) and a resumable full refresh in a namespace (shop.items).
 */
public final class TestSource extends SourceConnector<TestSource.Config> {
  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "singer-test",
          "1.0.0",
          "Singer Test",
          "A test source.",
          "https://example.com/singer-test",
          "",
          ConnectorKind.SOURCE,
          "/META-INF/c8kit/singer-test/spec.json",
          "c8kit/source-singer-test");
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  record Config(int count, String apiKey, Integer failAfter, String rotateKeyTo) {}

  record User(long id, String name, Instant updatedAt) {}

  record Item(long id, String label) {}

  static final RecordSerializer<User> USER =
      (u, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", u.id());
        g.writeFieldName("name");
        JsonValues.writeString(g, u.name());
        g.writeFieldName("updated_at");
        JsonValues.writeInstant(g, u.updatedAt());
        g.writeEndObject();
      };

  static final RecordSerializer<Item> ITEM =
      (i, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", i.id());
        g.writeStringField("label", i.label());
        g.writeEndObject();
      };

  public TestSource() {
    super(build());
  }

  private static SourceDefinition<Config> build() {
    ConfigBinder<Config> binder =
        (JsonNode c) ->
            new Config(
                ConfigValues.intValue(c, "count"),
                ConfigValues.string(c, "api_key"),
                c.hasNonNull("fail_after") ? ConfigValues.intValue(c, "fail_after") : null,
                c.hasNonNull("rotate_key_to") ? ConfigValues.string(c, "rotate_key_to") : null);
    return SourceDefinition.builder(INFO, binder)
        .configProperties(
            List.of(
                new ConfigProperty(
                    "api_key",
                    "API Key",
                    ConfigAttributeType.PASSWORD,
                    true,
                    false,
                    null,
                    null,
                    null)))
        .stream(
            StreamDefinition.<Config, User>builder("users")
                .schemaResource("/META-INF/c8kit/singer-test/streams/users.json")
                .primaryKey("id")
                .cursor(List.of("updated_at"), CursorType.INSTANT, User::updatedAt)
                .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
                .ordered(true)
                .checkpointRecords(2)
                .serializer(USER)
                .reader(
                    (config, ctx) -> {
                      Instant since = ctx.<Instant>cursor().orElse(null);
                      if (config.rotateKeyTo() != null) {
                        ctx.configChanged("api_key", config.rotateKeyTo());
                      }
                      for (int i = 1; i <= config.count(); i++) {
                        if (config.failAfter() != null && i > config.failAfter()) {
                          throw new IllegalStateException(
                              "users failed at " + i + " with key " + config.apiKey());
                        }
                        User u =
                            new User(i, i % 2 == 0 ? null : "user" + i, T0.plusSeconds(60L * i));
                        if (since == null || !u.updatedAt().isBefore(since)) {
                          ctx.emit(u);
                        }
                      }
                    })
                .build())
        .stream(
            StreamDefinition.<Config, Item>builder("items")
                .namespace("shop")
                .schemaResource("/META-INF/c8kit/singer-test/streams/items.json")
                .primaryKey("id")
                .page("id", CursorType.LONG, Item::id)
                .syncModes(SyncMode.FULL_REFRESH)
                .ordered(true)
                .checkpointRecords(2)
                .serializer(ITEM)
                .reader(
                    (config, ctx) -> {
                      for (long i = 1; i <= 3; i++) {
                        ctx.emit(new Item(i, "item " + i + " é"));
                      }
                    })
                .build())
        .build();
  }
}
