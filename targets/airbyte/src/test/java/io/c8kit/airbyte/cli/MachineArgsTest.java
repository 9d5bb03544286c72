package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.airbyte.cli.CommandLineParser.Invocation;
import io.c8kit.airbyte.cli.CommandLineParser.UsageException;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.handwritten.HandwrittenDestination;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The picocli-free parser gives exactly picocli's result on the command lines platforms send, and
 * gives up on everything else (so picocli still prints help and every error), and really parses
 * those command lines without loading a picocli class.
 */
class MachineArgsTest {
  private static final List<String[]> SOURCE_LINES =
      List.of(
          new String[] {"spec"},
          new String[] {"--spec"},
          new String[] {"check", "--config", "c.json"},
          new String[] {"check", "--config", "c.json", "--catalog", ""},
          new String[] {"check", "--catalog", "k.json", "--config", "c.json"},
          new String[] {"--check", "--config", "c.json", "--catalog", ""},
          new String[] {"discover", "--config", "/secrets/config.json"},
          new String[] {"--discover", "--config", "c.json"},
          new String[] {"discover", "--config=c.json"},
          new String[] {"read", "--config", "c", "--catalog", "k"},
          new String[] {"read", "--config", "c", "--catalog", "k", "--state", "s"},
          new String[] {"read", "--state", "s", "--catalog", "k", "--config", "c"},
          new String[] {"read", "--config", "c", "--catalog", "k", "--state", ""},
          new String[] {"--read", "--config", "c", "--catalog", "k", "--state", "s"},
          new String[] {"--config=c", "--catalog", "k", "--read", "--state", ""},
          new String[] {"read", "--config", "@c", "--catalog", "a=b", "--state=s"});

  private static final List<String[]> DESTINATION_LINES =
      List.of(
          new String[] {"spec"},
          new String[] {"check", "--config", "c.json"},
          new String[] {"write", "--config", "c", "--catalog", "k"},
          new String[] {"--write", "--catalog", "k", "--config", "c"});

  /** Command lines picocli must handle: help, errors, anything unusual. */
  private static final List<String[]> UNUSUAL_LINES =
      List.of(
          new String[] {},
          new String[] {"--help"},
          new String[] {"read", "--help"},
          new String[] {"-V"},
          new String[] {"docs"},
          new String[] {"write", "--config", "c", "--catalog", "k"},
          new String[] {"chek", "--config", "c"},
          new String[] {"check"},
          new String[] {"check", "--config"},
          new String[] {"check", "--config", ""},
          new String[] {"check", "--config", "c", "--config", "d"},
          new String[] {"check", "--config", "c", "--state", "s"},
          new String[] {"check", "--config", "-c"},
          new String[] {"check", "--config", "read"},
          new String[] {"discover", "--config", "c", "--catalog", "k"},
          new String[] {"read", "--config", "c"},
          new String[] {"read", "--config", "c", "--catalog", ""},
          new String[] {"read", "--config", "c", "--catalog", "k", "extra"},
          new String[] {"read", "--config", "c", "--catalog", "k", "--", "x"},
          new String[] {"spec", "--config", "c"},
          new String[] {"spec", "extra"},
          new String[] {"--spec", "--check"},
          new String[] {"read", "--conf", "c", "--catalog", "k"},
          new String[] {"read", "--config=", "--catalog", "k"});

  @Test
  void machineLinesParseExactlyAsPicocliParsesThem() throws Exception {
    assertSameAsPicocli(HandwrittenSource.INFO, SOURCE_LINES);
    assertSameAsPicocli(HandwrittenDestination.INFO, DESTINATION_LINES);
  }

  private static void assertSameAsPicocli(ConnectorInfo info, List<String[]> lines)
      throws Exception {
    for (String[] args : lines) {
      List<String> argv = CommandLineParser.normalize(args);
      Invocation fast = MachineArgs.parse(info.kind(), argv);
      assertNotNull(fast, () -> String.join(" ", args));
      Invocation picocli =
          PicocliParser.parse(info, argv, new PrintWriter(new StringWriter()), true);
      assertEquals(picocli, fast, () -> String.join(" ", args));
    }
  }

  @Test
  void everythingElseIsLeftToPicocli() {
    for (String[] args : UNUSUAL_LINES) {
      assertNull(
          MachineArgs.parse(HandwrittenSource.INFO.kind(), CommandLineParser.normalize(args)),
          () -> String.join(" ", args));
    }
    // and picocli still reports them as before: e.g. the repeated option, with the usage text
    StringWriter err = new StringWriter();
    assertThrows(
        UsageException.class,
        () ->
            CommandLineParser.parse(
                HandwrittenSource.INFO,
                new String[] {"check", "--config", "c", "--config", "d"},
                new PrintWriter(err)));
    assertTrue(err.toString().contains("should be specified only once"), err::toString);
    assertTrue(err.toString().contains("Usage: handwritten-source check"), err::toString);
  }

  @Test
  void machineLinesLoadNoPicocliClass() throws Exception {
    List<URL> urls = new ArrayList<>();
    boolean droppedPicocli = false;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (new File(entry).getName().startsWith("picocli")) {
        droppedPicocli = true;
      } else {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    assertTrue(droppedPicocli, "picocli is on the test class path");
    try (URLClassLoader withoutPicocli =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Class<?> parser = withoutPicocli.loadClass(CommandLineParser.class.getName());
      Object info =
          withoutPicocli.loadClass(HandwrittenSource.class.getName()).getField("INFO").get(null);
      var parse = parser.getMethod("parse", info.getClass(), String[].class, PrintWriter.class);
      Object read =
          parse.invoke(
              null,
              info,
              new String[] {"read", "--config", "c", "--catalog", "k", "--state", "s"},
              new PrintWriter(new StringWriter()));
      assertEquals(
          "Invocation[command=READ, config=c, catalog=k, state=s, helpShown=false]",
          read.toString());
      // the same loader does need picocli for help: the test would pass vacuously otherwise
      var failure =
          assertThrows(
              java.lang.reflect.InvocationTargetException.class,
              () ->
                  parse.invoke(
                      null, info, new String[] {"--help"}, new PrintWriter(new StringWriter())));
      assertTrue(failure.getCause() instanceof NoClassDefFoundError, failure.getCause()::toString);
    }
  }
}
