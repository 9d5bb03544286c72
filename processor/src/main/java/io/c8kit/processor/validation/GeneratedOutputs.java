package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.Kind;
import io.c8kit.processor.model.RecordTypeModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The files a connector will generate, claimed before any is written: a name another connector of
 * the compilation already claimed, a class the author already has, or a file name longer than file
 * systems allow becomes a diagnostic instead of a FilerException (an internal error) halfway
 * through. One instance per compilation, since claims last across rounds.
 */
public final class GeneratedOutputs {
  /**
   * Bytes per file name on common file systems (ext4, APFS, NTFS in UTF-16 units, close enough).
   */
  static final int MAX_FILE_NAME_BYTES = 255;

  /**
   * The longest suffix javac adds to a generated class's name: a switch map class {@code
   * X$1.class}.
   */
  private static final String LONGEST_CLASS_SUFFIX = "$1.class";

  private static final String RENAME_CLASS =
      "that class or the connector class, from which the generated names derive";

  private final Elements elements;
  private final Map<String, String> claimedTypes = new HashMap<>();
  private final Map<String, String> claimedNames = new HashMap<>();

  /**
   * Types declared in this compilation's sources; a class file of an earlier build is never a
   * clash.
   */
  private final Set<String> sourceTypes = new HashSet<>();

  public GeneratedOutputs(Elements elements) {
    this.elements = elements;
  }

  /**
   * Notes the types of a round's sources (nested ones included), the only ones a name can clash
   * with.
   */
  public void noteSources(Collection<? extends Element> rootElements) {
    for (Element e : rootElements) {
      if (e instanceof TypeElement t) {
        sourceTypes.add(t.getQualifiedName().toString());
        noteSources(e.getEnclosedElements());
      }
    }
  }

  /**
   * One generated type, what its name derives from, and the target that writes it (null: the core),
   * for messages.
   */
  private record Output(ClassName type, String source, String derivedFrom, String target) {
    Output(ClassName type, String source, String derivedFrom) {
      this(type, source, derivedFrom, null);
    }

    String what() {
      return target == null ? "class" : "the " + target + " target's class";
    }

    String rename() {
      return target == null
          ? RENAME_CLASS
          : RENAME_CLASS + ", or leave the " + target + " target out with -Ac8kit.targets";
    }
  }

  /**
   * Claims every output of {@code model}, the core's and the classes {@code targetClasses} lists
   * per target; false (with errors in {@code report}) when one cannot be written.
   */
  public boolean claim(
      ConnectorModel model, Map<String, List<ClassName>> targetClasses, Report report) {
    TypeElement origin = model.origin();
    String annotation = model.kind() == Kind.SOURCE ? Annotations.SOURCE : Annotations.DESTINATION;
    AnnotationMirror mirror = Annotations.find(origin, annotation).orElse(null);
    AnnotationValue nameValue = mirror == null ? null : Annotations.explicit(mirror, "name");
    String originName = origin.getQualifiedName().toString();
    boolean ok = true;

    String nameKey = model.kind().word() + "-" + model.name();
    String previous = claimedNames.get(nameKey);
    if (previous != null && !previous.equals(originName)) {
      report.error(
          Message.DUPLICATE_CONNECTOR_NAME,
          origin,
          mirror,
          nameValue,
          model.kind().word(),
          model.name(),
          previous,
          model.kind() == Kind.SOURCE ? "Source" : "Destination");
      ok = false;
    }
    List<Output> outputs =
        new ArrayList<>(
            List.of(
                new Output(model.connectorClass(), originName, "class " + origin.getSimpleName()),
                new Output(
                    model.config().binder(), originName, "class " + origin.getSimpleName())));
    for (RecordTypeModel r : model.recordTypes()) {
      outputs.add(
          new Output(r.serializer(), r.type().canonicalName(), "record " + r.type().simpleName()));
    }
    targetClasses.forEach(
        (target, classes) ->
            classes.forEach(
                c ->
                    outputs.add(
                        new Output(c, originName, "class " + origin.getSimpleName(), target))));
    for (Output out : outputs) {
      String qualified = out.type().canonicalName();
      Optional<Integer> bytes = tooLong(out.type().simpleName() + LONGEST_CLASS_SUFFIX);
      if (bytes.isPresent()) {
        TypeElement site =
            Optional.ofNullable(elements.getTypeElement(out.source())).orElse(origin);
        report.error(
            Message.NAME_TOO_LONG,
            site,
            site == origin ? mirror : null,
            null,
            "the name of " + out.derivedFrom(),
            qualified,
            bytes.get(),
            MAX_FILE_NAME_BYTES);
        ok = false;
      }
      String owner = claimedTypes.get(qualified);
      if (owner != null && !owner.equals(originName)) {
        report.error(
            Message.GENERATED_NAME_CLASH,
            origin,
            mirror,
            null,
            out.what(),
            qualified,
            originName,
            "connector " + owner + " generates a class of that name too",
            out.rename());
        ok = false;
      } else if (owner == null && userType(qualified).isPresent()) {
        report.error(
            Message.GENERATED_NAME_CLASH,
            origin,
            mirror,
            null,
            out.what(),
            qualified,
            originName,
            "a class of that name already exists",
            out.rename());
        ok = false;
      }
    }
    if (ok) {
      claimedNames.put(nameKey, originName);
      outputs.forEach(o -> claimedTypes.put(o.type().canonicalName(), originName));
    }
    return ok;
  }

  /**
   * A type of that name in this compilation's sources that c8kit did not generate: output of an
   * earlier build passed as a source carries c8kit's {@code @Generated} and is not a clash.
   */
  private Optional<TypeElement> userType(String qualifiedName) {
    // the sources first: looking up a name that is not there searches the whole class path (a few
    // ms
    // of a cold javac in all, benchmarks/results/ser.md)
    if (!sourceTypes.contains(qualifiedName)) {
      return Optional.empty();
    }
    TypeElement existing = elements.getTypeElement(qualifiedName);
    if (existing == null) {
      return Optional.empty();
    }
    boolean ours =
        Annotations.find(existing, "javax.annotation.processing.Generated")
            .map(m -> Annotations.explicit(m, "value"))
            .map(v -> String.valueOf(v.getValue()).contains("io.c8kit.processor"))
            .orElse(false);
    return ours ? Optional.empty() : Optional.of(existing);
  }

  /** The length in bytes of {@code fileName} when it is over the limit. */
  static Optional<Integer> tooLong(String fileName) {
    int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
    return bytes > MAX_FILE_NAME_BYTES ? Optional.of(bytes) : Optional.empty();
  }
}
