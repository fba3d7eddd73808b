package io.costwise.artifact;

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
 * @param scorer the trained network as plain numbers, read by {@code serve} without loading DL4J
 * @param engine the engine that trained it, {@code fast} or {@code dl4j}
 * @param bestEpoch with early stopping, the epoch whose model was kept (else absent)
 * @param calibration maps the network's score to the probability every decision uses; absent in
 *     models from before calibration, which means none
 * @param meanCosts with cost columns, each outcome's cost ({@code tn}, {@code fp}, {@code fn},
 *     {@code tp}) averaged over the training rows: what a case that brings no costs of its own is
 *     decided and priced with (the fixed cost where the outcome has no column); absent otherwise
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
    @JsonProperty("scorer") Scorer scorer,
    @JsonProperty("engine") String engine,
    @JsonProperty("best_epoch") Integer bestEpoch,
    @JsonProperty("calibration") Calibration calibration,
    @JsonProperty("mean_costs") Map<String, Double> meanCosts) {

  /** 2: layers in the scorer (hidden layers); version 1 files are still read. */
  public static final int FORMAT_VERSION = 2;

  /** The calibration to apply, {@link Calibration#none()} when the file has none. */
  public Calibration calibrationOrNone() {
    return calibration != null ? calibration : Calibration.none();
  }

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
   * The network as plain numbers, read by {@code serve} and {@code evaluate} without loading DL4J:
   * the scaler's statistics and each layer's weights (one array per output unit) and biases. A test
   * proves predictions from these numbers equal {@code MultiLayerNetwork.output} on the model zip.
   *
   * <p>Format version 1 (one unit) wrote {@code weights} and {@code bias} at this level instead of
   * {@code layers}; such files are still read.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Scorer(
      @JsonProperty("mean") double[] mean,
      @JsonProperty("std") double[] std,
      @JsonProperty("layers") List<Layer> layers,
      @JsonProperty("weights") double[] legacyWeights,
      @JsonProperty("bias") Double legacyBias) {

    /** The description of a scorer. */
    public static Scorer of(NetworkScorer scorer) {
      NetworkShape shape = scorer.shape();
      double[] parameters = scorer.parameters();
      List<Layer> layers = new java.util.ArrayList<>();
      for (int l = 0; l < shape.layers(); l++) {
        int inputs = shape.inputsOf(l);
        double[][] weights = new double[shape.outputsOf(l)][];
        for (int j = 0; j < weights.length; j++) {
          int from = shape.weightOffset(l) + j * inputs;
          weights[j] = java.util.Arrays.copyOfRange(parameters, from, from + inputs);
        }
        int bias = shape.biasOffset(l);
        layers.add(
            new Layer(
                l == shape.layers() - 1 ? Layer.SIGMOID : Layer.RELU,
                weights,
                java.util.Arrays.copyOfRange(parameters, bias, bias + weights.length)));
      }
      return new Scorer(scorer.mean(), scorer.std(), layers, null, null);
    }

    /**
     * The scorer these numbers describe.
     *
     * @throws IllegalArgumentException when the layers do not chain into one sigmoid output
     */
    public NetworkScorer toNetworkScorer() {
      if (mean == null || std == null) {
        throw new IllegalArgumentException("the scaler's mean or std is missing");
      }
      List<Layer> chain = layers;
      if (chain == null) {
        if (legacyWeights == null || legacyBias == null) {
          throw new IllegalArgumentException("there are no layers");
        }
        chain =
            List.of(
                new Layer(
                    Layer.SIGMOID, new double[][] {legacyWeights}, new double[] {legacyBias}));
      }
      List<Integer> hidden = new java.util.ArrayList<>();
      int inputs = mean.length;
      java.util.List<double[]> parts = new java.util.ArrayList<>();
      for (int l = 0; l < chain.size(); l++) {
        Layer layer = chain.get(l);
        boolean last = l == chain.size() - 1;
        if (layer.weights() == null || layer.bias() == null || layer.activation() == null) {
          throw new IllegalArgumentException(
              "layer " + (l + 1) + " lacks weights, bias or activation");
        }
        if (!layer.activation().equals(last ? Layer.SIGMOID : Layer.RELU)) {
          throw new IllegalArgumentException(
              "layer "
                  + (l + 1)
                  + " has activation "
                  + layer.activation()
                  + ", expected "
                  + (last ? Layer.SIGMOID : Layer.RELU));
        }
        int outputs = layer.weights().length;
        if (outputs == 0 || layer.bias().length != outputs || (last && outputs != 1)) {
          throw new IllegalArgumentException("layer " + (l + 1) + " has mismatched sizes");
        }
        for (double[] unit : layer.weights()) {
          if (unit == null || unit.length != inputs) {
            throw new IllegalArgumentException(
                "layer " + (l + 1) + " needs " + inputs + " weights per unit");
          }
          parts.add(unit);
        }
        parts.add(layer.bias());
        if (!last) {
          hidden.add(outputs);
        }
        inputs = outputs;
      }
      NetworkShape shape = new NetworkShape(mean.length, hidden);
      double[] parameters = new double[shape.parameterCount()];
      int at = 0;
      for (double[] part : parts) {
        System.arraycopy(part, 0, parameters, at, part.length);
        at += part.length;
      }
      return new NetworkScorer(shape, parameters, mean, std);
    }
  }

  /**
   * One dense layer.
   *
   * @param activation {@value #RELU} for hidden layers, {@value #SIGMOID} for the output
   * @param weights one array per output unit, one weight per input
   * @param bias one per output unit
   */
  public record Layer(
      @JsonProperty("activation") String activation,
      @JsonProperty("weights") double[][] weights,
      @JsonProperty("bias") double[] bias) {
    public static final String RELU = "relu";
    public static final String SIGMOID = "sigmoid";
  }

  /** Rows per class in one channel. */
  public record ClassCounts(
      @JsonProperty("negative") int negative, @JsonProperty("positive") int positive) {}
}
