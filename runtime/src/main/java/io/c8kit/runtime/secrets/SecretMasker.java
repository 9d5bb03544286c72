package io.c8kit.runtime.secrets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces every registered secret value with {@code ****} in text the runtime writes (LOG and
 * TRACE messages, FAILED statuses, stack traces, stderr, C8 exceptions). Secrets are registered
 * from the config before anything can be logged; longer forms are replaced first so a secret
 * containing another is fully hidden.
 *
 * <p>A secret is masked in every shape it can take in that text: as a whole, stripped of
 * surrounding white space, with its line breaks ({@code \n}, {@code \r}, {@code \r\n}, U+2028,
 * U+2029, U+0085, VT, FF) normalised to {@code \n} or a space, and each of its lines on its own (a
 * library printing a PEM key line by line, a message split at a line break) — lines shorter than
 * {@link #MIN_LINE_LENGTH} characters after stripping are not masked on their own, since masking
 * {@code "ab"} or {@code "--"} everywhere would shred every message while revealing next to
 * nothing. Each of these forms is also masked as it appears inside JSON text (a serialized config
 * or payload quoted in an exception message): JSON-escaped as Jackson writes it ({@code \n}, {@code
 * \"}, {@code \\}, {@code \\u0001}) and with every non-ASCII character as a {@code \\uXXXX} escape
 * (upper and lower case hex, as JavaScript writes U+2028).
 */
public final class SecretMasker {
  public static final String MASK = "****";

  /** Values shorter than this are not masked: masking "a" would shred every message. */
  private static final int MIN_LENGTH = 2;

  /** Lines of a multi-line secret at least this long (after stripping) are masked on their own. */
  static final int MIN_LINE_LENGTH = 4;

  /** Every line terminator Java's {@code \R} knows: \n, \r, \r\n, VT, FF, NEL, U+2028, U+2029. */
  private static final String LINE_BREAK = "\\R";

  /** Secrets found at run time (OAuth tokens), masked by every masker of the process. */
  private static final SecretMasker PROCESS = new SecretMasker();

  /** Sorted longest first; replaced as a whole on every change, so readers never lock. */
  private volatile List<String> secrets = List.of();

  public synchronized void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    Set<String> plain = new LinkedHashSet<>();
    plain.add(secret);
    plain.add(secret.strip());
    String[] lines = secret.split(LINE_BREAK, -1);
    if (lines.length > 1) {
      plain.add(secret.replaceAll(LINE_BREAK, "\n"));
      plain.add(secret.replaceAll(LINE_BREAK, " "));
      plain.add(secret.replaceAll(LINE_BREAK, "\n").strip());
      for (String line : lines) {
        String trimmed = line.strip();
        if (trimmed.length() >= MIN_LINE_LENGTH) {
          plain.add(trimmed);
        }
      }
    }
    List<String> sorted = new ArrayList<>(secrets);
    int before = sorted.size();
    for (String form : plain) {
      if (form.length() < MIN_LENGTH) {
        continue;
      }
      addIfNew(sorted, form);
      String json = new String(JsonStringEncoder.getInstance().quoteAsString(form));
      addIfNew(sorted, json);
      String ascii = asciiEscaped(json);
      addIfNew(sorted, ascii);
      addIfNew(sorted, lowerHex(ascii));
    }
    if (sorted.size() == before) {
      return;
    }
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    secrets = List.copyOf(sorted);
  }

  /** {@code json} with every non-ASCII character as a backslash-u escape (upper-case hex). */
  private static String asciiEscaped(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c >= 0x80) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }

  /** {@code escaped} with lower-case hex digits in its backslash-u escapes. */
  private static String lowerHex(String escaped) {
    if (escaped.indexOf("\\u") < 0) {
      return escaped;
    }
    StringBuilder out = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\' && i + 6 <= escaped.length() && escaped.charAt(i + 1) == 'u') {
        out.append("\\u").append(escaped.substring(i + 2, i + 6).toLowerCase(Locale.ROOT));
        i += 5;
      } else if (c == '\\' && i + 1 < escaped.length()) {
        out.append(c).append(escaped.charAt(i + 1)); // keep "\\" pairs intact
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void addIfNew(List<String> list, String value) {
    if (value.length() >= MIN_LENGTH && !list.contains(value)) {
      list.add(value);
    }
  }

  /**
   * Registers a secret obtained at run time with every masker of this process (see {@code Log}).
   */
  public static void registerForProcess(String secret) {
    PROCESS.register(secret);
  }

  /**
   * Tests only: forgets the run-time secrets, so that one test's tokens do not mask another's text.
   */
  static synchronized void forgetProcessSecrets() {
    PROCESS.secrets = List.of();
  }

  public void registerAll(Collection<String> values) {
    values.forEach(this::register);
  }

  public boolean isEmpty() {
    return secrets.isEmpty() && PROCESS.secrets.isEmpty();
  }

  /** The text with every registered secret replaced by {@link #MASK}; null stays null. */
  public String mask(String text) {
    List<String> current = withProcessSecrets();
    if (text == null || current.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : current) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  private List<String> withProcessSecrets() {
    List<String> own = secrets;
    List<String> process = PROCESS.secrets;
    if (this == PROCESS || process.isEmpty()) {
      return own;
    }
    if (own.isEmpty()) {
      return process;
    }
    List<String> all = new ArrayList<>(own);
    process.forEach(s -> addIfNew(all, s));
    all.sort(Comparator.comparingInt(String::length).reversed());
    return all;
  }
}
