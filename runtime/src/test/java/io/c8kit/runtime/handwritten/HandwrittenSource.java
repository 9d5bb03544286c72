package io.c8kit.runtime.handwritten;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigAttributeType;
import io.c8kit.ConfigException;
import io.c8kit.ConfigProperty;
import io.c8kit.TransientException;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.ErrorClassifier;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;
import io.c8kit.source.DiscoveredStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source written by hand against the SPI, the way the processor would generate it: two static
 * streams (users, orders), one discovered stream (events), a secret, and a check whose behavior the
 * config chooses.
 */
public final class HandwrittenSource extends SourceConnector<HandwrittenSource.Config> {
  public static final ConnectorInfo INFO =
      new ConnectorInfo(
          "handwritten-source",
          "1.2.3",
          "Handwritten Source",
          "A source written without the processor.",
          "https://example.com/docs/handwritten-source",
          "",
          ConnectorKind.SOURCE,
          "/META-INF/c8kit/handwritten-source/spec.json",
          "c8kit/source-handwritten");

  /** The connector's declared config exception (the processor reads it from the annotation). */
  public static final class AuthFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthFailure(String message) {
      super(message);
    }
  }

  /** Declared transient exception. */
  public static final class RateLimited extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RateLimited(String message) {
      super(message);
    }
  }

  /** The bound config. */
  public record Config(
      String host,
      int port,
      String apiKey,
      int count,
      String behavior,
      String authMethod,
      String password,
      int timeout,
      List<String> tagNames) {}

  public record User(
      long id, String name, String mongoId, double score, boolean active, Instant updatedAt) {}

  public record Order(String key, String rev, String oldRev, Double amount) {}

  /** Hand-written binder: what the processor generates. */
  public static final class Binder implements ConfigBinder<Config> {
    @Override
    public Config bind(JsonNode c) {
      JsonNode auth = ConfigValues.object(c, "auth");
      return new Config(
          ConfigValues.string(c, "host"),
          ConfigValues.intValue(c, "port"),
          ConfigValues.string(c, "api_key"),
          ConfigValues.intValue(c, "count"),
          ConfigValues.string(c, "behavior"),
          auth == null ? null : ConfigValues.string(auth, "method"),
          auth == null ? null : ConfigValues.string(auth, "password"),
          auth == null ? 0 : ConfigValues.intValue(auth, "timeout"),
          ConfigValues.list(c, "tags", t -> ConfigValues.string(t, "name")));
    }
  }

  /** Hand-written serializers. */
  static final RecordSerializer<User> USER_SERIALIZER =
      (u, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", u.id());
        g.writeFieldName("name");
        JsonValues.writeString(g, u.name());
        g.writeStringField("_id", u.mongoId());
        g.writeFieldName("score");
        JsonValues.writeDouble(g, u.score());
        g.writeBooleanField("active", u.active());
        g.writeFieldName("updated_at");
        JsonValues.writeInstant(g, u.updatedAt());
        g.writeEndObject();
      };

  static final RecordSerializer<Order> ORDER_SERIALIZER =
      (o, g) -> {
        g.writeStartObject();
        g.writeStringField("_key", o.key());
        g.writeStringField("_rev", o.rev());
        g.writeStringField("__rev", o.oldRev());
        g.writeFieldName("amount");
        JsonValues.writeDouble(g, o.amount());
        g.writeEndObject();
      };

  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  public HandwrittenSource() {
    super(buildDefinition());
  }

  static List<User> users(Config config) {
    List<User> users = new java.util.ArrayList<>();
    for (int i = 1; i <= config.count(); i++) {
      users.add(
          new User(
              i,
              i % 2 == 0 ? null : "user" + i,
              "m" + i,
              i * 1.5,
              i % 2 == 1,
              T0.plusSeconds(60L * i)));
    }
    return users;
  }

  private static SourceDefinition<Config> buildDefinition() {
    return SourceDefinition.builder(INFO, new Binder())
        .configProperties(
            List.of(
                new ConfigProperty(
                    "host",
                    "Host",
                    ConfigAttributeType.STRING,
                    true,
                    false,
                    "Server host",
                    "",
                    "db.example.com"),
                new ConfigProperty(
                    "port", "Port", ConfigAttributeType.INT, false, false, null, "5432", null),
                new ConfigProperty(
                    "api_key",
                    "API Key",
                    ConfigAttributeType.PASSWORD,
                    true,
                    false,
                    null,
                    null,
                    null)))
        .check(HandwrittenSource::check)
        .errors(ErrorClassifier.of(List.of(AuthFailure.class), List.of(RateLimited.class)))
        .stream(
            StreamDefinition.<Config, User>builder("users")
                .schemaResource("/META-INF/c8kit/handwritten-source/streams/users.json")
                .primaryKey("id")
                .cursor(List.of("updated_at"), CursorType.INSTANT, User::updatedAt)
                .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
                .ordered(true)
                .serializer(USER_SERIALIZER)
                .reader(
                    (config, ctx) -> {
                      if ("noisy".equals(config.behavior())) {
                        System.out.println("reading users with " + config.apiKey());
                      }
                      ctx.drain(users(config));
                    })
                .build())
        .stream(
            StreamDefinition.<Config, Order>builder("orders")
                .schemaResource("/META-INF/c8kit/handwritten-source/streams/orders.json")
                .primaryKey("_key")
                .serializer(ORDER_SERIALIZER)
                .reader(
                    (config, ctx) -> {
                      if ("fail".equals(config.behavior())) {
                        throw new IllegalStateException("orders exploded for " + config.apiKey());
                      }
                      ctx.emit(new Order("k1", "r1", "old1", 10.5));
                      ctx.emit(new Order("k2", "r2", "old2", null));
                    })
                .build())
        .discover(
            config -> {
              if ("fuzz".equals(config.behavior())) {
                throw fuzzFailure(config.apiKey());
              }
              if ("overflow".equals(config.behavior())) {
                return List.of(recurse(0));
              }
              if ("oom".equals(config.behavior())) {
                throw new OutOfMemoryError("Java heap space");
              }
              return List.of(
                  DiscoveredStream.builder("events")
                      .jsonSchema(eventsSchema())
                      .primaryKey(List.of("id"))
                      .syncModes(SyncMode.FULL_REFRESH)
                      .build());
            },
            (config, ctx) -> {
              for (int i = 1; i <= 2; i++) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("id", i);
                event.put("_id", "e" + i);
                event.put("__id", "x" + i);
                ctx.emit(event);
              }
            })
        .build();
  }

  private static DiscoveredStream recurse(int depth) {
    return depth < 0 ? null : recurse(depth + 1);
  }

  static ObjectNode eventsSchema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("id").put("type", "integer");
    properties.putObject("_id").put("type", "string");
    properties.putObject("__id").put("type", "string");
    return schema;
  }

  /** The secret as JSON text shows it: escaped, and with every non-ASCII character escaped. */
  static String asJson(String secret) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper plain =
          new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.databind.ObjectMapper ascii =
          new com.fasterxml.jackson.databind.ObjectMapper();
      ascii
          .getFactory()
          .enable(
              com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
      return plain.writeValueAsString(Map.of("api_key", secret))
          + " "
          + ascii.writeValueAsString(Map.of("api_key", secret));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An exception carrying the secret raw and as JSON in its message and its cause's. */
  static RuntimeException fuzzFailure(String secret) {
    return new IllegalStateException(
        "failed for " + secret + " in " + asJson(secret),
        new IllegalArgumentException("cause " + secret + "|"));
  }

  private static void check(Config config) throws InterruptedException {
    if (Boolean.getBoolean("handwritten.straythread")) {
      // A non-daemon thread that never ends must not keep the process alive, and a thread that
      // dies must be logged, not printed.
      Thread sleeper =
          new Thread(
              () -> {
                try {
                  Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException ignored) {
                  // exit
                }
              },
              "stray-non-daemon");
      sleeper.start();
      Thread failing =
          new Thread(
              () -> {
                throw new IllegalStateException("stray thread failed");
              },
              "stray-failing");
      failing.start();
      failing.join();
    }
    switch (config.behavior()) {
      case "fail":
        throw new IllegalStateException(
            "cannot reach " + config.host() + " with key " + config.apiKey());
      case "config_error":
        throw new ConfigException("Wrong API key " + config.apiKey() + " for " + config.host());
      case "declared_error":
        throw new RuntimeException("wrapped", new AuthFailure("denied for " + config.apiKey()));
      case "transient":
        throw new TransientException("rate limited, key " + config.apiKey());
      case "fuzz":
        // every way a connector or a library can carry the secret to an output channel
        Logger.getLogger("handwritten.jul")
            .info("JUL sees " + config.apiKey() + " as " + asJson(config.apiKey()));
        Logger.getLogger("handwritten.jul")
            .log(
                java.util.logging.Level.WARNING,
                "with a stack trace",
                fuzzFailure(config.apiKey()));
        LoggerFactory.getLogger("handwritten.slf4j").warn("SLF4J sees {}", config.apiKey());
        System.out.println("println sees " + config.apiKey());
        System.out.print(config.apiKey());
        System.out.println();
        System.err.println("stderr sees " + config.apiKey() + " and " + asJson(config.apiKey()));
        System.err.print(config.apiKey() + "\n");
        fuzzFailure(config.apiKey()).printStackTrace();
        throw fuzzFailure(config.apiKey());
      case "noisy":
        Logger.getLogger("handwritten.jul").info("JUL sees key " + config.apiKey());
        LoggerFactory.getLogger("handwritten.slf4j").warn("SLF4J sees key {}", config.apiKey());
        System.out.println("println sees key " + config.apiKey());
        System.err.println("stderr sees key " + config.apiKey());
        throw new IllegalStateException("noisy failure with key " + config.apiKey());
      default:
        // ok
    }
  }
}
