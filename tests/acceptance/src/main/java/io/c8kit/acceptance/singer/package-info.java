/** Singer conformance checks for c8kit taps and targets (in-process or as a jar). */
package io.c8kit.acceptance.singer;
