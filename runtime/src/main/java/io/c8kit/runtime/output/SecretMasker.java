package io.c8kit.runtime.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces every registered secret value with {@code ****} in text the runtime writes (LOG and
 * TRACE messages, FAILED statuses, stack traces). Secrets are registered from the config before
 * anything can be logged; longer secrets are replaced first so a secret containing another is fully
 * hidden.
 */
public final class SecretMasker {
  public static final String MASK = "****";

  /** Values shorter than this are not masked: masking "a" would shred every message. */
  private static final int MIN_LENGTH = 2;

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  public void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH || secrets.contains(secret)) {
      return;
    }
    List<String> sorted = new ArrayList<>(secrets);
    sorted.add(secret);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    secrets.clear();
    secrets.addAll(sorted);
  }

  public void registerAll(Collection<String> values) {
    values.forEach(this::register);
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }

  /** The text with every registered secret replaced by {@link #MASK}; null stays null. */
  public String mask(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
