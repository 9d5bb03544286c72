package io.c8kit.airbyte;

import io.c8kit.airbyte.cli.ErrorReporter;
import io.c8kit.protocol.Protocol;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The runnable jar's fixed {@code Main-Class}: runs the generated {@code <Name>Main} that the
 * processor's airbyte target listed in {@value #MAINS}, so that no build property has to name it (a
 * wrong or missing one used to build fine and fail only at {@code java -jar}).
 */
public final class AirbyteMain {
  /**
   * Written by the processor: one line per connector, {@code <main class> <connector class>},
   * default first.
   */
  static final String MAINS = "META-INF/c8kit/airbyte/mains";

  /** Picks a connector by its main or connector class when a jar or class path holds several. */
  static final String PROPERTY = "c8kit.connector";

  private AirbyteMain() {}

  public static void main(String[] args) throws Throwable {
    // Plain reflection, no method handles, streams or lambdas: each of those spins classes at
    // start-up, on every command (benchmarks/results/startup.md).
    Method main;
    try {
      main =
          Class.forName(
                  choose(read(AirbyteMain.class.getClassLoader()), System.getProperty(PROPERTY)))
              .getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        throw new NoSuchMethodException(main + " is not static");
      }
      if (!Modifier.isPublic(main.getDeclaringClass().getModifiers())) {
        throw new IllegalAccessException(main.getDeclaringClass() + " is not public");
      }
    } catch (IllegalStateException e) {
      fail(e.getMessage());
      return;
    } catch (ReflectiveOperationException | IOException e) {
      fail(
          "this jar cannot start its connector: "
              + e
              + "; rebuild it with the c8kit connector parent POM");
      return;
    }
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A line per connector of every index on the class path, each index's lines in its order. */
  static List<List<String[]>> read(ClassLoader loader) throws IOException {
    List<List<String[]>> indexes = new ArrayList<>();
    for (URL url : Collections.list(loader.getResources(MAINS))) {
      List<String[]> lines = new ArrayList<>();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            lines.add(line.trim().split(" "));
          }
        }
      }
      indexes.add(lines);
    }
    return indexes;
  }

  /**
   * The main class to run: the one {@code wanted} names (a main or connector class), else the
   * default of the only index; several indexes (several connector jars on one class path) need
   * {@code wanted}.
   */
  static String choose(List<List<String[]>> indexes, String wanted) {
    List<String[]> all = new ArrayList<>();
    for (List<String[]> index : indexes) {
      all.addAll(index);
    }
    if (all.isEmpty()) {
      throw new IllegalStateException(
          "no c8kit connector on the class path: "
              + MAINS
              + " is missing, so the"
              + " jar was built without c8kit-processor on the annotation processor path (the connector parent POM"
              + " puts it there) or without a @Source/@Destination class");
    }
    if (wanted != null) {
      for (String[] e : all) {
        if (e[0].equals(wanted) || (e.length > 1 && e[1].equals(wanted))) {
          return e[0];
        }
      }
      throw new IllegalStateException(
          "-D"
              + PROPERTY
              + "="
              + wanted
              + " names no connector on the"
              + " class path; choose one of "
              + names(all));
    }
    if (indexes.size() > 1) {
      throw new IllegalStateException(
          "the class path holds several connector jars; choose a connector with -D"
              + PROPERTY
              + "=CLASS, one of "
              + names(all));
    }
    return all.get(0)[0];
  }

  private static String names(List<String[]> all) {
    List<String> names = new ArrayList<>();
    for (String[] e : all) {
      names.add(e.length > 1 ? e[1] : e[0]);
    }
    return String.join(", ", names);
  }

  /**
   * The failure as the protocol wants it (a TRACE line on stdout) and as a person reads it
   * (stderr).
   */
  private static void fail(String message) {
    try {
      OutputStream stdout = new FileOutputStream(FileDescriptor.out);
      stdout.write(Protocol.mapper().writeValueAsBytes(ErrorReporter.systemError(message)));
      stdout.write('\n');
      stdout.flush();
    } catch (IOException e) {
      // stderr below still tells the person
    }
    System.err.println("c8kit: " + message);
    ConnectorCli.exit(1);
  }
}
