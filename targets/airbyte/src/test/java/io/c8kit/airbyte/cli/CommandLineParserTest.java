package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c8kit.airbyte.cli.CommandLineParser.Command;
import io.c8kit.airbyte.cli.CommandLineParser.Invocation;
import io.c8kit.airbyte.cli.CommandLineParser.UsageException;
import io.c8kit.runtime.handwritten.HandwrittenDestination;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {
  private final StringWriter err = new StringWriter();

  private Invocation source(String... args) throws UsageException {
    return CommandLineParser.parse(HandwrittenSource.INFO, args, new PrintWriter(err));
  }

  @Test
  void bothFormsParseAlike() throws Exception {
    assertEquals(
        new Invocation(Command.READ, "c", "k", "s", false),
        source("read", "--config", "c", "--catalog", "k", "--state", "s"));
    assertEquals(
        new Invocation(Command.READ, "c", "k", "s", false),
        source("--read", "--config", "c", "--catalog", "k", "--state", "s"));
    assertEquals(
        new Invocation(Command.READ, "c", "k", null, false),
        source("--config=c", "--catalog", "k", "--read", "--state", ""));
    assertEquals(
        new Invocation(Command.CHECK, "c", null, null, false),
        source("--check", "--config", "c", "--catalog", ""));
    assertEquals(new Invocation(Command.SPEC, null, null, null, false), source("--spec"));
    assertEquals(
        new Invocation(Command.DISCOVER, "@c", null, null, false),
        source("discover", "--config", "@c"));
  }

  @Test
  void normalizeMovesOnlyASingleFlag() {
    assertEquals(
        List.of("check", "--config", "c"),
        CommandLineParser.normalize(new String[] {"--config", "c", "--check"}));
    assertEquals(
        List.of("check", "--config", "c", "--spec"),
        CommandLineParser.normalize(new String[] {"check", "--config", "c", "--spec"}));
    assertEquals(
        List.of("--spec", "--check"),
        CommandLineParser.normalize(new String[] {"--spec", "--check"}));
  }

  @Test
  void usageErrorsPrintUsageToStderr() {
    UsageException e = assertThrows(UsageException.class, () -> source("read", "--config", "c"));
    assertEquals("Missing required option: '--catalog=FILE'", e.getMessage());
    assertEquals(true, err.toString().contains("Usage: handwritten-source read"));
    assertThrows(UsageException.class, () -> source("--spec", "--check"));
    assertThrows(UsageException.class, () -> source("spec", "--config", "c"));
    assertThrows(
        UsageException.class,
        () ->
            CommandLineParser.parse(
                HandwrittenDestination.INFO,
                new String[] {"read", "--config", "c", "--catalog", "k"},
                new PrintWriter(err)));
  }

  @Test
  void helpAndVersion() throws Exception {
    assertEquals(true, source("--help").helpShown());
    assertEquals(true, source("check", "--help").helpShown());
    assertEquals(true, source("--version").helpShown());
    assertEquals(true, err.toString().contains("Handwritten Source 1.2.3"));
    assertNull(source("-h").command());
  }
}
