package io.c8kit.e2e;

/** Small text helpers for failure messages. */
final class Text {
  private Text() {}

  /**
   * The text, cut to at most {@code max} characters (head and tail kept) so failures stay readable.
   */
  static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int half = max / 2;
    return text.substring(0, half)
        + "\n... ["
        + (text.length() - max)
        + " characters cut] ...\n"
        + text.substring(text.length() - half);
  }
}
