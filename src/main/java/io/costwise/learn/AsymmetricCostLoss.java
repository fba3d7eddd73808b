package io.costwise.learn;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The reference experiment's asymmetric cost loss for a sigmoid output p and a label y ∈ {0, 1}:
 *
 * <pre>
 *   L(y, p) = fnCost · y · |1 − p|  +  fpCost · (1 − y) · |p|
 * </pre>
 *
 * <p>Its mean over the minibatch is the score. With 0 &lt; p &lt; 1 the gradient with respect to
 * the output is {@code dL/dp = −fnCost · y + fpCost · (1 − y)}; the activation's derivative is
 * applied by back-propagation. As with DL4J's built-in losses, the gradient is that of the summed
 * loss and the updater divides by the minibatch size.
 *
 * <p>The loss is the expected cost of a decision drawn at random with probability p, so it is
 * minimised by pushing p towards the cheaper side. It saturates where the sigmoid is confidently
 * wrong (p near 0 for a positive): dL/dz = −fnCost · p(1 − p) vanishes there, so it learns more
 * slowly than cross-entropy from bad initial weights. That is a property of the reference,
 * documented rather than hidden.
 *
 * <p>The costs are {@code @JsonProperty} fields read by a {@code @JsonCreator} constructor, with
 * ND4J's shaded Jackson annotations: DL4J stores the network configuration as JSON with this class
 * name, and silently restores unannotated fields as defaults.
 */
public final class AsymmetricCostLoss implements ILossFunction {
  private static final long serialVersionUID = 1L;

  @JsonProperty("fnCost")
  private final double fnCost;

  @JsonProperty("fpCost")
  private final double fpCost;

  /**
   * @param fnCost the cost of a false negative (label 1 scored towards 0), positive
   * @param fpCost the cost of a false positive (label 0 scored towards 1), positive
   */
  @JsonCreator
  public AsymmetricCostLoss(
      @JsonProperty("fnCost") double fnCost, @JsonProperty("fpCost") double fpCost) {
    if (!(fnCost > 0) || !(fpCost > 0) || Double.isInfinite(fnCost) || Double.isInfinite(fpCost)) {
      throw new IllegalArgumentException(
          "costs must be finite and positive, got fn " + fnCost + ", fp " + fpCost);
    }
    this.fnCost = fnCost;
    this.fpCost = fpCost;
  }

  public double fnCost() {
    return fnCost;
  }

  public double fpCost() {
    return fpCost;
  }

  /** Per-element loss, masked: same shape as the labels. */
  private INDArray elementLoss(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    checkShapes(labels, preOutput);
    INDArray y = labels.castTo(preOutput.dataType());
    INDArray p = activationFn.getActivation(preOutput.dup(), false);
    INDArray missed = Transforms.abs(p.rsub(1.0), false).muli(y).muli(fnCost);
    INDArray falseAlarm = Transforms.abs(p, false).muli(y.rsub(1.0)).muli(fpCost);
    INDArray loss = missed.addi(falseAlarm);
    if (mask != null) {
      LossUtil.applyMask(loss, mask);
    }
    return loss;
  }

  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    INDArray loss = elementLoss(labels, preOutput, activationFn, mask);
    double sum = loss.sumNumber().doubleValue();
    return average ? sum / loss.size(0) : sum;
  }

  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    return elementLoss(labels, preOutput, activationFn, mask).sum(true, 1);
  }

  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    checkShapes(labels, preOutput);
    INDArray y = labels.castTo(preOutput.dataType());
    INDArray p = activationFn.getActivation(preOutput.dup(), false);
    // d|1-p|/dp = -sign(1-p) and d|p|/dp = sign(p): exactly -1 and +1 inside (0, 1).
    INDArray dMissed = Transforms.sign(p.rsub(1.0), false).muli(y).muli(-fnCost);
    INDArray dFalseAlarm = Transforms.sign(p, false).muli(y.rsub(1.0)).muli(fpCost);
    INDArray dLdp = dMissed.addi(dFalseAlarm);
    if (mask != null) {
      LossUtil.applyMask(dLdp, mask);
    }
    // backprop overwrites its input, hence the copy.
    INDArray gradient = activationFn.backprop(preOutput.dup(), dLdp).getFirst();
    if (mask != null) {
      LossUtil.applyMask(gradient, mask);
    }
    return gradient;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    return new Pair<>(
        computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  @Override
  public String name() {
    return "AsymmetricCostLoss(fn=" + fnCost + ", fp=" + fpCost + ")";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AsymmetricCostLoss that
        && Double.compare(fnCost, that.fnCost) == 0
        && Double.compare(fpCost, that.fpCost) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fnCost, fpCost);
  }

  private static void checkShapes(INDArray labels, INDArray preOutput) {
    if (!labels.equalShapes(preOutput)) {
      throw new IllegalArgumentException(
          "labels "
              + java.util.Arrays.toString(labels.shape())
              + " and pre-output "
              + java.util.Arrays.toString(preOutput.shape())
              + " differ in shape");
    }
  }
}
