package io.c8kit.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Identifier sanitizing shared by the dialects. Stream and field names may be any UTF-8; the result
 * keeps letters and digits of any script and {@code _}, replaces everything else (spaces, quotes,
 * punctuation, control characters) with {@code _}, prefixes {@code _} when it would start with a
 * digit, and fits a byte limit. Identifiers are always quoted in SQL, so SQL keywords need no
 * change. {@link Allocator} makes the names of one scope unique.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * Sanitizes {@code raw}.
   *
   * @param lowercase fold to lower case (PostgreSQL, so that unquoted SQL finds the names)
   * @param maxBytes UTF-8 byte limit, 0 for none
   */
  public static String sanitize(String raw, boolean lowercase, int maxBytes) {
    String s = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
    if (lowercase) {
      s = s.toLowerCase(Locale.ROOT);
    }
    StringBuilder b = new StringBuilder(s.length() + 1);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '_' || Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(cp);
              } else {
                b.append('_');
              }
            });
    if (b.length() == 0 || Character.isDigit(b.codePointAt(0))) {
      b.insert(0, '_');
    }
    return truncate(b.toString(), maxBytes);
  }

  /**
   * Cuts {@code s} to at most {@code maxBytes} UTF-8 bytes on a code point boundary (0: no limit).
   */
  public static String truncate(String s, int maxBytes) {
    if (maxBytes <= 0 || s.length() * 3 <= maxBytes || utf8Length(s) <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > maxBytes) {
        break;
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** 8 hex digits of SHA-256 of {@code raw}: a stable suffix that tells colliding names apart. */
  public static String shortHash(String raw) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Hands out unique sanitized names within one scope (a table's columns, a schema's tables). A
   * name whose sanitized form is taken gets {@code _<shortHash(raw)>} appended (then a counter,
   * should that collide too), so the result does not depend on the order of unrelated names.
   */
  public static final class Allocator {
    private final SqlDialect dialect;
    private final Set<String> taken = new HashSet<>();

    public Allocator(SqlDialect dialect) {
      this.dialect = dialect;
    }

    /** Marks an already final name as used; returns false if it was. */
    public boolean reserve(String name) {
      return taken.add(dialect.collisionKey(name));
    }

    public boolean isTaken(String name) {
      return taken.contains(dialect.collisionKey(name));
    }

    /** A unique sanitized name for {@code raw}, reserved. */
    public String allocate(String raw) {
      return allocate(raw, "");
    }

    /**
     * A unique sanitized name for {@code raw} such that {@code name + pairedSuffix} is free too
     * (and fits the length limit); both are reserved. The result excludes the suffix.
     */
    public String allocate(String raw, String pairedSuffix) {
      int max = dialect.maxIdentifierBytes();
      int room = max <= 0 ? 0 : max - utf8Length(pairedSuffix);
      String base = truncate(dialect.sanitizeIdentifier(raw), room);
      String hash = "_" + shortHash(raw);
      for (int i = 0; ; i++) {
        String candidate;
        if (i == 0) {
          candidate = base;
        } else {
          String s = i == 1 ? hash : hash + "_" + i;
          candidate = truncate(base, room <= 0 ? 0 : room - utf8Length(s)) + s;
        }
        if (!isTaken(candidate) && (pairedSuffix.isEmpty() || !isTaken(candidate + pairedSuffix))) {
          reserve(candidate);
          if (!pairedSuffix.isEmpty()) {
            reserve(candidate + pairedSuffix);
          }
          return candidate;
        }
      }
    }
  }
}
