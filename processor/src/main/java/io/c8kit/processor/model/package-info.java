/**
 * The immutable connector model built by validation and read by every generator. Internal to the
 * processor (public only because the pipeline spans packages); no {@code Element} is kept except
 * the originating type.
 */
package io.c8kit.processor.model;
