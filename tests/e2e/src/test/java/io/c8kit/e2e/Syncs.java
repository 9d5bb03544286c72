package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sync through two connector jars: {@code source read | destination write}, as two JVMs. */
final class Syncs {
  private Syncs() {}

  /** What a sync sent and what the destination committed. */
  record Sync(Proc.PipeResult pipe) {
    Messages sent() {
      return pipe.source().messages();
    }

    Messages echoed() {
      return pipe.destination().messages();
    }

    /** Records the source sent per stream. */
    Map<String, Integer> recordsSent() {
      return sent().recordCounts();
    }

    /** Sum of destinationStats.recordCount of the echoed states, per stream. */
    Map<String, Long> recordsCommitted() {
      Map<String, Long> committed = new LinkedHashMap<>();
      for (JsonNode m : echoed().ofType("STATE")) {
        committed.merge(
            m.at("/state/stream/stream_descriptor/name").asText(),
            m.at("/state/destinationStats/recordCount").asLong(),
            Long::sum);
      }
      return committed;
    }

    /** The states the destination echoed, as the --state input of the next read (stats removed). */
    ArrayNode nextState() {
      return echoed().lastStatesAsInput();
    }

    /**
     * Both ends exited 0; every STATE the source sent came back, in order and unchanged apart from
     * destinationStats, whose recordCount adds up to the records of the stream.
     */
    Sync assertSucceeded() {
      assertEquals(0, pipe.source().exitCode(), pipe::toString);
      assertEquals(0, pipe.destination().exitCode(), pipe::toString);
      List<JsonNode> in = sent().ofType("STATE");
      List<JsonNode> out = echoed().ofType("STATE");
      assertEquals(in.size(), out.size(), () -> "every STATE is echoed once: " + pipe);
      for (int i = 0; i < in.size(); i++) {
        JsonNode echoedState = out.get(i).get("state");
        assertTrue(
            echoedState.at("/destinationStats/recordCount").isNumber(),
            () -> "no destinationStats.recordCount: " + echoedState);
        ObjectNode stripped = echoedState.deepCopy();
        stripped.remove("destinationStats");
        assertEquals(in.get(i).get("state"), stripped, "echoed state " + i + " is the state sent");
      }
      Map<String, Long> sentCounts = new LinkedHashMap<>();
      recordsSent().forEach((k, v) -> sentCounts.put(k, (long) v));
      Map<String, Long> committed = new LinkedHashMap<>(recordsCommitted());
      committed.values().removeIf(v -> v == 0);
      assertEquals(
          sentCounts, committed, "destinationStats add up to the records sent, per stream");
      return this;
    }
  }

  /** Runs one sync; {@code state} may be null (first sync). */
  static Sync run(
      Path sourceJar,
      Path sourceConfig,
      Path destinationJar,
      Path destinationConfig,
      Path catalog,
      Path state,
      Path dir) {
    List<String> read =
        new ArrayList<>(
            List.of("read", "--config", sourceConfig.toString(), "--catalog", catalog.toString()));
    if (state != null) {
      read.add("--state");
      read.add(state.toString());
    }
    List<String> source =
        Proc.javaJar(sourceJar, Proc.fastStart(sourceJar), read.toArray(String[]::new));
    List<String> destination =
        Proc.javaJar(
            destinationJar,
            Proc.fastStart(destinationJar),
            "write",
            "--config",
            destinationConfig.toString(),
            "--catalog",
            catalog.toString());
    return new Sync(Proc.pipe(source, destination, dir, Duration.ofMinutes(4)));
  }
}
