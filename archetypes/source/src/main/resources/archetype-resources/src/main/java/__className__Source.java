package ${package};

import io.c8kit.ConfigException;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.source.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The ${connectorName} source. Replace the greetings with your data: each @Stream method is one stream,
 * its record type is the stream's schema, and the Config record is the connector's spec.
 */
@Source(name = "${connectorName}", version = "${version}", description = "Greets a list of people.")
public class ${className}Source {
  /** The settings a user gives; every component is one property of the spec. */
  public record Config(
      @Property(description = "Who to greet.") @DefaultValue("[\"Ada\", \"Linus\"]") List<String> names,
      @Property(description = "Token of the greeting service.") @Secret Optional<String> apiToken) {}

  /** One record of the greetings stream; updated_at is its cursor. */
  public record Greeting(long id, String text, Instant updatedAt) {}

  /** Runs for the check command: throw ConfigException to tell the user what to fix. */
  @Check
  void check(Config config) {
    if (config.names().isEmpty()) {
      throw new ConfigException("names must not be empty");
    }
  }

  /**
   * An incremental stream: the runtime passes the saved cursor, and the method returns the records at
   * or after it. The return type is java.util.stream.Stream, written out because @Stream is c8kit's.
   */
  @Stream(primaryKey = "id", cursor = "updated_at", ordered = true)
  java.util.stream.Stream<Greeting> greetings(Config config, Cursor<Instant> since) {
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    return IntStream.range(0, config.names().size())
        .mapToObj(i -> new Greeting(i, "Hello, " + config.names().get(i) + "!", start.plusSeconds(i)))
        .filter(g -> !g.updatedAt().isBefore(since.orElse(Instant.MIN)));
  }
}
