package io.c8kit.examples.faker;

import io.c8kit.ConfigException;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.source.Cursor;
import io.c8kit.source.Page;
import io.c8kit.source.StreamContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * A source of fake users, products and purchases in the spirit of Airbyte's source-faker, with no
 * external library: every value comes from a {@link SplittableRandom} seeded by the config seed and
 * the record id, so a given seed always produces the same records.
 */
@Source(
    name = "faker",
    version = "1.0.0",
    title = "Faker",
    description = "Generates fake users, products and purchases; deterministic for a given seed.",
    documentationUrl = "https://docs.airbyte.com/integrations/sources/faker",
    concurrency = 4)
public class FakerSource {
  /**
   * Timestamps of stable records (always_updated = false) are laid out from here, one hour apart.
   */
  static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  /** The connector configuration; every property has a default, so {@code {}} is a valid config. */
  public record Config(
      @Property(
              description =
                  "How many users should be generated in total. This setting does not apply "
                      + "to the purchases or products stream.",
              order = 0,
              minimum = 1)
          @DefaultValue("1000")
          int count,
      @Property(
              description =
                  "Seed of the fake data: the same seed gives the same records on every run "
                      + "(-1 for a random seed).",
              order = 1,
              minimum = -1)
          @DefaultValue("0")
          long seed,
      @Property(
              title = "Records Per Stream Slice",
              description = "How many records are emitted between two state checkpoints.",
              order = 2,
              minimum = 1)
          @DefaultValue("1000")
          int recordsPerSlice,
      @Property(
              description =
                  "Should the updated_at values of every record be new on each sync? When "
                      + "false, records are stable and a second incremental sync returns nothing new.",
              order = 3)
          @DefaultValue("true")
          boolean alwaysUpdated,
      @Property(
              description =
                  "How many parallel workers should generate fake data (informational: "
                      + "generation is cheap and runs on the reading thread).",
              order = 4,
              minimum = 1)
          @DefaultValue("4")
          int parallelism) {}

  /** A fake person, with the fields of Airbyte's faker users stream. */
  public record User(
      long id,
      Instant createdAt,
      Instant updatedAt,
      String name,
      String title,
      int age,
      String email,
      String telephone,
      String gender,
      String language,
      String academicDegree,
      String nationality,
      String occupation,
      String height,
      String bloodType,
      int weight) {}

  /** A product of the fixed catalogue of 100 cars. */
  public record Product(
      long id,
      String make,
      String model,
      int year,
      BigDecimal price,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * A user's purchase of a product; purchased_at and returned_at are null when it did not happen.
   */
  public record Purchase(
      long id,
      long userId,
      long productId,
      Instant createdAt,
      Instant updatedAt,
      Instant addedToCartAt,
      Instant purchasedAt,
      Instant returnedAt) {}

  static final int PRODUCTS = 100;

  @Check
  void check(Config config) {
    if (config.count() < 1) {
      throw new ConfigException("count must be at least 1, got " + config.count());
    }
    if (config.recordsPerSlice() < 1) {
      throw new ConfigException(
          "records_per_slice must be at least 1, got " + config.recordsPerSlice());
    }
  }

  /** Users in ascending updated_at order, from the cursor's lower bound (inclusive) on. */
  @Stream(primaryKey = "id", cursor = "updated_at", ordered = true)
  java.util.stream.Stream<User> users(Config config, Cursor<Instant> since, StreamContext context) {
    context.checkpointEvery(config.recordsPerSlice());
    Clock clock = new Clock(config, config.count());
    Instant lower = since.orElse(Instant.MIN);
    return LongStream.rangeClosed(1, config.count())
        .mapToObj(id -> user(clock, id))
        .filter(u -> !u.updatedAt().isBefore(lower));
  }

  /** The fixed product catalogue, resumable after the last checkpointed id. */
  @Stream(primaryKey = "id", pageKey = "id", ordered = true)
  java.util.stream.Stream<Product> products(
      Config config, Page<Long> after, StreamContext context) {
    context.checkpointEvery(config.recordsPerSlice());
    long seed = seed(config);
    long first = after.after().map(id -> id + 1).orElse(1L);
    return LongStream.rangeClosed(first, PRODUCTS).mapToObj(id -> product(seed, id));
  }

  /** Purchases of every user, in ascending updated_at order, from the cursor's lower bound on. */
  @Stream(primaryKey = "id", cursor = "updated_at", ordered = true)
  java.util.stream.Stream<Purchase> purchases(
      Config config, Cursor<Instant> since, StreamContext context) {
    context.checkpointEvery(config.recordsPerSlice());
    long seed = seed(config);
    // Each user buys 0 to 3 products; count them first so that timestamps can be laid out in order.
    int[] perUser = new int[config.count()];
    int total = 0;
    for (int u = 0; u < perUser.length; u++) {
      perUser[u] = random(seed, "purchases-of", u + 1).nextInt(4);
      total += perUser[u];
    }
    Clock clock = new Clock(config, total);
    Instant lower = since.orElse(Instant.MIN);
    java.util.stream.Stream.Builder<Purchase> out = java.util.stream.Stream.builder();
    long id = 0;
    for (int u = 0; u < perUser.length; u++) {
      for (int k = 0; k < perUser[u]; k++) {
        Purchase p = purchase(seed, clock, ++id, u + 1);
        if (!p.updatedAt().isBefore(lower)) {
          out.add(p);
        }
      }
    }
    return out.build();
  }

  /** The seed in effect: the configured one, or a random one for -1. */
  static long seed(Config config) {
    return config.seed() >= 0 ? config.seed() : new SplittableRandom().nextLong(Long.MAX_VALUE);
  }

  /** A generator for one record, independent of the others, so any id can be produced directly. */
  static SplittableRandom random(long seed, String stream, long id) {
    return new SplittableRandom(seed * 1_000_003L + stream.hashCode() * 31L + id);
  }

  /**
   * Lays out updated_at values in ascending order of index: "now" minus one millisecond per record
   * still to come when records are always updated, fixed hours after {@link #EPOCH} otherwise.
   */
  static final class Clock {
    final long seed;
    final boolean alwaysUpdated;
    final Instant now;
    final int total;

    Clock(Config config, int total) {
      this.seed = seed(config);
      this.alwaysUpdated = config.alwaysUpdated();
      this.now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      this.total = total;
    }

    Instant updatedAt(long index, SplittableRandom random) {
      if (alwaysUpdated) {
        return now.minusMillis(total - index);
      }
      return EPOCH.plus(Duration.ofHours(index)).plusSeconds(random.nextInt(3600));
    }
  }

  static User user(Clock clock, long id) {
    SplittableRandom r = random(clock.seed, "users", id);
    Instant updatedAt = clock.updatedAt(id, r);
    Instant createdAt = updatedAt.minus(Duration.ofDays(1 + r.nextInt(3650)));
    String name = pick(r, FIRST_NAMES);
    String email = name.toLowerCase() + (1950 + r.nextInt(60)) + "+" + id + "@" + pick(r, DOMAINS);
    String telephone =
        String.format("%03d-%03d-%04d", r.nextInt(1000), r.nextInt(1000), r.nextInt(10000));
    String height = BigDecimal.valueOf(145 + r.nextInt(60), 2).toPlainString();
    return new User(
        id,
        createdAt,
        updatedAt,
        name,
        pick(r, TITLES),
        18 + r.nextInt(60),
        email,
        telephone,
        pick(r, GENDERS),
        pick(r, LANGUAGES),
        pick(r, DEGREES),
        pick(r, NATIONALITIES),
        pick(r, OCCUPATIONS),
        height,
        pick(r, BLOOD_TYPES),
        40 + r.nextInt(60));
  }

  static Product product(long seed, long id) {
    SplittableRandom r = random(seed, "products", id);
    String[] car = CARS.get((int) ((id - 1) % CARS.size()));
    BigDecimal price =
        BigDecimal.valueOf(5_000 + r.nextInt(95_000) * 100L + r.nextInt(100), 2)
            .setScale(2, RoundingMode.UNNECESSARY);
    Instant createdAt = EPOCH.plus(Duration.ofDays(id)).plusSeconds(r.nextInt(86_400));
    return new Product(id, car[0], car[1], 1990 + r.nextInt(34), price, createdAt, createdAt);
  }

  static Purchase purchase(long seed, Clock clock, long id, long userId) {
    SplittableRandom r = random(seed, "purchases", id);
    Instant updatedAt = clock.updatedAt(id, r);
    Instant addedToCart = updatedAt.minus(Duration.ofMinutes(10 + r.nextInt(100_000)));
    Instant purchased =
        r.nextInt(10) < 7 ? addedToCart.plus(Duration.ofMinutes(1 + r.nextInt(60))) : null;
    Instant returned =
        purchased != null && r.nextInt(10) == 0
            ? purchased.plus(Duration.ofDays(1 + r.nextInt(30)))
            : null;
    return new Purchase(
        id,
        userId,
        1 + r.nextInt(PRODUCTS),
        addedToCart,
        updatedAt,
        addedToCart,
        purchased,
        returned);
  }

  private static String pick(SplittableRandom r, List<String> values) {
    return values.get(r.nextInt(values.size()));
  }

  static final List<String> FIRST_NAMES =
      List.of(
          "Terrell", "Ira", "Randall", "Lonna", "Jesus", "Marla", "Wes", "Nyla", "Bertie", "Chas",
          "Odette", "Quinn", "Ruthie", "Sol", "Tamra", "Ulysses", "Vera", "Walker", "Xiomara",
          "Yoshiko", "Zane", "Alma", "Bruno", "Cleo");
  static final List<String> TITLES =
      List.of("Mr.", "Mrs.", "Miss", "Ms.", "Dr.", "M.A.", "B.Sc", "PhD");
  static final List<String> DOMAINS =
      List.of("gmail.com", "yahoo.com", "yandex.com", "outlook.com", "protonmail.com");
  static final List<String> GENDERS = List.of("Female", "Male", "Fluid", "Other");
  static final List<String> LANGUAGES =
      List.of(
          "English",
          "Tamil",
          "Croatian",
          "Luxembourgish",
          "Spanish",
          "Japanese",
          "Swahili",
          "Portuguese",
          "Polish",
          "Hindi");
  static final List<String> DEGREES = List.of("Bachelor", "Master", "PhD");
  static final List<String> NATIONALITIES =
      List.of(
          "Japanese",
          "Cameroonian",
          "Mexican",
          "Irish",
          "Brazilian",
          "Indian",
          "Polish",
          "Canadian",
          "Kenyan",
          "Swiss");
  static final List<String> OCCUPATIONS =
      List.of(
          "Trout Farmer",
          "Purchase Clerk",
          "Nursery Nurse",
          "Software Engineer",
          "Carpenter",
          "Pilot",
          "Librarian",
          "Chef",
          "Nurse",
          "Architect");
  static final List<String> BLOOD_TYPES = List.of("O+", "O−", "A+", "A−", "B+", "B−", "AB+", "AB−");
  static final List<String[]> CARS =
      List.of(
          new String[] {"Mazda", "MX-5"},
          new String[] {"Mercedes-Benz", "C-Class"},
          new String[] {"Honda", "Accord Crosstour"},
          new String[] {"GMC", "Jimmy"},
          new String[] {"Infiniti", "FX"},
          new String[] {"Audi", "A4"},
          new String[] {"Ford", "Mustang"},
          new String[] {"Toyota", "Corolla"},
          new String[] {"Volkswagen", "Golf"},
          new String[] {"Subaru", "Outback"});
}
