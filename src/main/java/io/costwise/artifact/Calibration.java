package io.costwise.artifact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted probability calibration as the model stores it and as every consumer ({@code serve},
 * {@code evaluate}, {@code train}) applies it: a monotone map from the network's score to a
 * calibrated probability. Fitting lives in {@code io.costwise.calibration}; this record only holds
 * the numbers and applies them, so reading a model needs nothing else.
 *
 * <p>Three methods, each predicting as scikit-learn's calibrators predict from the same numbers:
 *
 * <ul>
 *   <li>{@value #NONE}: the score unchanged. Serialised as {@code {"method":"none"}}.
 *   <li>{@value #PLATT}: {@code 1 / (1 + exp(a·f + b))} with {@code f = logit(score)}. The
 *       network's scores are already probabilities, while Platt scaling (scikit-learn's {@code
 *       _SigmoidCalibration}) is fitted to a classifier's decision function; for a logistic output
 *       unit the decision function is the logit of the probability, so the logit is what the
 *       sigmoid is fitted to and applied to. Scores are clipped to [{@value #LOGIT_EPSILON}, 1 −
 *       {@value #LOGIT_EPSILON}] first, so the scores 0 and 1 map to finite logits (±34.5).
 *   <li>{@value #ISOTONIC}: a non-decreasing, piecewise-linear curve through the points ({@code
 *       x[i]}, {@code y[i]}), applied as scikit-learn's {@code
 *       IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1)} predicts: linear interpolation
 *       between neighbouring points ({@code np.interp}: exactly {@code y[i]} at {@code x[i]}), and
 *       the end values beyond the ends.
 * </ul>
 *
 * <p>The constructor accepts anything, because Jackson builds this record from a file the user may
 * have edited; {@link #validate()} is the check, and the loader turns its message into an error the
 * user can act on. The factories {@link #none()}, {@link #platt} and {@link #isotonic} validate.
 * {@link #apply} assumes a validated calibration.
 *
 * @param method {@value #NONE}, {@value #PLATT} or {@value #ISOTONIC}
 * @param a Platt's slope on the logit (negative when the score and the probability rise together);
 *     only for {@value #PLATT}
 * @param b Platt's intercept; only for {@value #PLATT}
 * @param x isotonic thresholds on the score, strictly ascending; only for {@value #ISOTONIC}
 * @param y isotonic calibrated values at {@code x}, non-decreasing, in [0, 1]; only for {@value
 *     #ISOTONIC}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Calibration(
    @JsonProperty("method") String method,
    @JsonProperty("a") Double a,
    @JsonProperty("b") Double b,
    @JsonProperty("x") double[] x,
    @JsonProperty("y") double[] y) {

  public static final String NONE = "none";
  public static final String PLATT = "platt";
  public static final String ISOTONIC = "isotonic";

  /**
   * Platt's scores are clipped to [ε, 1 − ε] before the logit; ε is the 1e-15 that {@code
   * ProbabilityScores.LOG_LOSS_EPSILON} also uses, giving logits within ±34.54.
   */
  public static final double LOGIT_EPSILON = 1e-15;

  private static final Calibration IDENTITY = new Calibration(NONE, null, null, null, null);

  /** The identity: scores are used as they are. */
  public static Calibration none() {
    return IDENTITY;
  }

  /**
   * Platt scaling with slope {@code a} and intercept {@code b} on the score's logit.
   *
   * @throws IllegalArgumentException if either is not a finite number
   */
  public static Calibration platt(double a, double b) {
    return new Calibration(PLATT, a, b, null, null).validate();
  }

  /**
   * The isotonic curve through the given points (copied).
   *
   * @throws IllegalArgumentException if the points break a rule of {@link #validate()}
   */
  public static Calibration isotonic(double[] x, double[] y) {
    return new Calibration(
            ISOTONIC, null, null, x == null ? null : x.clone(), y == null ? null : y.clone())
        .validate();
  }

  /**
   * Checks that the numbers describe a usable calibration of the stated method and returns it.
   *
   * @throws IllegalArgumentException with one sentence naming the offending field
   */
  public Calibration validate() {
    if (method == null) {
      throw new IllegalArgumentException(
          "the calibration method is missing; expected none, platt or isotonic");
    }
    switch (method) {
      case NONE -> {
        absent("a", a);
        absent("b", b);
        absent("x", x);
        absent("y", y);
      }
      case PLATT -> {
        finite("a", a);
        finite("b", b);
        absent("x", x);
        absent("y", y);
      }
      case ISOTONIC -> {
        absent("a", a);
        absent("b", b);
        validatePoints();
      }
      default ->
          throw new IllegalArgumentException(
              "the calibration method is \"" + method + "\"; expected none, platt or isotonic");
    }
    return this;
  }

  private void validatePoints() {
    if (x == null || y == null) {
      throw new IllegalArgumentException("isotonic calibration needs both x and y");
    }
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "isotonic calibration x and y must have the same, non-zero length, not "
              + x.length
              + " and "
              + y.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("calibration x[" + i + "] is " + x[i] + ", not finite");
      }
      // Written so that NaN fails too.
      if (!(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            "calibration y[" + i + "] is " + y[i] + ", outside [0, 1]");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException(
            "calibration x must be strictly ascending, but x["
                + i
                + "] = "
                + x[i]
                + " follows "
                + x[i - 1]);
      }
      if (i > 0 && y[i] < y[i - 1]) {
        throw new IllegalArgumentException(
            "calibration y must not decrease, but y[" + i + "] = " + y[i] + " follows " + y[i - 1]);
      }
    }
  }

  private void absent(String field, Object value) {
    if (value != null) {
      throw new IllegalArgumentException(
          "calibration " + field + " does not belong to method " + method);
    }
  }

  private void finite(String field, Double value) {
    if (value == null || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "platt calibration " + field + " is " + value + ", expected a finite number");
    }
  }

  /**
   * The calibrated probability of a score. No allocation; isotonic is a binary search. NaN stays
   * NaN.
   */
  public double apply(double score) {
    return switch (method) {
      case PLATT -> 1 / (1 + Math.exp(a * logit(score) + b));
      case ISOTONIC -> interpolate(score);
      default -> score;
    };
  }

  /** Whether this maps every score to itself (not a JSON property: {@code method} says it). */
  @JsonIgnore
  public boolean isNone() {
    return NONE.equals(method);
  }

  /**
   * Calibrates the first {@code count} scores in place (nothing to do without a calibration): every
   * consumer's one loop from network scores to the probabilities decisions use.
   */
  public void applyInPlace(double[] scores, int count) {
    if (isNone()) {
      return;
    }
    for (int i = 0; i < count; i++) {
      scores[i] = apply(scores[i]);
    }
  }

  /**
   * The logit Platt's sigmoid is fitted to: {@code log(p / (1 − p))} of the clipped score, computed
   * as {@code scipy.special.logit} computes it.
   */
  public static double logit(double score) {
    double p = Math.min(Math.max(score, LOGIT_EPSILON), 1 - LOGIT_EPSILON);
    return Math.log(p / (1 - p));
  }

  /**
   * {@code np.interp(score, x, y)}: the end values outside the points (sklearn's "clip"), exactly
   * {@code y[i]} at {@code x[i]}, and {@code y[lo] + slope·(score − x[lo])} between. The result is
   * kept within [{@code y[lo]}, {@code y[hi]}], which numpy does not do: it changes nothing but a
   * last-bit overshoot, and keeps points an ulp apart (possible in an edited file) from yielding an
   * infinite slope's infinity.
   */
  private double interpolate(double score) {
    if (Double.isNaN(score)) {
      return score;
    }
    int last = x.length - 1;
    if (score <= x[0]) {
      return y[0];
    }
    if (score >= x[last]) {
      return y[last];
    }
    int lo = 0;
    int hi = last;
    while (hi - lo > 1) { // x[lo] <= score < x[hi]
      int mid = (lo + hi) >>> 1;
      if (x[mid] <= score) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    if (score == x[lo]) {
      return y[lo];
    }
    double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
    return Math.min(Math.max(slope * (score - x[lo]) + y[lo], y[lo]), y[hi]);
  }

  /** Equal numbers, arrays compared by content (a record compares arrays by identity). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Calibration c
        && Objects.equals(method, c.method)
        && Objects.equals(a, c.a)
        && Objects.equals(b, c.b)
        && Arrays.equals(x, c.x)
        && Arrays.equals(y, c.y);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, a, b, Arrays.hashCode(x), Arrays.hashCode(y));
  }

  @Override
  public String toString() {
    return switch (method == null ? "" : method) {
      case PLATT -> "Calibration[platt a=" + a + " b=" + b + "]";
      case ISOTONIC -> "Calibration[isotonic, " + (x == null ? 0 : x.length) + " points]";
      default -> "Calibration[" + method + "]";
    };
  }
}
