package io.costwise.calibration;

import io.costwise.artifact.Calibration;
import io.costwise.evaluation.Inputs;

/**
 * Platt scaling as scikit-learn's {@code _sigmoid_calibration} fits it (version 1.2): the sigmoid
 * {@code P(y = 1 | f) = 1 / (1 + exp(a·f + b))} on {@code f = logit(score)} (see {@link
 * Calibration} for why the logit), with the parameters minimising the log loss against Platt's
 * regularised targets.
 *
 * <p>The targets are not 0 and 1 but {@code T+ = (N+ + 1) / (N+ + 2)} for positives and {@code T- =
 * 1 / (N- + 2)} for negatives (Platt 1999, end of section 2.2: a uniform prior on the probability
 * at each training point). Besides the Bayesian argument they keep the optimum finite when the
 * classes are separable, where 0/1 targets would send {@code a} to infinity.
 *
 * <p>The objective is scikit-learn's; the minimiser is not. scikit-learn 1.2 runs BFGS from {@code
 * a = 0, b = log((N- + 1) / (N+ + 1))} until the gradient is below 1e-5 (later versions run
 * L-BFGS-B to 1e-6). This class starts from the same point and runs Newton's method with a
 * backtracking (Armijo) line search, the robust version of Platt's algorithm by Lin, Lin and Weng
 * (2007, "A note on Platt's probabilistic outputs for support vector machines", Algorithm 1), which
 * needs the second derivatives that two parameters make cheap. It converges quadratically and runs
 * to the limit of double precision, so it reaches the optimum that scikit-learn's answer
 * approximates: within about 1e-7 where scikit-learn converges. Where a score of 0 or 1 gives a
 * logit of ±34.5, scikit-learn's objective loses precision (it takes the log of 1 − P with P within
 * 1e-13 of 1) and its line search can stop early, 5e-4 from the optimum in one test; this class's
 * loss is computed without that cancellation.
 *
 * <p>A million scores take 0.25 s of CPU once the JIT has compiled this code and 0.35 s on a JVM's
 * first call (seven passes, each one exponential and one logarithm per score; measured on the build
 * machine; {@code PlattFitTest} prints its own).
 */
public final class PlattFit {
  /** Far more than needed: the tests' fits take at most nine. */
  private static final int MAX_ITERATIONS = 100;

  /**
   * Lin et al.'s ridge on the Hessian's diagonal: keeps it invertible when all logits are equal.
   */
  private static final double RIDGE = 1e-12;

  /** Lin et al.'s smallest step of the line search before it gives up. */
  private static final double MIN_STEP = 1e-10;

  /** The Armijo condition's fraction of the predicted decrease. */
  private static final double SUFFICIENT_DECREASE = 1e-4;

  /**
   * Near the optimum the loss, a sum of n terms, no longer resolves a Newton step's gain (about
   * half the Newton decrement), so the line search would reject good steps on rounding noise. Below
   * this relative size the full step is taken unchecked: Newton's method is then well inside its
   * region of quadratic convergence, and the gradient, which still resolves, steers it.
   */
  private static final double LOSS_RESOLUTION = 1e-10;

  /** Steps smaller than this, relative to the parameter, end the iteration. */
  private static final double STEP_TOLERANCE = 1e-13;

  private PlattFit() {}

  /**
   * The Platt calibration of the scores.
   *
   * @throws IllegalArgumentException if the arrays are malformed
   */
  public static Calibration fit(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    int n = scores.length;
    double[] f = new double[n];
    double[] t = new double[n];
    long positives = 0;
    for (int label : labels) {
      positives += label;
    }
    long negatives = n - positives;
    double positiveTarget = (positives + 1.0) / (positives + 2.0);
    double negativeTarget = 1.0 / (negatives + 2.0);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      f[i] = Calibration.logit(scores[i]);
      sum += f[i];
      t[i] = labels[i] == 1 ? positiveTarget : negativeTarget;
    }
    // Fitted on centred logits, z = a·(f − centre) + b, and b moved back at the end. Newton's
    // method is invariant to this change of variables (same steps, same losses), but the Hessian
    // is far better conditioned: uncentred, its determinant is a small difference of large
    // products, which rounding can turn negative when the logits barely vary.
    double centre = sum / n;
    for (int i = 0; i < n; i++) {
      f[i] -= centre;
    }

    Point point = Point.at(f, t, 0, Math.log((negatives + 1.0) / (positives + 1.0)));
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double det = point.h11 * point.h22 - point.h21 * point.h21;
      double stepA = -(point.h22 * point.g1 - point.h21 * point.g2) / det;
      double stepB = -(-point.h21 * point.g1 + point.h11 * point.g2) / det;
      double slope = point.g1 * stepA + point.g2 * stepB; // < 0: the Hessian is positive definite
      if (!(slope < 0)) {
        break; // a zero gradient: at the optimum already
      }
      if (-slope < LOSS_RESOLUTION * Math.max(1, point.loss)) {
        Point next = Point.at(f, t, point.a + stepA, point.b + stepB);
        boolean done =
            Math.abs(stepA) <= STEP_TOLERANCE * Math.max(1, Math.abs(next.a))
                && Math.abs(stepB) <= STEP_TOLERANCE * Math.max(1, Math.abs(next.b));
        point = next;
        if (done) {
          break;
        }
        continue;
      }
      Point accepted = null;
      for (double step = 1; step >= MIN_STEP && accepted == null; step /= 2) {
        Point trial = Point.at(f, t, point.a + step * stepA, point.b + step * stepB);
        if (trial.loss < point.loss + SUFFICIENT_DECREASE * step * slope) {
          accepted = trial;
        }
      }
      if (accepted == null) {
        break; // no step decreases the loss: as close as double precision allows
      }
      point = accepted;
    }
    return Calibration.platt(point.a, point.b - point.a * centre);
  }

  /**
   * The loss at (a, b) with its gradient and Hessian (plus the ridge), from one pass over the data
   * with one exponential and one logarithm per case: a line search's accepted trial point is then
   * the next iteration's starting point at no extra cost.
   *
   * <p>With z = a·f + b and p = 1 / (1 + e^z), a case's loss is −[t·ln p + (1 − t)·ln(1 − p)],
   * written as {@code t·z + ln(1 + e^−z)} for z ≥ 0 and {@code (t − 1)·z + ln(1 + e^z)} otherwise,
   * so that no exponential overflows and ln(1 − p) keeps its precision where p is near 1 (where
   * computing 1 − p first, as scikit-learn's objective does, loses it; see {@code PlattFitTest}).
   * Its derivatives in z are t − p and p·(1 − p).
   */
  private record Point(
      double a, double b, double loss, double g1, double g2, double h11, double h21, double h22) {

    static Point at(double[] f, double[] t, double a, double b) {
      double loss = 0;
      double g1 = 0;
      double g2 = 0;
      double h11 = RIDGE;
      double h21 = 0;
      double h22 = RIDGE;
      for (int i = 0; i < f.length; i++) {
        double z = f[i] * a + b;
        double e = Math.exp(-Math.abs(z)); // in (0, 1]
        double p;
        double q;
        if (z >= 0) {
          loss += t[i] * z + Math.log1p(e);
          p = e / (1 + e);
          q = 1 / (1 + e);
        } else {
          loss += (t[i] - 1) * z + Math.log1p(e);
          p = 1 / (1 + e);
          q = e / (1 + e);
        }
        double d1 = t[i] - p;
        double d2 = p * q;
        g1 += f[i] * d1;
        g2 += d1;
        h11 += f[i] * f[i] * d2;
        h21 += f[i] * d2;
        h22 += d2;
      }
      return new Point(a, b, loss, g1, g2, h11, h21, h22);
    }
  }
}
