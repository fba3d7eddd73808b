package io.costwise.cost;

/**
 * The four outcomes of a binary decision, each with the short name the hyperparameters use ({@code
 * value_tn}, {@code cost_tn_column}, …).
 *
 * <p>Binary only for now: a K×K cost table would add outcomes per (actual, predicted) pair, and
 * this type and {@link CostModel} are where that change lands.
 */
public enum Outcome {
  TRUE_NEGATIVE("tn", "true negative", 0, false),
  FALSE_POSITIVE("fp", "false positive", 0, true),
  FALSE_NEGATIVE("fn", "false negative", 1, false),
  TRUE_POSITIVE("tp", "true positive", 1, true);

  private final String key;
  private final String words;
  private final int label;
  private final boolean flagged;

  Outcome(String key, String words, int label, boolean flagged) {
    this.key = key;
    this.words = words;
    this.label = label;
    this.flagged = flagged;
  }

  /** The outcome of flagging (or not) a case of the given label. */
  public static Outcome of(int label, boolean flagged) {
    if (label == 1) {
      return flagged ? TRUE_POSITIVE : FALSE_NEGATIVE;
    }
    return flagged ? FALSE_POSITIVE : TRUE_NEGATIVE;
  }

  /** {@code tn}, {@code fp}, {@code fn} or {@code tp}. */
  public String key() {
    return key;
  }

  /** The outcome in words, e.g. "false negative". */
  public String words() {
    return words;
  }

  /** The actual class of a case with this outcome. */
  public int label() {
    return label;
  }

  /** Whether the case was flagged (predicted positive). */
  public boolean flagged() {
    return flagged;
  }

  /** The hyperparameter naming this outcome's per-row cost column, e.g. {@code cost_fn_column}. */
  public String columnKey() {
    return "cost_" + key + "_column";
  }
}
