package io.costwise.learn;

import java.util.OptionalDouble;

/**
 * What one finished epoch reports.
 *
 * @param epoch 1-based number of the epoch just finished
 * @param epochs the total planned
 * @param trainLoss mean training loss over the epoch's minibatches, each taken before its step (as
 *     Keras reports it: no second pass over the training data)
 * @param validationLoss mean loss on the validation set after the epoch, when there is one
 * @param millis wall time of the epoch
 */
public record EpochReport(
    int epoch, int epochs, double trainLoss, OptionalDouble validationLoss, long millis) {}
