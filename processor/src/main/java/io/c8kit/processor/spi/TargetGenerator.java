package io.c8kit.processor.spi;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One target platform's generator, found with {@code ServiceLoader} on the processor path (register
 * the class in {@code META-INF/services/io.c8kit.processor.spi.TargetGenerator}), so that the files
 * a platform needs are added without touching the processor's core.
 *
 * <p>The core writes the target-neutral files (the {@code <Name>Connector} that builds the
 * definition, config binder, serializers, spec and stream schemas) for every connector without
 * errors; then every enabled target, in the order of their names, gets {@link #generate} for each
 * connector it {@link #appliesTo}. An {@link #aggregating()} target also gets {@link #finish} once,
 * after the last round, with every connector it generated for. {@code -Ac8kit.targets=a,b} enables
 * only the targets named (default: all found). Implementations need a public no-argument
 * constructor; one instance serves one compilation.
 */
public interface TargetGenerator {
  /**
   * The target's name: lower case letters and digits, starting with a letter (e.g. {@code
   * airbyte}), unique on the processor path; it names the target in {@code -Ac8kit.targets} and its
   * options.
   */
  String name();

  /**
   * The options this target accepts, as the suffixes after {@code c8kit.<name>.} (e.g. {@code
   * baseImage} for {@code -Ac8kit.airbyte.baseImage}); any other {@code -Ac8kit.<name>.*} option is
   * a usage error before anything is generated.
   */
  default Set<String> options() {
    return Set.of();
  }

  /** Whether this target generates anything for {@code model}; e.g. only for sources. */
  default boolean appliesTo(ConnectorModel model) {
    return true;
  }

  /**
   * The classes {@link #generate} will write for {@code model} in this compilation (none, say, when
   * the platform's library is not on the class path). The processor claims them together with its
   * own before anything is written, so a class of that name the author already has, or one that
   * another connector generates, is a diagnostic on the connector ({@code C8K-098}) rather than a
   * failure halfway through writing. Default: none, for a target that writes only resources.
   */
  default List<ClassName> generatedClasses(ConnectorModel model, TargetContext context) {
    return List.of();
  }

  /** Writes this target's files for one connector, in the round the connector was validated. */
  void generate(ConnectorModel model, TargetContext context) throws IOException;

  /**
   * Whether this target writes files over all connectors of a compilation (a services file, a
   * module's single Docker context) in {@link #finish}; build tools then treat the processor as
   * aggregating.
   */
  default boolean aggregating() {
    return false;
  }

  /**
   * Writes the aggregate files after the last round, once, when {@link #aggregating()} and at least
   * one connector was generated for; {@code models} are in the order they were generated.
   */
  default void finish(List<ConnectorModel> models, TargetContext context) throws IOException {}
}
