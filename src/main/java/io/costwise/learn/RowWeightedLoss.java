package io.costwise.learn;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A DL4J loss with a weight per row, for the dl4j engine: the labels array has two columns, the
 * label and the row's weight, and the weight is handed to the wrapped loss as a per-example mask
 * (its score is then Σ w_i·L_i) and multiplies the wrapped loss's unmasked gradient dL/dz once. The
 * output layer then divides the score, and the updater the gradient, by the number of rows.
 *
 * <p>Why not DL4J's labels mask, {@code DataSet(features, labels, null, mask)}: in DL4J 1.0.0-M2.1
 * the output layer keeps the labels mask as its layer mask, and {@code
 * BaseLayer.preOutputWithPreNorm} multiplies the layer's pre-activation z by it, so a row of weight
 * 3 would be scored as sigmoid(3z) — harmless for the 0/1 masks DL4J means (a masked row's loss and
 * gradient are zeroed anyway), wrong for weights. And {@code LossBinaryXENT} masks dL/dp as well as
 * dL/dz when the mask has the output's shape, as a {@code [rows, 1]} column on one output unit has,
 * which would weigh the gradient by w². Passing the weights to the loss directly keeps DL4J's
 * forward pass, its loss arithmetic and its division by the rows, and weighs each row once.
 *
 * <p>Only the network the dl4j engine trains has this loss: the stored network names the wrapped
 * loss, since the weights are data, not part of the model.
 */
public final class RowWeightedLoss implements ILossFunction {
  private static final long serialVersionUID = 1L;

  @JsonProperty("loss")
  private final ILossFunction loss;

  /**
   * @param loss the loss each row's weight multiplies
   */
  @JsonCreator
  public RowWeightedLoss(@JsonProperty("loss") ILossFunction loss) {
    this.loss = Objects.requireNonNull(loss, "loss");
  }

  /** Labels and weights, {@code [rows, 2]}, as the dl4j engine's labels array. */
  static double[] labelsAndWeights(double[] labels, double[] weights, int rows) {
    double[] both = new double[2 * rows];
    for (int r = 0; r < rows; r++) {
      both[2 * r] = labels[r];
      both[2 * r + 1] = weights[r];
    }
    return both;
  }

  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    return loss.computeScore(
        label(labels), preOutput, activationFn, weights(labels, mask), average);
  }

  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    return loss.computeScoreArray(label(labels), preOutput, activationFn, weights(labels, mask));
  }

  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    INDArray gradient = loss.computeGradient(label(labels), preOutput, activationFn, null);
    LossUtil.applyMask(gradient, weights(labels, mask));
    return gradient;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    // The score first: DL4J's losses overwrite preOutput when back-propagating the activation.
    double score = computeScore(labels, preOutput, activationFn, mask, average);
    return new Pair<>(score, computeGradient(labels, preOutput, activationFn, mask));
  }

  /** The label column, {@code [rows, 1]}. */
  private static INDArray label(INDArray labels) {
    checkColumns(labels);
    return labels.getColumn(0, true).dup();
  }

  /** The weight column, {@code [rows, 1]}. */
  private static INDArray weights(INDArray labels, INDArray mask) {
    if (mask != null) {
      // A labels mask would also scale the output layer's pre-activation (see the class comment).
      throw new IllegalArgumentException("row weights take the place of a labels mask");
    }
    checkColumns(labels);
    return labels.getColumn(1, true).dup();
  }

  private static void checkColumns(INDArray labels) {
    if (labels.rank() != 2 || labels.size(1) != 2) {
      throw new IllegalArgumentException(
          "expected labels [rows, 2] (label, weight), got "
              + java.util.Arrays.toString(labels.shape()));
    }
  }

  @Override
  public String name() {
    return "RowWeighted(" + loss.name() + ")";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowWeightedLoss that && loss.equals(that.loss);
  }

  @Override
  public int hashCode() {
    return loss.hashCode();
  }
}
