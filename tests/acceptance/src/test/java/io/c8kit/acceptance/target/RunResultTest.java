package io.c8kit.acceptance.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {
  @Test
  void parsesMessagesAndKeepsJunk() {
    RunResult r =
        RunResult.of(
            0,
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hi\"}}\r\n"
                + "plain text\n\n"
                + "{\"no\":\"type\"}\n"
                + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":1.0},\"emitted_at\":1}} trailing\n"
                + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"namespace\":\"n\",\"data\":{\"a\":1.0},\"emitted_at\":1}}");
    assertEquals(2, r.messages().size());
    assertEquals(
        List.of(
            "plain text",
            "{\"no\":\"type\"}",
            "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":1.0},\"emitted_at\":1}} trailing"),
        r.unparseableLines());
    Message rec = r.records().get(0);
    assertEquals(6, rec.lineNumber());
    assertEquals("n.s", rec.recordStream().toString());
    // 1.0 stays a non-integral number so strict integer checks can see it
    assertTrue(!rec.payload().path("data").path("a").isIntegralNumber());
    assertTrue(r.describe().contains("2 messages"), r.describe());
    assertTrue(r.describe().contains("3 unparseable"), r.describe());
  }

  @Test
  void describeShowsTheFirstErrorAndStderr() {
    RunResult r =
        RunResult.of(
            1,
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1.0,\"error\":{\"message\":\"first\"}}}",
            "x".repeat(5000) + "END OF STDERR");
    String d = r.describe();
    assertTrue(d.contains("exit 1"), d);
    assertTrue(d.contains("\"first\""), d);
    assertTrue(d.contains("END OF STDERR"), d);
    assertTrue(d.length() < 3000, "stderr is truncated");
  }
}
