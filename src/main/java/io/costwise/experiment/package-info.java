/**
 * Experiments run in one process on local data: the reference experiment ({@code demo}), the
 * cost-ratio sweep with cross-validation ({@code sweep}) and evaluating a saved model ({@code
 * evaluate}).
 */
package io.costwise.experiment;
