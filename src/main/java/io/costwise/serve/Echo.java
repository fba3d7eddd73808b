package io.costwise.serve;

/** How much of a client's text an error message repeats: enough to recognise it, never all. */
final class Echo {
  /** The most characters of a client's value a message repeats. */
  static final int MAX = 100;

  private Echo() {}

  /** The text, cut to {@link #MAX} characters and an ellipsis when longer. */
  static String clip(String text) {
    if (text == null || text.length() <= MAX) {
      return text;
    }
    int end = MAX;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
