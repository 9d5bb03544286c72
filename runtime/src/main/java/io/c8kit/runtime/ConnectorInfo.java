package io.c8kit.runtime;

import java.util.Objects;

/**
 * Static facts about a connector, generated from {@code @Source}/{@code @Destination}.
 *
 * @param name kebab-case connector name
 * @param version semantic version
 * @param title human title
 * @param description one-sentence description
 * @param documentationUrl spec {@code documentationUrl}, may be empty
 * @param logo data URI or classpath resource path, may be empty
 * @param kind source or destination
 * @param specResource classpath resource holding the ConnectorSpecification JSON
 * @param dockerImage image repository, e.g. {@code c8kit/source-faker}
 */
public record ConnectorInfo(
    String name,
    String version,
    String title,
    String description,
    String documentationUrl,
    String logo,
    ConnectorKind kind,
    String specResource,
    String dockerImage) {

  public ConnectorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(specResource, "specResource");
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    documentationUrl = documentationUrl == null ? "" : documentationUrl;
    logo = logo == null ? "" : logo;
    dockerImage = dockerImage == null ? "" : dockerImage;
  }

  /** The C8 package name: {@code c8-source-<name>} or {@code c8-target-<name>}. */
  public String packageName() {
    return "c8-" + kind.c8Type() + "-" + name;
  }
}
