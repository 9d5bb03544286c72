package io.c8kit.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The write baseline ("the limit"): what a competent hand-written Java program does to load the
 * benchmark source's output into SQLite — one Jackson streaming parser over the whole of stdin (no
 * line splitting, no tree per record), values bound straight from the tokens, one prepared INSERT
 * sent in JDBC batches of 1,000, a commit every 10,000 rows (the c8kit write engine's default
 * flush), STATE lines echoed after the commit of every record before them. It writes the same rows
 * into the same table as destination-sqlite in {@code append} mode: the same connection pragmas,
 * the same columns and types (the five Airbyte metadata columns, then the data columns in JSON
 * schema order), the same value texts (timestamps as fixed-width UTC microseconds, UUIDv7 raw ids,
 * the {@code tags} array and the {@code address} object as their compact JSON text, as
 * destination-sqlite stores JSON columns, copied token by token from the parser into a reused
 * generator without building a tree) — the harness compares the tables.
 *
 * <p>Usage: {@code RawWrite DATABASE_FILE [DDL_FILE] < messages}. The table is created with the
 * {@code CREATE TABLE} statement in DDL_FILE when given (the harness passes the one
 * destination-sqlite used, so the declared types follow the dialect as it evolves), otherwise with
 * the built-in one.
 */
public final class RawWrite {
  static final int COMMIT_ROWS = 10_000;
  static final int JDBC_BATCH = 1_000;

  /** The data columns in JSON schema order (the processor sorts properties by name). */
  static final String[] DATA_COLUMNS = {
    "active", "address", "age", "balance", "created_at", "email", "id", "name", "score", "tags"
  };

  static final String[] DATA_TYPES = {
    "BOOLEAN",
    "JSON",
    "INTEGER",
    "NUMERIC",
    "TIMESTAMPTZ",
    "TEXT",
    "INTEGER",
    "TEXT",
    "NUMERIC",
    "JSON"
  };
  static final String EMPTY_META = "{\"sync_id\":0,\"changes\":[]}";

  private RawWrite() {}

  public static void main(String[] args) throws Exception {
    String db = args[0];
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=60000");
        s.execute("PRAGMA temp_store=MEMORY");
        s.execute("PRAGMA cache_size=-32768");
        if (args.length > 1) {
          s.execute(java.nio.file.Files.readString(java.nio.file.Path.of(args[1])));
        } else {
          StringBuilder ddl =
              new StringBuilder(
                  "CREATE TABLE IF NOT EXISTS \"rows\" (\"_airbyte_raw_id\" TEXT, "
                      + "\"_airbyte_extracted_at\" TIMESTAMPTZ, \"_airbyte_loaded_at\" TIMESTAMPTZ, \"_airbyte_meta\" JSON, "
                      + "\"_airbyte_generation_id\" INTEGER");
          for (int i = 0; i < DATA_COLUMNS.length; i++) {
            ddl.append(", \"").append(DATA_COLUMNS[i]).append("\" ").append(DATA_TYPES[i]);
          }
          s.execute(ddl.append(')').toString());
        }
      }
      c.setAutoCommit(false);
      StringBuilder insert =
          new StringBuilder(
              "INSERT INTO \"rows\" (\"_airbyte_raw_id\", "
                  + "\"_airbyte_extracted_at\", \"_airbyte_loaded_at\", \"_airbyte_meta\", \"_airbyte_generation_id\"");
      for (String col : DATA_COLUMNS) {
        insert.append(", \"").append(col).append('"');
      }
      insert.append(") VALUES (?, ?, ?, ?, ?");
      insert.append(", ?".repeat(DATA_COLUMNS.length)).append(')');
      try (PreparedStatement ps = c.prepareStatement(insert.toString())) {
        load(
            new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16),
            c,
            ps,
            stdout);
      }
    }
  }

  /** Compact JSON text of the value under the parser, copied token by token (no tree). */
  private static final class JsonText {
    private final java.io.StringWriter text = new java.io.StringWriter(256);
    private final JsonGenerator g;

    JsonText(JsonFactory factory) throws IOException {
      g = factory.createGenerator(text);
      g.setRootValueSeparator(null);
    }

    String copy(JsonParser p) throws IOException {
      text.getBuffer().setLength(0);
      g.copyCurrentStructure(p);
      g.flush();
      return text.toString();
    }
  }

  private static JsonText jsonText;

  private static void load(
      java.io.InputStream in, Connection c, PreparedStatement ps, OutputStream stdout)
      throws IOException, SQLException {
    ObjectMapper mapper = new ObjectMapper();
    JsonFactory factory = mapper.getFactory();
    jsonText = new JsonText(factory);
    RawIds ids = new RawIds();
    int inBatch = 0;
    int inTransaction = 0;
    String loadedAt = utcText(Instant.now());
    long lastEmittedAt = Long.MIN_VALUE;
    String extractedAt = null;
    try (JsonParser p = factory.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT) {
          throw new IOException("not a message at " + p.currentLocation());
        }
        String type = null;
        boolean record = false;
        JsonNode state = null;
        long emittedAt = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "type" -> type = p.getText();
            case "record" -> {
              record = true;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("data")) {
                  bindData(p, ps);
                } else if (f.equals("emitted_at")) {
                  emittedAt = p.getLongValue();
                } else {
                  p.skipChildren(); // stream: the input has one stream
                }
              }
            }
            case "state" -> state = mapper.readTree(p);
            default -> p.skipChildren();
          }
        }
        if (record && "RECORD".equals(type)) {
          if (emittedAt != lastEmittedAt) {
            lastEmittedAt = emittedAt;
            extractedAt = utcText(Instant.ofEpochMilli(emittedAt));
          }
          ps.setString(1, ids.next());
          ps.setString(2, extractedAt);
          ps.setString(3, loadedAt);
          ps.setString(4, EMPTY_META);
          ps.setLong(5, 0);
          ps.addBatch();
          if (++inBatch == JDBC_BATCH) {
            ps.executeBatch();
            inBatch = 0;
          }
          if (++inTransaction == COMMIT_ROWS) {
            c.commit();
            inTransaction = 0;
            loadedAt = utcText(Instant.now());
          }
        } else if (state != null && "STATE".equals(type)) {
          if (inBatch > 0) {
            ps.executeBatch();
            inBatch = 0;
          }
          c.commit();
          inTransaction = 0;
          loadedAt = utcText(Instant.now());
          stdout.write(
              ("{\"type\":\"STATE\",\"state\":" + state + "}\n").getBytes(StandardCharsets.UTF_8));
          stdout.flush();
        }
      }
    }
    if (inBatch > 0) {
      ps.executeBatch();
    }
    c.commit();
  }

  /** Binds the data object's fields (parameters 6…) by name; absent fields are NULL. */
  private static void bindData(JsonParser p, PreparedStatement ps)
      throws IOException, SQLException {
    for (int i = 0; i < DATA_COLUMNS.length; i++) {
      ps.setNull(6 + i, Types.NULL);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (f) {
        case "active" -> ps.setInt(6, v == JsonToken.VALUE_TRUE ? 1 : 0);
        case "address" -> ps.setString(7, jsonText.copy(p));
        case "age" -> ps.setLong(8, p.getLongValue());
        case "balance" -> number(p, v, ps, 9);
        case "created_at" ->
            ps.setString(10, utcText(OffsetDateTime.parse(p.getText()).toInstant()));
        case "email" -> ps.setString(11, p.getText());
        case "id" -> ps.setLong(12, p.getLongValue());
        case "name" -> ps.setString(13, p.getText());
        case "score" -> number(p, v, ps, 14);
        case "tags" -> ps.setString(15, jsonText.copy(p));
        default -> p.skipChildren();
      }
    }
  }

  /**
   * NUMERIC: integers exactly, fractions as doubles (SQLite stores integral doubles as integers).
   */
  private static void number(JsonParser p, JsonToken v, PreparedStatement ps, int index)
      throws IOException, SQLException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      ps.setLong(index, p.getLongValue());
    } else {
      ps.setDouble(index, p.getDoubleValue());
    }
  }

  /** {@code 2024-01-31T23:59:59.123456Z}: fixed width, so that the text sorts chronologically. */
  static String utcText(Instant instant) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    char[] c = new char[27];
    digits(c, 0, t.getYear(), 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, t.getNano() / 1000, 6);
    c[26] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * UUIDv7 text ids: 48 bits of milliseconds, a 12-bit counter, random bits (as the c8kit writer).
   */
  static final class RawIds {
    private long lastMillis = -1;
    private int counter;

    String next() {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        counter = 0;
      } else if (++counter > 0xFFF) {
        lastMillis++;
        counter = 0;
      }
      long msb = (lastMillis << 16) | 0x7000L | counter;
      long lsb =
          (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(msb, lsb).toString();
    }
  }
}
