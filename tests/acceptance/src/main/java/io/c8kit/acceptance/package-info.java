/** The connector acceptance kit: Airbyte's standard connector tests as a JUnit 5 library. */
package io.c8kit.acceptance;
