package io.c8kit.benchmarks.synthetic;

import io.c8kit.benchmarks.synthetic.BenchSource.Row;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Generates the synthetic benchmark rows: faker-like, ten fields, about 200 bytes of JSON each.
 * Deterministic (row {@code i} is always the same) and cheap — a few small allocations and no
 * formatting — so that a benchmark measures the connector machinery, not the data generator. Both
 * the c8kit source ({@link BenchSource}) and the hand-written baseline use it, so both do exactly
 * the same work to produce a row.
 */
public final class Rows {
  private static final String[] FIRST = {
    "Terrell", "Ira", "Randall", "Lonna", "Jesus", "Marla", "Wes", "Nyla", "Bertie", "Chas", "Odette",
    "Quinn", "Ruthie", "Solomon", "Tamra", "Ulysses"};
  private static final String[] LAST = {
    "Lindqvist", "Okafor", "Brennan", "Castellanos", "Nakamura", "Whitfield", "Abernathy", "Kowalski",
    "Fitzgerald", "Delacroix", "Haverford", "Montgomery", "Pemberton", "Ravensworth", "Sutherland",
    "Vandermeer"};
  private static final String[] DOMAINS = {"example.com", "mail.example.org", "corp.example.net", "example.io"};
  private static final String[][] PLACES = {
    {"Rotterdam", "Netherlands"}, {"Porto Alegre", "Brazil"}, {"Nairobi", "Kenya"}, {"Osaka", "Japan"},
    {"Krakow", "Poland"}, {"Winnipeg", "Canada"}, {"Lausanne", "Switzerland"}, {"Guadalajara", "Mexico"},
    {"Cork", "Ireland"}, {"Chennai", "India"}, {"Tallinn", "Estonia"}, {"Adelaide", "Australia"}};
  /** Full names and the lower-case e-mail prefixes, precomputed: 256 combinations. */
  private static final String[] NAMES = new String[FIRST.length * LAST.length];
  private static final String[] MAILBOXES = new String[NAMES.length];

  static {
    for (int f = 0; f < FIRST.length; f++) {
      for (int l = 0; l < LAST.length; l++) {
        NAMES[f * LAST.length + l] = FIRST[f] + " " + LAST[l];
        MAILBOXES[f * LAST.length + l] = (FIRST[f] + "." + LAST[l]).toLowerCase(java.util.Locale.ROOT);
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
    String[] place = PLACES[(h >>> 8 & 0x7FFF) % PLACES.length];
    return new Row(
        i,
        NAMES[n],
        MAILBOXES[n] + i + "@" + DOMAINS[(h >>> 12) & 3],
        18 + (h >>> 14) % 70,
        ((h >>> 3) & 0xFFFF) / 8.0,
        (h & 0x100) != 0,
        BigDecimal.valueOf((i * 7919) % 10_000_000, 2),
        place[0],
        place[1],
        Instant.ofEpochSecond(EPOCH_SECONDS + i * 37));
  }
}
