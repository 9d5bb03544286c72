package io.c8kit.acceptance;

import io.c8kit.acceptance.target.ConnectorTarget;
import io.c8kit.acceptance.target.DockerImageTarget;
import io.c8kit.acceptance.target.InProcessTarget;
import io.c8kit.acceptance.target.JarTarget;
import io.c8kit.runtime.Connector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which target a test class runs against. The config names a primary target (forConnector/forJar/
 * forImage) and optionally the others; the system property {@value #TARGET_PROPERTY} (or the
 * environment variable {@code C8KIT_ACCEPTANCE_TARGET}) = {@code inprocess|jar|docker} switches,
 * and {@value #JAR_PROPERTY} / {@value #IMAGE_PROPERTY} (env {@code C8KIT_ACCEPTANCE_JAR} / {@code
 * C8KIT_ACCEPTANCE_IMAGE}) override the jar path and image.
 */
final class TargetChoice {
  static final String TARGET_PROPERTY = "c8kit.acceptance.target";
  static final String JAR_PROPERTY = "c8kit.acceptance.jar";
  static final String IMAGE_PROPERTY = "c8kit.acceptance.image";
  static final String NETWORK_PROPERTY = "c8kit.acceptance.docker.network";

  enum Kind {
    INPROCESS,
    JAR,
    DOCKER
  }

  Kind primary;
  Connector<?> connector;
  Path jar;
  String image;
  String network = "none";
  Duration timeout = ConnectorTarget.DEFAULT_TIMEOUT;
  final List<String> jvmArgs = new ArrayList<>();

  static String setting(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  Kind selected() {
    String requested = setting(TARGET_PROPERTY);
    if (requested == null) {
      if (primary == null) {
        throw new IllegalStateException(
            "no target: use forConnector(...), forJar(...) or forImage(...)");
      }
      return primary;
    }
    switch (requested.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "inprocess":
        return Kind.INPROCESS;
      case "jar":
        return Kind.JAR;
      case "docker":
      case "image":
        return Kind.DOCKER;
      default:
        throw new IllegalStateException(
            TARGET_PROPERTY + "=" + requested + " is not one of inprocess, jar, docker");
    }
  }

  ConnectorTarget create() {
    Kind kind = selected();
    switch (kind) {
      case INPROCESS:
        if (connector == null) {
          throw new IllegalStateException(
              "target inprocess selected but the config has no connector instance"
                  + " (use forConnector(...) or .connector(...))");
        }
        return new InProcessTarget(connector, timeout);
      case JAR:
        {
          String override = setting(JAR_PROPERTY);
          Path p = override != null ? Path.of(override) : jar;
          if (p == null) {
            throw new IllegalStateException(
                "target jar selected but no jar is configured (use forJar(...)/.jar(...)"
                    + " or -D"
                    + JAR_PROPERTY
                    + "=PATH)");
          }
          return new JarTarget(p, jvmArgs, timeout);
        }
      default:
        {
          String override = setting(IMAGE_PROPERTY);
          String img = override != null ? override : image;
          if (img == null) {
            throw new IllegalStateException(
                "target docker selected but no image is configured (use forImage(...)/"
                    + ".image(...) or -D"
                    + IMAGE_PROPERTY
                    + "=IMAGE)");
          }
          String net = setting(NETWORK_PROPERTY);
          return new DockerImageTarget(img, timeout, net != null ? net : network);
        }
    }
  }
}
