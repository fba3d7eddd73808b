package io.costwise.serve;

/**
 * Decoded request rows, row-major: {@code count × features} values, and the costs rows carry.
 *
 * @param values the features, row after row (may be longer than needed; only the first {@code count
 *     × features} count)
 * @param count the number of rows
 * @param costs null when no row of the request carries costs; else {@link ModelCosts#PER_ROW}
 *     values per row in {@link io.costwise.cost.Outcome} order, NaN where the row gives none (then
 *     the model's fixed cost applies)
 */
record Rows(double[] values, int count, double[] costs) {}
