package io.costwise.serve;

/**
 * Decoded request rows, row-major: {@code count × features} values.
 *
 * @param values the features, row after row (may be longer than needed; only the first {@code count
 *     × features} count)
 * @param count the number of rows
 */
record Rows(double[] values, int count) {}
