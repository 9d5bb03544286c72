/**
 * The connector acceptance kit: Airbyte's connector acceptance tests (CAT) and destination
 * acceptance tests as a JUnit 5 library. Extend {@link io.c8kit.acceptance.SourceAcceptanceTest} or
 * {@link io.c8kit.acceptance.DestinationAcceptanceTest}, return a config, and every rule runs as a
 * test named after its rule id ({@link io.c8kit.acceptance.checks.Rules}). See docs/ACCEPTANCE.md.
 */
package io.c8kit.acceptance;
