package io.c8kit.airbyte.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.JsonTrees;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.write.WriteInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one input line with a single streaming pass over the envelope. A RECORD's {@code data} is
 * syntax-checked and located but not turned into a tree: the buffers keep its bytes (heap use
 * equals the input size, whatever the record's shape) and the tree is built when the batch is
 * handed to the writer. STATE is bound to {@link AirbyteStateMessage} (unknown fields kept for the
 * echo), TRACE to a tree; every other payload is skipped. One instance is reused for every line:
 * the fields describe the last parsed line.
 */
final class MessageParser {
  /** What a line turned out to be. */
  enum Kind {
    BLANK,
    RECORD,
    STATE,
    /** TRACE STREAM_STATUS COMPLETE, with {@link #stream}/{@link #namespace}. */
    STREAM_COMPLETE,
    /** Any other TRACE STREAM_STATUS. */
    STREAM_STATUS,
    /** LOG, other TRACE, CONTROL, unknown types. */
    IGNORED
  }

  static final int EXCERPT_CHARS = 200;

  private final ObjectMapper mapper = Protocol.mapper();
  private final JsonFactory factory = mapper.getFactory();

  /**
   * Readers that keep decimal numbers as written ({@code 100.0} stays {@code 100.0}, not {@code
   * 1E+2}): STATE is echoed unchanged, and JSON columns store what the source sent.
   */
  private final ObjectReader stateReader =
      mapper
          .readerFor(AirbyteStateMessage.class)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final ObjectReader treeReader =
      mapper.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  Kind kind;
  String stream;
  String namespace;

  /** Absolute offsets of the RECORD's {@code data} object in the line's buffer. */
  int dataStart;

  int dataEnd;
  long emittedAt;
  JsonNode meta;

  /** The STATE message as bound (validated, typed), for the write engine's bookkeeping. */
  AirbyteMessage state;

  /**
   * The STATE message to echo, as it came: every field, unknown ones and explicit nulls included
   * ({@code "namespace": null} stays), numbers as written; {@code type} first, then {@code state},
   * then any other envelope field.
   */
  ObjectNode stateEcho;

  // per-line scratch
  private String type;
  private boolean typeNotString;
  private boolean hasRecord;
  private boolean hasState;
  private String recordProblem;
  private boolean hasStream;
  private boolean hasData;
  private boolean hasEmittedAt;
  private AirbyteStateMessage stateMessage;
  private ObjectNode stateTree;
  private String stateProblem;
  private JsonNode trace;
  private Map<String, JsonNode> extras;

  /**
   * Parses {@code buf[off, off+len)}; throws {@link WriteInputException} for input that is fatal.
   */
  void parse(byte[] buf, int off, int len, long line) {
    reset();
    try (JsonParser p = factory.createParser(buf, off, len)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        kind = Kind.BLANK;
        return;
      }
      if (t != JsonToken.START_OBJECT) {
        throw malformed(
            line,
            "not a JSON object (starts with " + JsonTrees.describe(t) + ")",
            buf,
            off,
            len,
            null);
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        t = p.nextToken();
        switch (name) {
          case "type" -> {
            if (t == JsonToken.VALUE_STRING) {
              type = p.getText();
            } else {
              typeNotString = t != JsonToken.VALUE_NULL;
              p.skipChildren();
            }
          }
          case "record" -> {
            hasRecord = true;
            if (t == JsonToken.START_OBJECT) {
              parseRecord(p, off);
            } else {
              recordProblem = "\"record\" must be an object, got " + JsonTrees.describe(t);
              p.skipChildren();
            }
          }
          case "state" -> {
            hasState = true;
            if (t == JsonToken.START_OBJECT) {
              try {
                stateTree = (ObjectNode) treeReader.readTree(p);
                stateMessage = stateReader.readValue(stateTree);
              } catch (JsonProcessingException e) {
                if (isSyntaxError(e)) {
                  throw e;
                }
                throw malformed(
                    line, "malformed STATE: " + cut(e.getOriginalMessage()), buf, off, len, null);
              }
            } else {
              stateProblem = "\"state\" must be an object, got " + JsonTrees.describe(t);
              p.skipChildren();
            }
          }
          case "trace" -> {
            if (t == JsonToken.START_OBJECT) {
              trace = treeReader.readTree(p);
            } else {
              p.skipChildren();
            }
          }
          default -> {
            JsonNode v = treeReader.readTree(p);
            if (extras == null) {
              extras = new LinkedHashMap<>();
            }
            extras.put(name, v);
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw malformed(
            line,
            "malformed JSON: unexpected content after the message object",
            buf,
            off,
            len,
            null);
      }
    } catch (WriteInputException e) {
      throw e;
    } catch (IOException e) {
      String what = e instanceof InputCoercionException ? "number out of range" : "malformed JSON";
      String detail =
          e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      long column =
          e instanceof JsonProcessingException jpe && jpe.getLocation() != null
              ? jpe.getLocation().getColumnNr()
              : -1;
      throw malformed(
          line,
          what + (column > 0 ? " at column " + column : "") + ": " + cut(detail),
          buf,
          off,
          len,
          null);
    }
    classify(buf, off, len, line);
  }

  private void parseRecord(JsonParser p, int off) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      t = p.nextToken();
      switch (name) {
        case "stream" -> {
          if (t == JsonToken.VALUE_STRING) {
            stream = p.getText();
            hasStream = true;
          } else {
            problem("\"stream\" must be a string, got " + JsonTrees.describe(t));
            p.skipChildren();
          }
        }
        case "namespace" -> {
          if (t == JsonToken.VALUE_STRING) {
            namespace = p.getText();
          } else if (t != JsonToken.VALUE_NULL) {
            problem("\"namespace\" must be a string or null, got " + JsonTrees.describe(t));
            p.skipChildren();
          }
        }
        case "data" -> {
          if (t == JsonToken.START_OBJECT) {
            dataStart = off + (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            dataEnd = off + (int) p.currentLocation().getByteOffset();
            hasData = true;
          } else {
            problem("\"data\" must be a JSON object, got " + JsonTrees.describe(t));
            p.skipChildren();
          }
        }
        case "emitted_at" -> {
          if (t == JsonToken.VALUE_NUMBER_INT) {
            emittedAt = p.getLongValue();
            hasEmittedAt = true;
          } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            emittedAt = p.getDecimalValue().longValue();
            hasEmittedAt = true;
          } else {
            problem(
                "\"emitted_at\" must be a number (epoch milliseconds), got "
                    + JsonTrees.describe(t));
            p.skipChildren();
          }
        }
        case "meta" -> {
          if (t == JsonToken.START_OBJECT) {
            meta = treeReader.readTree(p);
          } else {
            p.skipChildren(); // optional and informational: a wrong shape is dropped, not fatal
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  private void problem(String p) {
    if (recordProblem == null) {
      recordProblem = p;
    }
  }

  private void classify(byte[] buf, int off, int len, long line) {
    if (type == null) {
      if (hasRecord || hasState) {
        throw malformed(
            line,
            typeNotString ? "\"type\" must be a string" : "message has no \"type\"",
            buf,
            off,
            len,
            null);
      }
      kind = Kind.IGNORED;
      return;
    }
    switch (type) {
      case "RECORD" -> {
        String problem = recordProblem;
        if (problem == null) {
          if (!hasRecord) {
            problem = "RECORD message has no \"record\" object";
          } else if (!hasStream) {
            problem = "RECORD has no \"stream\"";
          } else if (!hasData) {
            problem = "RECORD has no \"data\" object";
          } else if (!hasEmittedAt) {
            problem = "RECORD has no \"emitted_at\"";
          }
        }
        if (problem != null) {
          throw malformed(
              line,
              "malformed RECORD (records are never skipped, that would lose data): " + problem,
              buf,
              off,
              len,
              null);
        }
        kind = Kind.RECORD;
      }
      case "STATE" -> {
        String problem = stateProblem;
        if (problem == null) {
          problem = stateProblem(stateMessage);
        }
        if (problem != null) {
          throw malformed(line, "malformed STATE: " + problem, buf, off, len, null);
        }
        AirbyteMessage m = AirbyteMessage.state(stateMessage);
        ObjectNode echo = mapper.createObjectNode().put("type", "STATE");
        echo.set("state", stateTree);
        if (extras != null) {
          extras.forEach(echo::set);
        }
        state = m;
        stateEcho = echo;
        kind = Kind.STATE;
      }
      case "TRACE" -> classifyTrace();
      default -> kind = Kind.IGNORED;
    }
  }

  private static String stateProblem(AirbyteStateMessage s) {
    if (s == null) {
      return "STATE message has no \"state\" object";
    }
    return switch (s.effectiveType()) {
      case STREAM ->
          s.stream == null
              ? "STREAM state has no \"stream\" object"
              : s.stream.streamDescriptor == null || s.stream.streamDescriptor.name == null
                  ? "STREAM state has no stream_descriptor.name"
                  : null;
      case GLOBAL -> s.global == null ? "GLOBAL state has no \"global\" object" : null;
      case LEGACY -> null;
    };
  }

  private void classifyTrace() {
    kind = Kind.IGNORED;
    if (trace == null || !"STREAM_STATUS".equals(trace.path("type").asText(null))) {
      return;
    }
    kind = Kind.STREAM_STATUS;
    JsonNode status = trace.path("stream_status");
    JsonNode descriptor = status.path("stream_descriptor");
    if ("COMPLETE".equals(status.path("status").asText(null))
        && descriptor.path("name").isTextual()) {
      kind = Kind.STREAM_COMPLETE;
      stream = descriptor.get("name").textValue();
      JsonNode ns = descriptor.get("namespace");
      namespace = ns != null && ns.isTextual() ? ns.textValue() : null;
    }
  }

  private void reset() {
    kind = null;
    stream = null;
    namespace = null;
    dataStart = dataEnd = 0;
    emittedAt = 0;
    meta = null;
    state = null;
    type = null;
    typeNotString = false;
    hasRecord = hasState = hasStream = hasData = hasEmittedAt = false;
    recordProblem = null;
    stateMessage = null;
    stateTree = null;
    stateEcho = null;
    stateProblem = null;
    trace = null;
    extras = null;
  }

  private static boolean isSyntaxError(JsonProcessingException e) {
    return e instanceof com.fasterxml.jackson.core.JsonParseException;
  }

  static String cut(String s) {
    if (s == null) {
      return "";
    }
    s = s.replace('\n', ' ').replace('\r', ' ');
    return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS) + "…";
  }

  /** The first {@value #EXCERPT_CHARS} characters of the line, never the whole of a long one. */
  static String excerpt(byte[] buf, int off, int len) {
    int n = Math.min(len, EXCERPT_CHARS * 4);
    String s = new String(buf, off, n, StandardCharsets.UTF_8);
    boolean more = n < len;
    if (s.length() > EXCERPT_CHARS) {
      s = s.substring(0, EXCERPT_CHARS);
      more = true;
    }
    return s + (more ? "…" : "");
  }

  static WriteInputException malformed(
      long line, String what, byte[] buf, int off, int len, Throwable cause) {
    return new WriteInputException(
        line, what + "; line starts with: " + excerpt(buf, off, len), cause);
  }
}
