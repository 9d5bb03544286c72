package io.c8kit.benchmarks.synthetic;

import io.c8kit.benchmarks.synthetic.BenchSource.Address;
import io.c8kit.benchmarks.synthetic.BenchSource.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the synthetic benchmark rows: faker-like, ten fields (a {@code tags} array of 0 to 3
 * strings and an {@code address} object among them), about 300 bytes of JSON each. Deterministic
 * (row {@code i} is always the same) and cheap — a few small allocations and no formatting — so
 * that a benchmark measures the connector machinery, not the data generator. Both the c8kit source
 * ({@link BenchSource}) and the hand-written baseline use it, so both do exactly the same work to
 * produce a row.
 */
public final class Rows {
  private static final String[] FIRST = {
    "Terrell", "Ira", "Randall", "Lonna", "Jesus", "Marla", "Wes", "Nyla", "Bertie", "Chas",
    "Odette", "Quinn", "Ruthie", "Solomon", "Tamra", "Ulysses"
  };
  private static final String[] LAST = {
    "Lindqvist",
    "Okafor",
    "Brennan",
    "Castellanos",
    "Nakamura",
    "Whitfield",
    "Abernathy",
    "Kowalski",
    "Fitzgerald",
    "Delacroix",
    "Haverford",
    "Montgomery",
    "Pemberton",
    "Ravensworth",
    "Sutherland",
    "Vandermeer"
  };
  private static final String[] DOMAINS = {
    "example.com", "mail.example.org", "corp.example.net", "example.io"
  };
  private static final String[][] PLACES = {
    {"Rotterdam", "Netherlands"},
    {"Porto Alegre", "Brazil"},
    {"Nairobi", "Kenya"},
    {"Osaka", "Japan"},
    {"Krakow", "Poland"},
    {"Winnipeg", "Canada"},
    {"Lausanne", "Switzerland"},
    {"Guadalajara", "Mexico"},
    {"Cork", "Ireland"},
    {"Chennai", "India"},
    {"Tallinn", "Estonia"},
    {"Adelaide", "Australia"}
  };
  private static final String[] STREETS = {
    "12 Harbour Lane",
    "7 Kingsway",
    "221 Elm Street",
    "3 Rue des Alpes",
    "48 Mill Road",
    "9 Ocean Drive",
    "150 Station Road",
    "5 Birch Avenue"
  };
  private static final String[] TAG_WORDS = {
    "vip", "newsletter", "beta", "churn-risk", "partner", "trial"
  };

  /** The 16 tag lists rows pick from (0 to 3 tags), precomputed and immutable. */
  private static final List<List<String>> TAGS = new ArrayList<>();

  /** Addresses, precomputed: street x place. */
  private static final Address[] ADDRESSES = new Address[STREETS.length * PLACES.length];

  /** Full names and the lower-case e-mail prefixes, precomputed: 256 combinations. */
  private static final String[] NAMES = new String[FIRST.length * LAST.length];

  private static final String[] MAILBOXES = new String[NAMES.length];

  static {
    for (int f = 0; f < FIRST.length; f++) {
      for (int l = 0; l < LAST.length; l++) {
        NAMES[f * LAST.length + l] = FIRST[f] + " " + LAST[l];
        MAILBOXES[f * LAST.length + l] =
            (FIRST[f] + "." + LAST[l]).toLowerCase(java.util.Locale.ROOT);
      }
    }
    for (int t = 0; t < 16; t++) {
      List<String> tags = new ArrayList<>();
      for (int k = 0; k < t % 4; k++) {
        tags.add(TAG_WORDS[(t + k * 5) % TAG_WORDS.length]);
      }
      TAGS.add(List.copyOf(tags));
    }
    for (int s = 0; s < STREETS.length; s++) {
      for (int p = 0; p < PLACES.length; p++) {
        ADDRESSES[s * PLACES.length + p] =
            new Address(
                STREETS[s],
                PLACES[p][0],
                String.format("%04d", 1000 + s * 911 + p * 37),
                PLACES[p][1]);
      }
    }
  }

  /** 2023-11-14T22:13:20Z */
  static final long EPOCH_SECONDS = 1_700_000_000L;

  private Rows() {}

  /** Row number {@code i} (1-based). */
  public static Row row(long i) {
    int h = (int) (i * 0x9E3779B1L >>> 7); // cheap scrambling, so neighbouring rows differ
    int n = h & 0xFF;
    return new Row(
        i,
        NAMES[n],
        MAILBOXES[n] + i + "@" + DOMAINS[(h >>> 12) & 3],
        18 + (h >>> 14) % 70,
        ((h >>> 3) & 0xFFFF) / 8.0,
        (h & 0x100) != 0,
        BigDecimal.valueOf((i * 7919) % 10_000_000, 2),
        TAGS.get((h >>> 20) & 15),
        ADDRESSES[(h >>> 8 & 0x7FFF) % ADDRESSES.length],
        Instant.ofEpochSecond(EPOCH_SECONDS + i * 37));
  }
}
