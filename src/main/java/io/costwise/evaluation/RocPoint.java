package io.costwise.evaluation;

/**
 * One point of a ROC curve: the rates reached by predicting positive when {@code score >=
 * threshold}.
 *
 * @param fpr false-positive rate, {@code fp / negatives}; NaN when there are no negatives
 * @param tpr true-positive rate (recall), {@code tp / positives}; NaN when there are no positives
 * @param threshold the cut-off; {@code +Infinity} for the first point, where nothing is positive
 */
public record RocPoint(double fpr, double tpr, double threshold) {}
