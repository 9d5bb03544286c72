/**
 * Real services that connector tests run against, found, skipped or failed the same way in every
 * connector module: {@link io.c8kit.acceptance.services.PostgresTestServer}.
 */
package io.c8kit.acceptance.services;
