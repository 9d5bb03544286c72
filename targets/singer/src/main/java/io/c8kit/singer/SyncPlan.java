package io.c8kit.singer;

import java.util.List;
import java.util.Set;

/**
 * One selected stream of a sync: how to replicate it and which of its optional fields the catalog
 * deselected.
 *
 * @param replicationKey the cursor path for {@link ReplicationMethod#INCREMENTAL}, else empty
 * @param deselected top-level fields with {@code selected: false} and {@code inclusion: available}
 */
record SyncPlan(
    TapStream stream,
    ReplicationMethod method,
    List<String> replicationKey,
    Set<String> deselected) {}
