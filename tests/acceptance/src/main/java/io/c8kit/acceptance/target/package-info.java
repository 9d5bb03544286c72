/**
 * Where the connector under test runs (in-process, {@code java -jar}, Docker image) and the parsed
 * outcome of one run ({@link io.c8kit.acceptance.target.RunResult}).
 */
package io.c8kit.acceptance.target;
