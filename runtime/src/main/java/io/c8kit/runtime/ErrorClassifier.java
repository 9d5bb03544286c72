package io.c8kit.runtime;

import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import io.c8kit.protocol.FailureType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Maps an exception to its Airbyte {@code failure_type}: runtime-declared and connector-declared
 * config and transient exception types anywhere in the cause chain, {@code system_error} otherwise.
 */
public final class ErrorClassifier {
  /** Classifies only the runtime's own {@link ConfigException} and {@link TransientException}. */
  public static final ErrorClassifier DEFAULT = new ErrorClassifier(List.of(), List.of());

  private final List<Class<? extends Throwable>> configErrors;
  private final List<Class<? extends Throwable>> transientErrors;

  private ErrorClassifier(
      List<Class<? extends Throwable>> configErrors,
      List<Class<? extends Throwable>> transientErrors) {
    this.configErrors = List.copyOf(configErrors);
    this.transientErrors = List.copyOf(transientErrors);
  }

  /** A classifier for the exception types declared on {@code @Source}/{@code @Destination}. */
  public static ErrorClassifier of(
      List<Class<? extends Throwable>> configErrors,
      List<Class<? extends Throwable>> transientErrors) {
    return new ErrorClassifier(configErrors, transientErrors);
  }

  /** The failure type of {@code error}: the first classified throwable in its cause chain wins. */
  public FailureType classify(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof ConfigException || isAny(t, configErrors)) {
        return FailureType.CONFIG_ERROR;
      }
      if (t instanceof TransientException || isAny(t, transientErrors)) {
        return FailureType.TRANSIENT_ERROR;
      }
    }
    return FailureType.SYSTEM_ERROR;
  }

  private static boolean isAny(Throwable t, List<Class<? extends Throwable>> types) {
    for (Class<? extends Throwable> type : types) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
