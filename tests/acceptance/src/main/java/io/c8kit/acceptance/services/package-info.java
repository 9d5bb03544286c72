/**
 * Real services that connector tests run against, found, skipped or failed the same way in every
 * connector module: {@link io.c8kit.acceptance.services.PostgresTestServer}, {@link
 * io.c8kit.acceptance.services.JsonServerTestServer}.
 */
package io.c8kit.acceptance.services;
