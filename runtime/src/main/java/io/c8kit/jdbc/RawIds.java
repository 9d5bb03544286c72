package io.c8kit.jdbc;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates {@code _airbyte_raw_id}s as UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit
 * counter for ids within the same millisecond, 62 random bits. Ids of one generator are strictly
 * increasing, so their text sorts in insertion order (used to break ties when deduplicating).
 */
final class RawIds {
  private long lastMillis = -1;
  private int counter;

  String next() {
    long now = System.currentTimeMillis();
    if (now > lastMillis) {
      lastMillis = now;
      counter = 0;
    } else if (++counter > 0xFFF) {
      lastMillis++; // borrow the next millisecond rather than repeat an id
      counter = 0;
    }
    long msb = (lastMillis << 16) | 0x7000L | counter;
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
