package io.c8kit.processor.validation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;

/**
 * Chooses the stem of each connector's generated class names. {@code PostgresSource} and {@code
 * PostgresDestination} side by side in one package is a natural layout, so rather than rejecting
 * it, both keep their whole class name as the stem there ({@code PostgresSourceConnector}, {@code
 * PostgresDestinationConnector}); everywhere else the suffix is dropped ({@code
 * PostgresConnector}).
 */
public final class ConnectorNames {
  private ConnectorNames() {}

  /**
   * The class name minus a trailing Source/Destination: {@code FakerSource} gives {@code Faker}.
   */
  public static String defaultBaseName(String simpleName) {
    for (String suffix : List.of("Source", "Destination")) {
      if (simpleName.endsWith(suffix) && simpleName.length() > suffix.length()) {
        return simpleName.substring(0, simpleName.length() - suffix.length());
      }
    }
    return simpleName;
  }

  /**
   * The stem for each connector class (by qualified name) of one round: the default, unless another
   * connector of the same package has the same default stem.
   */
  public static Map<String, String> baseNames(Collection<TypeElement> connectors) {
    Map<String, Integer> counts = new HashMap<>();
    for (TypeElement c : connectors) {
      counts.merge(key(c), 1, Integer::sum);
    }
    Map<String, String> out = new TreeMap<>();
    for (TypeElement c : connectors) {
      String simple = c.getSimpleName().toString();
      out.put(
          c.getQualifiedName().toString(),
          counts.get(key(c)) > 1 ? simple : defaultBaseName(simple));
    }
    return out;
  }

  private static String key(TypeElement connector) {
    return Accessibility.packageOf(connector)
        + "."
        + defaultBaseName(connector.getSimpleName().toString());
  }
}
