package io.c8kit.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.JsonTrees;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads the JSON files named on the command line ({@code --config}, {@code --catalog}, {@code
 * --state}). Every problem becomes an {@link InputFileException} naming the file and, for syntax
 * and mapping errors, the line, column and JSON path. Messages never quote the file's content: a
 * broken config may hold a secret that cannot be masked yet.
 */
public final class JsonFiles {
  /** Jackson quotes the offending token ("Unrecognized token 'hunter2'"); drop the token. */
  private static final Pattern QUOTED_TOKEN = Pattern.compile("Unrecognized token '[^']*'");

  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; ");

  private JsonFiles() {}

  /** The config file as a JSON object. */
  public static ObjectNode readConfig(String path) {
    JsonNode node = readTree(path, "Config");
    if (node == null) {
      throw new InputFileException("Config file " + path + " is empty; expected a JSON object");
    }
    if (!node.isObject()) {
      throw new InputFileException(
          "Config file " + path + " must hold a JSON object, not " + kind(node));
    }
    return (ObjectNode) node;
  }

  /** The configured catalog; strict enums, so {@code "sync_mode":"INVALID"} fails here. */
  public static ConfiguredAirbyteCatalog readCatalog(String path) {
    byte[] bytes = readBytes(path, "Catalog");
    ConfiguredAirbyteCatalog catalog;
    try (JsonParser parser = Protocol.factory().createParser(bytes)) {
      catalog = CatalogReader.read(parser);
    } catch (IOException e) {
      throw invalid("Catalog", path, e);
    } catch (CatalogReader.Invalid e) {
      String reason =
          e.getCause() instanceof JsonProcessingException malformed
              ? reason(malformed)
              : e.getMessage();
      throw new InputFileException(
          "Catalog file "
              + path
              + " is invalid: "
              + reason
              + " at "
              + e.path
              + location(e.location),
          e.getCause());
    }
    if (catalog == null) {
      throw new InputFileException(
          "Catalog file " + path + " is empty; expected a configured catalog");
    }
    if (catalog.streams == null) {
      throw new InputFileException("Catalog file " + path + " has no \"streams\" array");
    }
    for (int i = 0; i < catalog.streams.size(); i++) {
      var s = catalog.streams.get(i);
      if (s == null || s.stream == null || s.stream.name == null) {
        throw new InputFileException(
            "Catalog file "
                + path
                + " is invalid: $.streams["
                + i
                + "] needs a stream with a name");
      }
    }
    return catalog;
  }

  /**
   * The state file as JSON, or {@code null} for an empty file. The read engine interprets it
   * (array, GLOBAL, legacy object, {@code {}}). A file of several JSON values, such as the STATE
   * lines a read printed, one per line, is returned as an array of them.
   */
  public static JsonNode readState(String path) {
    byte[] bytes = readBytes(path, "State");
    try (JsonParser parser = Protocol.factory().createParser(bytes)) {
      if (parser.nextToken() == null) {
        return null;
      }
      JsonNode first = JsonTrees.read(parser);
      if (parser.nextToken() == null) {
        return first;
      }
      ArrayNode values = JsonNodeFactory.instance.arrayNode().add(first);
      do {
        values.add(JsonTrees.read(parser));
      } while (parser.nextToken() != null);
      return values;
    } catch (IOException e) {
      throw invalid("State", path, e);
    }
  }

  /** Parses a file into a tree; {@code null} when the file holds only whitespace. */
  public static JsonNode readTree(String path, String what) {
    byte[] bytes = readBytes(path, what);
    try (JsonParser parser = Protocol.factory().createParser(bytes)) {
      if (parser.nextToken() == null) {
        return null;
      }
      JsonNode node = JsonTrees.read(parser);
      if (parser.nextToken() != null) {
        JsonLocation loc = parser.currentLocation();
        throw new InputFileException(
            what
                + " file "
                + path
                + " is not valid JSON: unexpected content"
                + " after the first value at line "
                + loc.getLineNr()
                + ", column "
                + loc.getColumnNr());
      }
      return node;
    } catch (IOException e) {
      throw invalid(what, path, e);
    }
  }

  private static byte[] readBytes(String path, String what) {
    Path file;
    try {
      file = Path.of(path);
    } catch (RuntimeException e) {
      throw new InputFileException(what + " file path is invalid: " + path, e);
    }
    if (Files.isDirectory(file)) {
      throw new InputFileException(what + " file " + path + " is a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readAllBytes();
    } catch (NoSuchFileException e) {
      throw new InputFileException(what + " file not found: " + path, e);
    } catch (AccessDeniedException e) {
      throw new InputFileException(what + " file cannot be read (permission denied): " + path, e);
    } catch (IOException e) {
      throw new InputFileException(what + " file cannot be read: " + path + " (" + e + ")", e);
    }
  }

  private static InputFileException invalid(String what, String path, IOException e) {
    StringBuilder m = new StringBuilder(what).append(" file ").append(path);
    if (e instanceof JsonMappingException mapping) {
      m.append(" is invalid: ").append(mappingReason(mapping));
      String at = jsonPath(mapping);
      if (!at.isEmpty()) {
        m.append(" at ").append(at);
      }
    } else if (e instanceof JsonProcessingException) {
      m.append(" is not valid JSON: ").append(reason(e));
    } else {
      m.append(" cannot be read: ").append(e);
    }
    m.append(location(e instanceof JsonProcessingException jpe ? jpe.getLocation() : null));
    // Jackson's own text may quote the offending token; for the config file that token could be a
    // secret that cannot be masked yet, so the cause is kept only for the other files.
    return "Config".equals(what)
        ? new InputFileException(m.toString())
        : new InputFileException(m.toString(), e);
  }

  /**
   * Jackson's message without its {@code "[Source: REDACTED …; "} noise ("start marker at [line: 1,
   * column: 13]"); shared by every reader of JSON input and HTTP responses.
   */
  public static String withoutSource(String message) {
    return message == null ? "" : SOURCE.matcher(message).replaceAll("[");
  }

  /** {@code " (line 2, column 13)"}, or nothing when the location is unknown. */
  private static String location(JsonLocation loc) {
    return loc != null && loc.getLineNr() > 0
        ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"
        : "";
  }

  private static String reason(IOException e) {
    String original =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (original == null) {
      return e.getClass().getSimpleName();
    }
    original = withoutSource(QUOTED_TOKEN.matcher(original).replaceAll("Unrecognized token"));
    int newline = original.indexOf('\n');
    return newline > 0 ? original.substring(0, newline).trim() : original.trim();
  }

  /** The root cause's message for enum/creator failures ("unknown sync_mode \"INVALID\" …"). */
  private static String mappingReason(JsonMappingException e) {
    if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root != e && root.getMessage() != null) {
        return root.getMessage();
      }
      if (e instanceof InvalidFormatException ife) {
        return "cannot use value " + ife.getValue() + " as " + ife.getTargetType().getSimpleName();
      }
    }
    return reason(e);
  }

  /** {@code $.streams[0].sync_mode} from Jackson's reference chain. */
  static String jsonPath(JsonMappingException e) {
    if (e.getPath() == null || e.getPath().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        b.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
