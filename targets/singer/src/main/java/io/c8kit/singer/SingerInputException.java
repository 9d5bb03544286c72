package io.c8kit.singer;

/** Broken Singer input: names the line, so the user can find it in a saved stream. */
final class SingerInputException extends RuntimeException {
  final long line;

  SingerInputException(long line, String problem) {
    super("Singer input line " + line + ": " + problem);
    this.line = line;
  }
}
