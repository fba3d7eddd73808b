/**
 * Evaluation of a binary classifier's scores: error counts, the usual metrics, and what the errors
 * cost in money.
 *
 * <p>Everything here is pure numerics on plain arrays: {@code double[] scores} (the predicted
 * probability of the positive class, in [0, 1]) and {@code int[] labels} (0 = negative, 1 =
 * positive). Nothing here reads files, renders charts or knows how the scores were produced; the
 * only other package it uses is {@code io.costwise.error}, for cost settings the user must fix.
 *
 * <p>Conventions shared by every class:
 *
 * <ul>
 *   <li><b>Tie rule.</b> A case is predicted positive when {@code score >= threshold}; a score
 *       exactly at the threshold is positive.
 *   <li><b>Orientation.</b> Confusion matrices are rows = actual, columns = predicted: {@code [[tn,
 *       fp], [fn, tp]]}, as scikit-learn prints them.
 *   <li><b>Money.</b> Outcome values are signed (negative = bad) and sums of them are computed as
 *       exact decimals, so published figures are reproduced to the cent.
 *   <li><b>Errors.</b> Malformed arrays are programming errors ({@link IllegalArgumentException});
 *       cost settings that make no decision sense are the user's to fix ({@link
 *       io.costwise.error.InvalidInputException}).
 * </ul>
 *
 * <p>Start at {@link io.costwise.evaluation.Evaluation#of}, which bundles every figure for one data
 * split, and {@link io.costwise.evaluation.ThresholdTuner}, which picks a threshold on a validation
 * split.
 */
package io.costwise.evaluation;
