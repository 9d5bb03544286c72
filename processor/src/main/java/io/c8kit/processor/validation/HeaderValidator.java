package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.Kind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * Validates the members of {@code @Source}/{@code @Destination} that describe the connector (name,
 * version, URLs, images, error classes) and resolves their defaults and processor options.
 */
final class HeaderValidator {
  /** The connector's identity and packaging after defaults and options are applied. */
  record Header(
      String name,
      String version,
      String title,
      String description,
      String documentationUrl,
      String logo,
      String dockerImage,
      String baseImage,
      List<ClassName> configErrors,
      List<ClassName> transientErrors,
      int concurrency,
      boolean ioBound) {}

  private HeaderValidator() {}

  static Header validate(
      ConnectorScope scope,
      AnnotationMirror mirror,
      Annotations.Values v,
      ProcessorOptions options) {
    Report report = scope.report;
    TypeElement type = scope.type;
    String name = v.string("name");
    if (!Names.KEBAB.matcher(name).matches()) {
      report.error(Message.INVALID_NAME, type, mirror, v.at("name"), name);
    }
    GeneratedOutputs.tooLong(scope.kind.word() + "-" + name)
        .ifPresent(
            bytes ->
                report.error(
                    Message.NAME_TOO_LONG,
                    type,
                    mirror,
                    v.at("name"),
                    "connector name \"" + name + "\"",
                    "META-INF/c8kit/" + scope.kind.word() + "-" + name,
                    bytes,
                    GeneratedOutputs.MAX_FILE_NAME_BYTES));
    String version = v.string("version");
    if (!Names.SEMVER.matcher(version).matches()) {
      report.error(Message.INVALID_VERSION, type, mirror, v.at("version"), version);
    }
    String documentationUrl = v.string("documentationUrl");
    if (!documentationUrl.isEmpty() && !Names.isHttpUrl(documentationUrl)) {
      report.error(
          Message.INVALID_DOCUMENTATION_URL,
          type,
          mirror,
          v.at("documentationUrl"),
          documentationUrl);
    }
    String logo = v.string("logo");
    if (!logo.isEmpty()
        && !logo.startsWith("data:")
        && !Names.RESOURCE_PATH.matcher(logo).matches()) {
      report.error(Message.INVALID_LOGO, type, mirror, v.at("logo"), logo);
    }
    String dockerImage = v.string("dockerImage");
    if (dockerImage.isEmpty()) {
      String prefix =
          options.dockerRepository().isEmpty()
              ? ProcessorOptions.DEFAULT_REPOSITORY
              : options.dockerRepository();
      dockerImage = prefix + "/" + scope.kind.word() + "-" + name;
    } else if (!Names.DOCKER_REPOSITORY.matcher(dockerImage).matches()) {
      report.error(Message.INVALID_DOCKER_IMAGE, type, mirror, v.at("dockerImage"), dockerImage);
    }
    String baseImage = v.string("baseImage");
    if (!baseImage.isEmpty()
        && (baseImage.isBlank() || baseImage.chars().anyMatch(Character::isWhitespace))) {
      report.error(Message.INVALID_BASE_IMAGE, type, mirror, v.at("baseImage"), baseImage);
    }
    if (!options.baseImage().isEmpty()) {
      baseImage = options.baseImage();
    } else if (baseImage.isEmpty()) {
      baseImage = ProcessorOptions.DEFAULT_BASE_IMAGE;
    }
    int concurrency = 1;
    boolean ioBound = false;
    if (scope.kind == Kind.SOURCE) {
      concurrency = v.integer("concurrency");
      ioBound = v.bool("ioBound");
      if (concurrency < 1) {
        report.error(
            Message.INVALID_CONCURRENCY,
            type,
            mirror,
            v.at("concurrency"),
            concurrency,
            type.getSimpleName());
      } else if (ioBound && concurrency == 1) {
        report.error(
            Message.IO_BOUND_WITHOUT_CONCURRENCY,
            type,
            mirror,
            v.at("ioBound"),
            type.getSimpleName());
      }
    }
    String title = v.string("title").isEmpty() ? Names.title(name) : v.string("title");
    return new Header(
        name,
        version,
        title,
        v.string("description"),
        documentationUrl,
        logo,
        dockerImage,
        baseImage,
        errorClasses(v, "configErrors"),
        errorClasses(v, "transientErrors"),
        concurrency,
        ioBound);
  }

  /**
   * The exception classes of {@code member}. javac itself rejects a class literal the annotated
   * class cannot access, and that is one the generated code in the same package cannot name either;
   * such literals arrive as unresolved (see {@link UnresolvedTypes}).
   */
  private static List<ClassName> errorClasses(Annotations.Values v, String member) {
    List<ClassName> out = new ArrayList<>();
    for (DeclaredType t : v.types(member)) {
      out.add(ClassName.get((TypeElement) t.asElement()));
    }
    return out;
  }
}
