package io.costwise.evaluation;

/**
 * A threshold chosen for a model, how it was chosen, and what it was worth where it was chosen.
 *
 * @param threshold predict positive when {@code score >= threshold}
 * @param method how the threshold was chosen
 * @param reason one sentence for the report: why this method, and the figures behind it
 * @param expectedValuePerCase expected value per case on the split the threshold was chosen on (an
 *     optimistic figure when tuned there; judge the model on a held-out split)
 * @param unit the unit of the value
 */
public record TunedThreshold(
    double threshold, Method method, String reason, double expectedValuePerCase, String unit) {

  /** How a threshold was chosen. */
  public enum Method {
    /** Maximises smoothed expected value on the validation split (see {@link ThresholdTuner}). */
    TUNED,
    /**
     * The split was too small to tune on, so the cost-optimal threshold for calibrated
     * probabilities ({@link OutcomeValues#costOptimalThreshold()}) is used instead.
     */
    COST_OPTIMAL_FALLBACK
  }
}
