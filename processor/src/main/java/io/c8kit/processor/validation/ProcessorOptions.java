package io.c8kit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processor's {@code -A} options, parsed and checked once in {@code init()} so that a bad value
 * is reported with a usage line instead of surfacing later as a broken Dockerfile.
 *
 * <p>The Docker options belong to the {@code airbyte} target ({@code -Ac8kit.airbyte.baseImage});
 * they are read here, before validation, because the model carries the resolved image names, and
 * their older global names ({@code -Ac8kit.baseImage}) are still accepted. Target options are
 * checked by the processor against the targets found.
 *
 * @param baseImage {@code -Ac8kit.airbyte.baseImage}: overrides every connector's base image, or
 *     empty
 * @param dockerRepository {@code -Ac8kit.airbyte.dockerRepository}: replaces the {@code c8kit}
 *     prefix of default image names, or empty
 */
public record ProcessorOptions(String baseImage, String dockerRepository) {
  public static final String BASE_IMAGE = "c8kit.baseImage";
  public static final String DOCKER_REPOSITORY = "c8kit.dockerRepository";
  public static final String AIRBYTE_BASE_IMAGE = "c8kit.airbyte.baseImage";
  public static final String AIRBYTE_DOCKER_REPOSITORY = "c8kit.airbyte.dockerRepository";

  /** {@code -Ac8kit.targets=airbyte,c8}: the targets to run (default: every target found). */
  public static final String TARGETS = "c8kit.targets";

  /** The options that are not a target's own: the targets list and the old global Docker names. */
  public static final Set<String> ALL = Set.of(BASE_IMAGE, DOCKER_REPOSITORY, TARGETS);

  public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";
  public static final String DEFAULT_REPOSITORY = "c8kit";

  /** Parses the options; each bad one adds a ready-to-print diagnostic to {@code errors}. */
  public static ProcessorOptions parse(Map<String, String> options, List<String> errors) {
    String baseKey = options.containsKey(AIRBYTE_BASE_IMAGE) ? AIRBYTE_BASE_IMAGE : BASE_IMAGE;
    String repoKey =
        options.containsKey(AIRBYTE_DOCKER_REPOSITORY)
            ? AIRBYTE_DOCKER_REPOSITORY
            : DOCKER_REPOSITORY;
    String base = options.getOrDefault(baseKey, "");
    String repo = options.getOrDefault(repoKey, "");
    base = base == null ? "" : base;
    repo = repo == null ? "" : repo;
    List<String> problems = new ArrayList<>();
    if (options.containsKey(baseKey)
        && (base.isBlank() || base.chars().anyMatch(Character::isWhitespace))) {
      problems.add(
          Message.BAD_OPTION.format(
              "-A"
                  + baseKey
                  + "=IMAGE, where IMAGE is a non-blank image reference without spaces, "
                  + "e.g. eclipse-temurin:17-jre",
              base));
      base = "";
    }
    if (options.containsKey(repoKey) && !Names.DOCKER_REPOSITORY.matcher(repo).matches()) {
      problems.add(
          Message.BAD_OPTION.format(
              "-A"
                  + repoKey
                  + "=PREFIX, where PREFIX matches [a-z0-9]+([._/-][a-z0-9]+)*, "
                  + "e.g. acme or registry.example.com/acme",
              repo));
      repo = "";
    }
    errors.addAll(problems);
    return new ProcessorOptions(base, repo);
  }
}
