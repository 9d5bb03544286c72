package io.c8kit.singer;

/** Singer's {@code replication-method}s that a c8kit stream can run. */
enum ReplicationMethod {
  FULL_TABLE,
  INCREMENTAL
}
