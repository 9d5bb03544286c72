package io.c8kit.processor.validation;

import io.c8kit.processor.model.CollectionModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.TypeModel;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed default or example against the property's own constraints, so that a spec never
 * proposes a value its own schema rejects (a UI would pre-fill an invalid form).
 */
final class Constraints {
  private Constraints() {}

  /** What is wrong with a number outside {@code [minimum, maximum]}, for messages. */
  static Optional<String> rangeProblem(
      Object literal, Optional<BigDecimal> minimum, Optional<BigDecimal> maximum) {
    if (!(literal instanceof Number n) || (minimum.isEmpty() && maximum.isEmpty())) {
      return Optional.empty();
    }
    BigDecimal d = new BigDecimal(n.toString());
    if ((minimum.isPresent() && d.compareTo(minimum.get()) < 0)
        || (maximum.isPresent() && d.compareTo(maximum.get()) > 0)) {
      return Optional.of(
          "is outside ["
              + minimum.map(BigDecimal::toPlainString).orElse("-inf")
              + ", "
              + maximum.map(BigDecimal::toPlainString).orElse("+inf")
              + "]");
    }
    return Optional.empty();
  }

  /** Items repeated in a set (uniqueItems) or text not matching the property's pattern. */
  static Optional<String> shapeProblem(Object literal, TypeModel type, Optional<Pattern> pattern) {
    TypeModel inner = type instanceof OptionalModel o ? o.element() : type;
    if (inner instanceof CollectionModel c && c.set() && literal instanceof List<?> items) {
      Set<Object> seen = new HashSet<>();
      for (Object item : items) {
        if (!seen.add(item)) {
          return Optional.of(
              "lists "
                  + text(item)
                  + " twice, but a Set property's items are unique "
                  + "(uniqueItems)");
        }
      }
    }
    if (pattern.isPresent()
        && literal instanceof String text
        && !pattern.get().matcher(text).find()) {
      return Optional.of("does not match its pattern \"" + pattern.get().pattern() + "\"");
    }
    return Optional.empty();
  }

  private static String text(Object item) {
    return item instanceof String s ? "\"" + s + "\"" : String.valueOf(item);
  }
}
