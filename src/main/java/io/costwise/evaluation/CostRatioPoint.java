package io.costwise.evaluation;

/**
 * What one model's scores would be worth if a miss cost {@code ratio} times a false alarm.
 *
 * @param ratio miss cost : false-alarm cost, (v_TP − v_FN) / (v_TN − v_FP)
 * @param costOptimalThreshold Elkan's threshold at that ratio, 1 / (1 + ratio)
 * @param atCostOptimal expected value per case deciding at {@code costOptimalThreshold}
 * @param atFixed expected value per case deciding at the model's fixed threshold
 * @param best expected value per case at the best threshold for these cases, in hindsight: the
 *     ceiling no rule chosen beforehand can beat on them
 * @param bestThreshold the lowest threshold that reaches {@code best}
 */
public record CostRatioPoint(
    double ratio,
    double costOptimalThreshold,
    double atCostOptimal,
    double atFixed,
    double best,
    double bestThreshold) {}
