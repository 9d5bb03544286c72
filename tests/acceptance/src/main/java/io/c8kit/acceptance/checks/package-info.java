/**
 * The acceptance rules as pure functions over parsed connector output ({@code SpecChecks}, {@code
 * DiscoveryChecks}, {@code ReadChecks}, …), each returning the {@link
 * io.c8kit.acceptance.checks.Violation}s it found, so they can be unit-tested and reused without
 * running a connector.
 */
package io.c8kit.acceptance.checks;
