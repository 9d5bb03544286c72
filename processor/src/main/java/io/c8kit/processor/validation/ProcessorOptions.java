package io.c8kit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processor's {@code -A} options, parsed and checked once in {@code init()} so that a bad value is
 * reported with a usage line instead of surfacing later as a broken Dockerfile.
 *
 * @param baseImage {@code -Ac8kit.baseImage}: overrides every connector's base image, or empty
 * @param dockerRepository {@code -Ac8kit.dockerRepository}: replaces the {@code c8kit} prefix of
 *     default image names, or empty
 */
public record ProcessorOptions(String baseImage, String dockerRepository) {
  public static final String BASE_IMAGE = "c8kit.baseImage";
  public static final String DOCKER_REPOSITORY = "c8kit.dockerRepository";
  public static final Set<String> ALL = Set.of(BASE_IMAGE, DOCKER_REPOSITORY);

  public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";
  public static final String DEFAULT_REPOSITORY = "c8kit";

  /** Parses the options; each bad one adds a ready-to-print diagnostic to {@code errors}. */
  public static ProcessorOptions parse(Map<String, String> options, List<String> errors) {
    String base = options.getOrDefault(BASE_IMAGE, "");
    String repo = options.getOrDefault(DOCKER_REPOSITORY, "");
    base = base == null ? "" : base;
    repo = repo == null ? "" : repo;
    List<String> problems = new ArrayList<>();
    if (options.containsKey(BASE_IMAGE) && (base.isBlank() || base.chars().anyMatch(Character::isWhitespace))) {
      problems.add(Message.BAD_OPTION.format(
          "-A" + BASE_IMAGE + "=IMAGE, where IMAGE is a non-blank image reference without spaces, "
              + "e.g. eclipse-temurin:17-jre", base));
      base = "";
    }
    if (options.containsKey(DOCKER_REPOSITORY) && !Names.DOCKER_REPOSITORY.matcher(repo).matches()) {
      problems.add(Message.BAD_OPTION.format(
          "-A" + DOCKER_REPOSITORY + "=PREFIX, where PREFIX matches [a-z0-9]+([._/-][a-z0-9]+)*, "
              + "e.g. acme or registry.example.com/acme", repo));
      repo = "";
    }
    errors.addAll(problems);
    return new ProcessorOptions(base, repo);
  }
}
