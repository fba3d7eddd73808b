package io.costwise.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON description stored beside the network ({@code model.json}): what the model expects, how
 * it decides, and where it came from. {@code serve} reads the feature names and threshold from it.
 *
 * @param formatVersion bumped on incompatible changes to this file or the model zip
 * @param modelFile the DL4J zip in the same folder
 * @param featureNames the features in the order rows must give them
 * @param decisionThreshold predict positive when the score is at least this
 * @param thresholdRule how the threshold was chosen: {@code fixed}, {@code cost_optimal}, {@code
 *     tuned} or {@code tuned_fell_back_to_cost_optimal}
 * @param thresholdReason one sentence on why this threshold
 * @param hyperparameters every hyperparameter, canonical, defaults included
 * @param trainingCosts the loss and the error costs it was trained with
 * @param rows per channel: positive and negative row counts
 * @param dataSha256 per channel: SHA-256 of the bytes read
 * @param versions costwise, Deeplearning4j and Java versions
 * @param seed the seed of initialisation and shuffling
 * @param epochsRun epochs trained in total
 * @param resumedAfterEpochs epochs restored from a checkpoint (0 for a fresh run)
 * @param trainingSeconds wall time of this run's training
 * @param finalLoss per channel: mean loss after the last epoch
 * @param scorer the trained unit as plain numbers, read by {@code serve} without loading DL4J
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelDescription(
    @JsonProperty("format_version") int formatVersion,
    @JsonProperty("model_file") String modelFile,
    @JsonProperty("feature_names") List<String> featureNames,
    @JsonProperty("decision_threshold") double decisionThreshold,
    @JsonProperty("threshold_rule") String thresholdRule,
    @JsonProperty("threshold_reason") String thresholdReason,
    @JsonProperty("hyperparameters") Map<String, String> hyperparameters,
    @JsonProperty("training_costs") TrainingCosts trainingCosts,
    @JsonProperty("rows") Map<String, ClassCounts> rows,
    @JsonProperty("data_sha256") Map<String, String> dataSha256,
    @JsonProperty("versions") Map<String, String> versions,
    @JsonProperty("seed") long seed,
    @JsonProperty("epochs_run") int epochsRun,
    @JsonProperty("resumed_after_epochs") int resumedAfterEpochs,
    @JsonProperty("training_seconds") double trainingSeconds,
    @JsonProperty("final_loss") Map<String, Double> finalLoss,
    @JsonProperty("scorer") Scorer scorer) {

  public static final int FORMAT_VERSION = 1;

  /** The number of features a row must have. */
  @JsonProperty("feature_count")
  public int featureCount() {
    return featureNames.size();
  }

  /**
   * The training loss and its error costs.
   *
   * @param loss {@code builtin} or {@code custom}
   * @param costMatrix indexed {@code [actual][predicted]}
   */
  public record TrainingCosts(
      @JsonProperty("loss") String loss, @JsonProperty("cost_matrix") double[][] costMatrix) {}

  /**
   * The unit's parameters and its scaler's statistics: {@code p = sigmoid(Σ wᵢ·(xᵢ − meanᵢ)/stdᵢ +
   * bias)}. Written from the trained network; a test proves predictions from these numbers equal
   * {@code MultiLayerNetwork.output} on the model zip.
   */
  public record Scorer(
      @JsonProperty("weights") double[] weights,
      @JsonProperty("bias") double bias,
      @JsonProperty("mean") double[] mean,
      @JsonProperty("std") double[] std) {

    public static Scorer of(LinearScorer scorer) {
      return new Scorer(scorer.weights(), scorer.bias(), scorer.mean(), scorer.std());
    }

    public LinearScorer toLinearScorer() {
      return new LinearScorer(weights, bias, mean, std);
    }
  }

  /** Rows per class in one channel. */
  public record ClassCounts(
      @JsonProperty("negative") int negative, @JsonProperty("positive") int positive) {}
}
