package io.costwise.learn;

/**
 * Everything a resumed run needs after {@code epochsDone} epochs.
 *
 * @param epochsDone complete epochs
 * @param learner parameters, optimiser moments and step count
 * @param scaler the standardiser fitted before the first epoch
 * @param stopping the early-stopping record (best epoch, its loss and parameters)
 */
record Checkpoint(
    int epochsDone, Learner.State learner, ScalerStats scaler, EarlyStopping stopping) {}
