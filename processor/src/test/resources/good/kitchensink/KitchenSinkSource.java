package com.example.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.Choice;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Field;
import io.c8kit.annotations.OneOf;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.annotations.SyncMode;
import io.c8kit.source.Emitter;
import io.c8kit.source.StreamContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Uses every config feature and every stream field mapping. */
@Source(
    name = "kitchen-sink",
    version = "2.1.0-beta.1+build.7",
    description = "Exercises every \"feature\" of the DSL.",
    logo = "icons/sink.svg",
    dockerImage = "acme/source-kitchen-sink",
    baseImage = "registry.example.com/jre:17",
    configErrors = {IllegalArgumentException.class, SecurityException.class},
    transientErrors = IOException.class,
    concurrency = 3,
    ioBound = true)
public class KitchenSinkSource {
  public enum Region {
    @Field(name = "us-east-1") US_EAST,
    @Field(name = "eu-west-1") EU_WEST,
    AP
  }

  @OneOf(discriminator = "auth_type", displayType = "radio")
  public sealed interface Auth permits ApiKeyAuth, OAuth, NoAuth {}

  @Choice(value = "api_key", title = "API Key", description = "Authenticate with a key.")
  public record ApiKeyAuth(@Secret @Property(title = "API Key") String apiKey) implements Auth {}

  @Choice("oauth")
  public record OAuth(
      String clientId,
      @Secret String clientSecret,
      @Property(order = 5) @DefaultValue("[\"read\"]") List<String> scopes) implements Auth {}

  @Choice("none")
  public record NoAuth() implements Auth {}

  public record Tunnel(
      String host,
      @DefaultValue("22") @Property(minimum = 1, maximum = 65535) int port,
      @Secret @Property(multiline = true) Optional<String> privateKey) {}

  public record Config(
      @Property(title = "Host", description = "Server host name.", group = "connection",
          examples = {"db.example.com"}, pattern = "^[a-z0-9.-]+$", patternDescriptor = "host name",
          placeholder = "db.example.com")
          String host,
      @Property(group = "connection", minimum = 1, maximum = 65535) @DefaultValue("5432") int port,
      @Secret @Property(group = "connection", alwaysShow = true) String password,
      @Property(name = "api_token") @Secret Optional<String> token,
      @DefaultValue("us-east-1") Region region,
      @DefaultValue("[\"a\", \"b\"]") List<String> tags,
      Set<Region> regions,
      Optional<Integer> limit,
      @DefaultValue("0.5") @Property(minimum = 0, maximum = 1) double sampleRate,
      @DefaultValue("12.50") BigDecimal budget,
      @Property(format = "date-time") @DefaultValue("2024-01-01T00:00:00Z") Instant startDate,
      Optional<LocalDate> endDate,
      Optional<OffsetDateTime> since,
      @DefaultValue("false") boolean debug,
      @Property(hidden = true, dynamic = true) @DefaultValue("") String collection,
      @DefaultValue("7") long retries,
      Boolean compress,
      Auth credentials,
      Optional<Tunnel> tunnel,
      List<Tunnel> replicas,
      JsonNode extra,
      Map<String, String> headers) {}

  public record Address(String street, @Field(description = "Postal code.") Optional<String> zip) {}

  public record Everything(
      @Field(description = "Primary key.") long id,
      int count,
      short small,
      byte tiny,
      double ratio,
      float fraction,
      boolean flag,
      Integer boxedInt,
      Long boxedLong,
      Short boxedShort,
      Byte boxedByte,
      Double boxedDouble,
      Float boxedFloat,
      Boolean boxedFlag,
      BigDecimal amount,
      java.math.BigInteger huge,
      String text,
      Instant instant,
      OffsetDateTime offsetDateTime,
      java.time.ZonedDateTime zonedDateTime,
      LocalDateTime localDateTime,
      LocalDate localDate,
      LocalTime localTime,
      Region region,
      @Field(name = "home") Address address,
      Optional<Address> work,
      List<Address> previous,
      List<List<String>> matrix,
      Set<Region> regions,
      Optional<String> nickname,
      List<Optional<Integer>> sparse,
      Map<String, Object> attributes,
      JsonNode raw,
      com.fasterxml.jackson.databind.node.ObjectNode object) {}

  public record Event(String key, LocalDateTime at) {}

  @Check
  public void check(Config config) throws IOException {}

  @Stream(name = "everything", namespace = "sink", primaryKey = {"id", "home.street"},
      cursor = "local_date", syncModes = {SyncMode.INCREMENTAL, SyncMode.FULL_REFRESH},
      checkpointRecords = 500, checkpointSeconds = 30)
  Iterator<Everything> all(StreamContext context, Config config) {
    return List.<Everything>of().iterator();
  }

  @Stream(cursor = "at", ordered = true)
  void events(Emitter<Event> emitter, Config config) {}

  @Stream
  List<Event> eventLog() {
    return List.of();
  }
}
