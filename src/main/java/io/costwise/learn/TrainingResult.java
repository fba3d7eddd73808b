package io.costwise.learn;

import io.costwise.config.EngineType;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A finished training run.
 *
 * @param network the trained network and its scaler (the best epoch's when stopping early)
 * @param engine the engine that trained it ({@code fast} or {@code dl4j}, never {@code auto})
 * @param resumedAfterEpochs epochs restored from a checkpoint (0 for a fresh run)
 * @param epochsRun epochs trained in all, resumed ones included
 * @param bestEpoch with early stopping: the epoch whose model was kept
 * @param finalTrainLoss mean training loss of the kept model over the whole training set
 * @param finalValidationLoss the same on the validation set, when there is one
 */
public record TrainingResult(
    TrainedNetwork network,
    EngineType engine,
    int resumedAfterEpochs,
    int epochsRun,
    OptionalInt bestEpoch,
    double finalTrainLoss,
    OptionalDouble finalValidationLoss) {}
