package io.costwise.model;

import java.util.OptionalDouble;

/**
 * What one finished epoch reports.
 *
 * @param epoch 1-based number of the epoch just finished
 * @param epochs the total planned
 * @param trainLoss mean training loss over the whole training set after the epoch
 * @param validationLoss the same on the validation set, when there is one
 * @param millis wall time of the epoch
 */
public record EpochReport(
    int epoch, int epochs, double trainLoss, OptionalDouble validationLoss, long millis) {}
