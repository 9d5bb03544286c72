package io.c8kit.acceptance.e2e;

import io.c8kit.ConfigException;
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
import io.c8kit.source.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A source written by hand against the runtime SPI (no processor): a {@code users} stream (primary
 * key, Instant cursor, checkpoints every 3 records) and a full-refresh {@code orders} stream. A
 * {@link Flaw} breaks it on purpose so the kit's rules can be shown to fail.
 */
public final class KitSource extends SourceConnector<KitSource.Config> {
  /** One deliberate defect each. */
  public enum Flaw {
    NONE,
    /** spec: the {@code token} property is not marked airbyte_secret. */
    SECRET_NOT_MARKED,
    /** discovery: the users schema has additionalProperties false. */
    CLOSED_SCHEMA,
    /** check always fails, even with a good config. */
    CHECK_ALWAYS_FAILS,
    /** users ids are written as 1.0, 2.0, … for an integer field. */
    FLOAT_IDS,
    /** orders returns nothing. */
    EMPTY_ORDERS,
    /** every user has the same cursor value, so a state never moves reads forward. */
    CONSTANT_CURSOR
  }

  public record Config(int count, String token) {}

  public record User(long id, String name, Instant updatedAt) {}

  public record Order(String key, Double amount) {}

  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final Flaw flaw;

  public KitSource() {
    this(Flaw.NONE);
  }

  public KitSource(Flaw flaw) {
    super(definition(flaw));
    this.flaw = flaw;
  }

  public Flaw flaw() {
    return flaw;
  }

  static List<User> users(Config config) {
    List<User> out = new ArrayList<>();
    for (int i = 1; i <= config.count(); i++) {
      out.add(new User(i, i % 3 == 0 ? null : "user " + i, T0.plusSeconds(60L * i)));
    }
    return out;
  }

  private static SourceDefinition<Config> definition(Flaw flaw) {
    ConnectorInfo info =
        new ConnectorInfo(
            "kit-source",
            "0.1.0",
            "Kit Source",
            "A hand-written test source.",
            "https://example.com/docs/kit-source",
            "",
            ConnectorKind.SOURCE,
            flaw == Flaw.SECRET_NOT_MARKED
                ? "/META-INF/c8kit/kit-source/spec-unmarked-secret.json"
                : "/META-INF/c8kit/kit-source/spec.json",
            "c8kit/source-kit");
    ConfigBinder<Config> binder =
        c -> new Config(ConfigValues.intValue(c, "count"), ConfigValues.string(c, "token"));
    RecordSerializer<User> users =
        (u, g) -> {
          g.writeStartObject();
          if (flaw == Flaw.FLOAT_IDS) {
            g.writeFieldName("id");
            g.writeNumber(u.id() + ".0");
          } else {
            g.writeNumberField("id", u.id());
          }
          g.writeFieldName("name");
          JsonValues.writeString(g, u.name());
          g.writeFieldName("updated_at");
          JsonValues.writeInstant(g, u.updatedAt());
          g.writeEndObject();
        };
    RecordSerializer<Order> orders =
        (o, g) -> {
          g.writeStartObject();
          g.writeStringField("key", o.key());
          g.writeFieldName("amount");
          JsonValues.writeDouble(g, o.amount());
          g.writeEndObject();
        };
    return SourceDefinition.builder(info, binder)
        .check(
            config -> {
              if (config.count() == 4242) {
                throw new IllegalStateException("unexpected failure while checking");
              }
              if (flaw == Flaw.CHECK_ALWAYS_FAILS || config.count() > 1000) {
                throw new ConfigException("count must be at most 1000");
              }
            })
        .stream(
            StreamDefinition.<Config, User>builder("users")
                .schemaResource(
                    flaw == Flaw.CLOSED_SCHEMA
                        ? "/META-INF/c8kit/kit-source/streams/users-closed.json"
                        : "/META-INF/c8kit/kit-source/streams/users.json")
                .primaryKey("id")
                .cursor(
                    List.of("updated_at"),
                    CursorType.INSTANT,
                    u -> flaw == Flaw.CONSTANT_CURSOR ? T0 : u.updatedAt())
                .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
                .ordered(true)
                .checkpointRecords(3)
                .serializer(users)
                .reader(
                    (config, ctx) -> {
                      Cursor<Instant> from = ctx.cursor();
                      Instant lower = from.orElse(Instant.EPOCH);
                      for (User u : users(config)) {
                        Instant c = flaw == Flaw.CONSTANT_CURSOR ? T0 : u.updatedAt();
                        if (!c.isBefore(lower)) {
                          ctx.emit(u);
                        }
                      }
                    })
                .build())
        .stream(
            StreamDefinition.<Config, Order>builder("orders")
                .schemaResource("/META-INF/c8kit/kit-source/streams/orders.json")
                .primaryKey("key")
                .syncModes(SyncMode.FULL_REFRESH)
                .serializer(orders)
                .reader(
                    (config, ctx) -> {
                      if (flaw != Flaw.EMPTY_ORDERS) {
                        ctx.emit(new Order("k1", 10.5));
                        ctx.emit(new Order("k2", null));
                      }
                    })
                .build())
        .build();
  }
}
