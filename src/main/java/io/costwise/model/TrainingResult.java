package io.costwise.model;

import java.util.OptionalDouble;

/**
 * A finished training run.
 *
 * @param model the trained unit and its scaler
 * @param resumedAfterEpochs epochs restored from a checkpoint (0 for a fresh run)
 * @param finalTrainLoss mean training loss after the last epoch
 * @param finalValidationLoss the same on the validation set, when there is one
 */
public record TrainingResult(
    TrainedModel model,
    int resumedAfterEpochs,
    double finalTrainLoss,
    OptionalDouble finalValidationLoss) {}
