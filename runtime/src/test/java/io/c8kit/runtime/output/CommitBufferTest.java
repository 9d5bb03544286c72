package io.c8kit.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only committed bytes leave the buffer, in the order written, whole or in exact blocks. */
class CommitBufferTest {
  private final CommitBuffer buffer = new CommitBuffer(16);
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

  private void write(String text) throws IOException {
    buffer.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private String out() {
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void drainsOnlyWhatWasCommitted() throws IOException {
    write("one\n");
    buffer.commit();
    write("half of tw");
    buffer.drainTo(sink);
    assertEquals("one\n", out());
    write("o\n");
    buffer.commit();
    buffer.drainTo(sink);
    assertEquals("one\nhalf of two\n", out());
  }

  @Test
  void rollbackDropsTheMessageBeingWritten() throws IOException {
    write("kept\n");
    buffer.commit();
    write("{\"broken\":");
    buffer.rollback();
    write("next\n");
    buffer.commit();
    buffer.drainTo(sink);
    assertEquals("kept\nnext\n", out());
  }

  @Test
  void drainsWholeBlocksAndKeepsTheRestCommitted() throws IOException {
    write("a".repeat(25) + "\n"); // 26 bytes, grows the buffer past its 16
    buffer.commit();
    write("partial");
    buffer.drainBlocks(sink, 10);
    assertEquals("a".repeat(20), out()); // two whole blocks
    assertEquals(6, buffer.committed());
    buffer.drainBlocks(sink, 10);
    assertEquals(20, sink.size()); // less than a block committed: nothing
    buffer.rollback(); // the partial message goes, the committed rest stays
    buffer.drainTo(sink);
    assertEquals("a".repeat(25) + "\n", out());
    assertEquals(0, buffer.committed());
  }

  @Test
  void keepsTheUncommittedTailWhenItShrinksAfterAHugeMessage() throws IOException {
    write("x".repeat(1000) + "\n");
    buffer.commit();
    write("y");
    buffer.drainTo(sink);
    buffer.commit();
    buffer.drainTo(sink);
    assertEquals("x".repeat(1000) + "\ny", out());
  }
}
