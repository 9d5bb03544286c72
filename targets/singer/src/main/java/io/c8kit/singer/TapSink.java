package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.read.ReadSink;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Where the read engine's results become Singer messages: per stream a STATE naming it {@code
 * currently_syncing}, its SCHEMA, for a full table an ACTIVATE_VERSION on its first run, its
 * RECORDs (with {@code version} for a full table), a STATE at each of the engine's checkpoints and,
 * when a full table completes, ACTIVATE_VERSION before its last STATE (the order of pipelinewise
 * taps). {@link #finish()} writes the final STATE with {@code currently_syncing: null}.
 */
final class TapSink {
  private final SingerOutput out;
  private final Bookmarks bookmarks;
  private final Map<String, SyncPlan> plansByTapStreamId;
  private final LongSupplier clock;

  TapSink(
      SingerOutput out,
      Bookmarks bookmarks,
      Map<String, SyncPlan> plansByTapStreamId,
      LongSupplier clock) {
    this.out = out;
    this.bookmarks = bookmarks;
    this.plansByTapStreamId = plansByTapStreamId;
    this.clock = clock;
  }

  /** The output of one selected stream, asked for once before it starts. */
  StreamOut stream(String name, String namespace) {
    String id = namespace == null || namespace.isEmpty() ? name : namespace + "-" + name;
    SyncPlan plan = plansByTapStreamId.get(id);
    if (plan == null) {
      throw new IllegalStateException("the engine read stream " + id + ", which was not selected");
    }
    return new StreamOut(plan);
  }

  void flush() {
    out.flush();
  }

  /** After the last stream: nothing is syncing any more. */
  void finish() {
    bookmarks.finish();
    out.state(bookmarks.value());
  }

  /** One stream's messages, as the read engine hands them over. */
  final class StreamOut implements ReadSink.Stream {
    private final SyncPlan plan;
    private final String id;
    private final SerializableString encodedId;
    private final Long version;
    private final boolean firstRun;
    private final ObjectNode schema;

    StreamOut(SyncPlan plan) {
      this.plan = plan;
      this.id = plan.stream().tapStreamId();
      this.encodedId = SingerOutput.encode(id);
      if (plan.method() == ReplicationMethod.FULL_TABLE) {
        Long previous = bookmarks.version(id);
        this.firstRun = previous == null;
        // resuming a full table midway keeps its version, so the target keeps the records it has
        this.version = previous != null && bookmarks.resumesPage(id) ? previous : clock.getAsLong();
      } else {
        this.firstRun = false;
        this.version = null;
      }
      this.schema = selectedSchema(plan);
    }

    @Override
    public <R> void record(RecordSerializer<? super R> serializer, R record, long emittedAtMillis) {
      if (plan.deselected().isEmpty()) {
        out.record(encodedId, serializer, record, version, emittedAtMillis);
      } else {
        out.record(
            encodedId,
            new Selected<R>(serializer, plan.deselected()),
            record,
            version,
            emittedAtMillis);
      }
    }

    @Override
    public void state(ObjectNode engineState, long recordCount) {
      bookmarks.checkpoint(plan, engineState);
      if (version != null && !engineState.has("page")) {
        out.activateVersion(id, version); // the full table is complete: the target may swap it in
      }
      out.state(bookmarks.value());
    }

    @Override
    public void status(ReadSink.Status status, long atMillis) {
      if (status != ReadSink.Status.STARTED) {
        return;
      }
      bookmarks.start(plan, version);
      out.state(bookmarks.value());
      out.schema(
          id,
          schema,
          plan.stream().keyProperties(),
          plan.method() == ReplicationMethod.INCREMENTAL
              ? java.util.List.of(String.join(".", plan.replicationKey()))
              : java.util.List.of());
      if (version != null && firstRun) {
        out.activateVersion(id, version);
      }
    }

    /** Singer has no message for a rate-limit wait; the connector's own logs tell. */
    @Override
    public void rateLimited(Long quotaResetMillis, long atMillis) {}
  }

  /** The stream's schema without the properties the catalog deselected. */
  private static ObjectNode selectedSchema(SyncPlan plan) {
    ObjectNode schema = plan.stream().schema();
    if (plan.deselected().isEmpty()) {
      return schema;
    }
    ObjectNode copy = schema.deepCopy();
    if (copy.get("properties") instanceof ObjectNode properties) {
      properties.remove(plan.deselected());
    }
    if (copy.get("required") instanceof com.fasterxml.jackson.databind.node.ArrayNode required) {
      for (int i = required.size() - 1; i >= 0; i--) {
        if (plan.deselected().contains(required.get(i).asText())) {
          required.remove(i);
        }
      }
    }
    return copy;
  }

  /**
   * Writes only the selected top-level fields: the record goes through a token buffer, which costs
   * a copy, so only streams with deselected fields pay it.
   */
  private static final class Selected<R> implements RecordSerializer<R> {
    private final RecordSerializer<? super R> all;
    private final Set<String> deselected;

    Selected(RecordSerializer<? super R> all, Set<String> deselected) {
      this.all = all;
      this.deselected = deselected;
    }

    @Override
    public void write(R record, JsonGenerator gen) throws IOException {
      TokenBuffer buffer = new TokenBuffer(gen.getCodec(), false);
      all.write(record, buffer);
      try (JsonParser p = buffer.asParser()) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalStateException("a record serializer wrote no JSON object");
        }
        gen.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          if (deselected.contains(field)) {
            p.skipChildren();
          } else {
            gen.writeFieldName(field);
            gen.copyCurrentStructure(p);
          }
        }
        gen.writeEndObject();
      }
    }
  }
}
