package io.c8kit.runtime.output;

import io.c8kit.runtime.secrets.SecretMasker;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A masked stand-in for an exception that leaves the runtime's control (the cause of a C8 {@code
 * ValidationException}): same class name, stack and cause chain, with every secret in the messages
 * replaced by {@code ****}. Its {@code toString()} reads like the original's.
 */
public final class MaskedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalClass;

  private MaskedThrowable(String originalClass, String message, MaskedThrowable cause) {
    // The cause goes through the constructor: Throwable.initCause refuses once it was set, even to
    // null.
    super(message, cause, true, true);
    this.originalClass = originalClass;
  }

  /** A one-line summary: the message, or the class name (and the cause's summary) without one. */
  public static String summary(Throwable t) {
    String message = t.getMessage();
    if (message != null && !message.isBlank()) {
      return message.strip();
    }
    Throwable cause = t.getCause();
    if (cause != null && cause != t) {
      return t.getClass().getSimpleName() + ": " + summary(cause);
    }
    return t.getClass().getName();
  }

  /** A masked copy of {@code t} and its causes and suppressed exceptions; {@code null} for null. */
  public static MaskedThrowable of(Throwable t, SecretMasker masker) {
    return copy(t, masker, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static MaskedThrowable copy(Throwable t, SecretMasker masker, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return null;
    }
    String original = t instanceof MaskedThrowable m ? m.originalClass : t.getClass().getName();
    MaskedThrowable cause = copy(t.getCause(), masker, seen);
    MaskedThrowable copy = new MaskedThrowable(original, masker.mask(t.getMessage()), cause);
    copy.setStackTrace(t.getStackTrace());
    for (Throwable s : t.getSuppressed()) {
      MaskedThrowable suppressed = copy(s, masker, seen);
      if (suppressed != null) {
        copy.addSuppressed(suppressed);
      }
    }
    return copy;
  }

  /** The class name of the exception this copy stands for. */
  public String originalClass() {
    return originalClass;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClass : originalClass + ": " + message;
  }
}
