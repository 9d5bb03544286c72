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

  /**
   * Starts the facts of a connector with the required ones; generated code names every other fact
   * (unset ones are empty), so no two strings can be swapped unnoticed.
   */
  public static Builder builder(
      ConnectorKind kind, String name, String version, String specResource) {
    return new Builder(kind, name, version, specResource);
  }

  /** Builder used by generated code: each optional fact by name. */
  public static final class Builder {
    private final ConnectorKind kind;
    private final String name;
    private final String version;
    private final String specResource;
    private String title = "";
    private String description = "";
    private String documentationUrl = "";
    private String logo = "";
    private String dockerImage = "";

    private Builder(ConnectorKind kind, String name, String version, String specResource) {
      this.kind = kind;
      this.name = name;
      this.version = version;
      this.specResource = specResource;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder documentationUrl(String documentationUrl) {
      this.documentationUrl = documentationUrl;
      return this;
    }

    public Builder logo(String logo) {
      this.logo = logo;
      return this;
    }

    public Builder dockerImage(String dockerImage) {
      this.dockerImage = dockerImage;
      return this;
    }

    public ConnectorInfo build() {
      return new ConnectorInfo(
          name,
          version,
          title,
          description,
          documentationUrl,
          logo,
          kind,
          specResource,
          dockerImage);
    }
  }

  /** The C8 package name: {@code c8-source-<name>} or {@code c8-target-<name>}. */
  public String packageName() {
    return "c8-" + kind.c8Type() + "-" + name;
  }
}
