/**
 * The one cost model: what each outcome of a decision costs, fixed or per case, and the per-case
 * costs of a data set. Plain Java; the data, learners, evaluation and endpoint read costs from
 * here.
 */
package io.costwise.cost;
