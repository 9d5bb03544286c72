package io.c8kit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Collects the diagnostics about one connector class instead of printing them at once, so that
 * validation can go on after an error (every error of a class is reported) and generation can be
 * skipped when the report is not clean.
 */
public final class Report {
  /** One diagnostic with its most precise location: element, annotation and annotation value. */
  record Item(
      Diagnostic.Kind kind,
      String message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  /** Records an error located on {@code element} and, where known, its annotation and value. */
  public void error(
      Message message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(Diagnostic.Kind.ERROR, message.format(args), element, mirror, value));
  }

  /** Records an error located on {@code element}. */
  public void error(Message message, Element element, Object... args) {
    error(message, element, null, null, args);
  }

  /** Records a warning: it does not stop generation. */
  public void warning(
      Message message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(Diagnostic.Kind.WARNING, message.format(args), element, mirror, value));
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(i -> i.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints every item once, in the order found, with the most precise location available. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.element() == null) {
        messager.printMessage(item.kind(), item.message());
      } else if (item.mirror() == null) {
        messager.printMessage(item.kind(), item.message(), item.element());
      } else if (item.value() == null) {
        messager.printMessage(item.kind(), item.message(), item.element(), item.mirror());
      } else {
        messager.printMessage(
            item.kind(), item.message(), item.element(), item.mirror(), item.value());
      }
    }
    items.clear();
  }
}
