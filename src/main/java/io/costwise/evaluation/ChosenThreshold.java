package io.costwise.evaluation;

/**
 * A decision threshold and how it came about, as stored in the model and shown in reports.
 *
 * @param value predict positive when {@code score >= value}
 * @param rule {@code fixed}, {@code cost_optimal}, {@code tuned} or {@code
 *     tuned_fell_back_to_cost_optimal}
 * @param reason one sentence for people: why this value
 */
public record ChosenThreshold(double value, String rule, String reason) {}
