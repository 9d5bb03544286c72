package io.c8kit.singer;

import io.c8kit.runtime.Connector;
import io.c8kit.runtime.output.ProcessExit;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the connector of a jar for the fixed Singer mains: the generated connectors the class path
 * lists in {@code META-INF/services/io.c8kit.runtime.Connector} (written by the processor whatever
 * the targets), of the wanted kind; the system property {@code c8kit.connector} (a class name)
 * picks one when there are several.
 */
final class Connectors {
  static final String PROPERTY = "c8kit.connector";

  private Connectors() {}

  static <T extends Connector<?>> T find(Class<T> kind, String what) {
    String wanted = System.getProperty(PROPERTY);
    List<T> found = new ArrayList<>();
    for (Connector<?> c : ServiceLoader.load(Connector.class)) {
      if (kind.isInstance(c) && (wanted == null || c.getClass().getName().equals(wanted))) {
        found.add(kind.cast(c));
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(
          wanted != null
              ? "no "
                  + what
                  + " named "
                  + wanted
                  + " in META-INF/services/io.c8kit.runtime.Connector on the class path"
              : "no "
                  + what
                  + " on the class path: the connector's jar (its META-INF/services/io.c8kit.runtime.Connector)"
                  + " must be on it");
    }
    throw new IllegalStateException(
        "the class path holds "
            + found.size()
            + " "
            + what
            + "s ("
            + String.join(", ", found.stream().map(c -> c.getClass().getName()).toList())
            + "); choose one with -D"
            + PROPERTY
            + "=CLASS");
  }

  /** Exits the JVM with a main's code, whatever threads are left. */
  static void exit(int code) {
    ProcessExit.exit(code);
  }
}
