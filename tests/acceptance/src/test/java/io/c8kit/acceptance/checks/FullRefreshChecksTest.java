package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.goodCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.support.Out;
import org.junit.jupiter.api.Test;

class FullRefreshChecksTest {
  static final String U = "{\"id\":1}";

  @Test
  void catalogSetsFullRefresh() {
    JsonNode c = Catalogs.fullRefresh(goodCatalog());
    assertEquals(2, c.path("streams").size());
    c.path("streams").forEach(s -> assertEquals("full_refresh", s.path("sync_mode").asText()));
    JsonNode incrementalOnly =
        Catalogs.fullRefresh(
            io.c8kit.acceptance.support.Kit.catalog(
                s ->
                    s.set(
                        "supported_sync_modes",
                        io.c8kit.acceptance.support.Kit.arr("['incremental']"))));
    assertEquals(1, incrementalOnly.path("streams").size());
  }

  @Test
  void laterReadHasLaterEmittedAt() {
    assertClean(
        FullRefreshChecks.sequentialReads(
            Out.out().record("users", U, 1000).record("users", U, 1005).ok(),
            Out.out().record("users", U, 1006).record("users", U, 1010).ok()));
  }

  @Test
  void constantEmittedAtFails() {
    assertMentions(
        assertFlags(
            Rules.FULL_REFRESH_SEQUENTIAL_READS,
            FullRefreshChecks.sequentialReads(
                Out.out().record("users", U, 42).ok(), Out.out().record("users", U, 42).ok())),
        "should increase");
    assertFlags(
        Rules.FULL_REFRESH_SEQUENTIAL_READS,
        FullRefreshChecks.sequentialReads(
            Out.out().record("users", U, 1000).record("users", U, 2000).ok(),
            Out.out().record("users", U, 1500).ok()));
  }

  @Test
  void bothReadsNeedRecords() {
    assertMentions(
        assertFlags(
            Rules.FULL_REFRESH_SEQUENTIAL_READS,
            FullRefreshChecks.sequentialReads(
                Out.out().log("none").ok(), Out.out().record("users", U, 5).ok())),
        "read 1");
    assertMentions(
        assertFlags(
            Rules.FULL_REFRESH_SEQUENTIAL_READS,
            FullRefreshChecks.sequentialReads(
                Out.out().record("users", U, 5).ok(), Out.out().log("none").ok())),
        "read 2");
    assertFlags(
        Rules.FULL_REFRESH_SEQUENTIAL_READS,
        FullRefreshChecks.sequentialReads(
            Out.out().record("users", U, 5).exit(1), Out.out().record("users", U, 6).ok()));
  }

  @Test
  void emittedAtMustBeAnInteger() {
    assertFlags(
        Rules.FULL_REFRESH_SEQUENTIAL_READS,
        FullRefreshChecks.sequentialReads(
            Out.out()
                .line(
                    "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{},\"emitted_at\":1.5}}")
                .ok(),
            Out.out().record("users", U, 6).ok()));
  }
}
