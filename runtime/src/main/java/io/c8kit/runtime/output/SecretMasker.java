package io.c8kit.runtime.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every registered secret value with {@code ****} in text the runtime writes (LOG and
 * TRACE messages, FAILED statuses, stack traces, stderr). Secrets are registered from the config
 * before anything can be logged; longer secrets are replaced first so a secret containing another is
 * fully hidden. A multi-line secret (a PEM key) also registers each of its longer lines, so a library
 * that prints it line by line is masked too.
 */
public final class SecretMasker {
  public static final String MASK = "****";

  /** Values shorter than this are not masked: masking "a" would shred every message. */
  private static final int MIN_LENGTH = 2;

  /** Lines of a multi-line secret at least this long are registered on their own. */
  private static final int MIN_LINE_LENGTH = 8;

  /** Secrets found at run time (OAuth tokens), masked by every masker of the process. */
  private static final SecretMasker PROCESS = new SecretMasker();

  /** Sorted longest first; replaced as a whole on every change, so readers never lock. */
  private volatile List<String> secrets = List.of();

  public synchronized void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    List<String> sorted = new ArrayList<>(secrets);
    addIfNew(sorted, secret);
    if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
      for (String line : secret.split("\\R")) {
        String trimmed = line.strip();
        if (trimmed.length() >= MIN_LINE_LENGTH) {
          addIfNew(sorted, trimmed);
        }
      }
    }
    if (sorted.size() == secrets.size()) {
      return;
    }
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    secrets = List.copyOf(sorted);
  }

  private static void addIfNew(List<String> list, String value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  /** Registers a secret obtained at run time with every masker of this process (see {@code Log}). */
  public static void registerForProcess(String secret) {
    PROCESS.register(secret);
  }

  /** Tests only: forgets the run-time secrets, so that one test's tokens do not mask another's text. */
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
