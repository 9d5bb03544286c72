package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The acceptance kit's destination suite (spec, check, syncs in every declared mode, line breaks and
 * unicode, a large batch, state echo) against the generated connector, on a temporary directory.
 */
class ${className}AcceptanceTest extends DestinationAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected DestinationAcceptanceConfig config() {
    try {
      Path dir = Files.createTempDirectory("${connectorName}-acceptance");
      Path notADirectory = Files.createFile(dir.resolve("plain-file"));
      return DestinationAcceptanceConfig.forConnector(new ${className}Connector())
          .goodConfig(JSON.createObjectNode().put("directory", dir.resolve("out").toString()))
          .badConfig(JSON.createObjectNode().put("directory", notADirectory.resolve("out").toString()))
          .reader(${className}AcceptanceTest::read);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records stored for a stream, as the kit compares them. */
  static List<JsonNode> read(JsonNode config, String stream, String namespace) throws IOException {
    Path file = ${className}Destination.file(Path.of(config.get("directory").asText()), namespace, stream);
    List<JsonNode> rows = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }
}
