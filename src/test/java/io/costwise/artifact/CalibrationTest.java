package io.costwise.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Calibration RAMP =
      Calibration.isotonic(new double[] {0.2, 0.4, 0.8}, new double[] {0.1, 0.3, 0.9});

  @Test
  void noneIsJustItsMethod() throws JsonProcessingException {
    assertEquals("{\"method\":\"none\"}", JSON.writeValueAsString(Calibration.none()));
    assertEquals(
        Calibration.none(), JSON.readValue("{\"method\":\"none\"}", Calibration.class).validate());
  }

  @Test
  void plattRoundTrips() throws JsonProcessingException {
    Calibration platt = Calibration.platt(-1.25, 0.5);

    String text = JSON.writeValueAsString(platt);

    assertEquals("{\"method\":\"platt\",\"a\":-1.25,\"b\":0.5}", text);
    assertEquals(platt, JSON.readValue(text, Calibration.class).validate());
  }

  @Test
  void isotonicRoundTripsEveryBit() throws JsonProcessingException {
    Calibration isotonic =
        Calibration.isotonic(
            new double[] {0.0, 1e-15, 0.1 + 0.2, 0.9999999999999999},
            new double[] {1.0 / 3, 0.6, 0.6, 1});

    String text = JSON.writeValueAsString(isotonic);

    assertEquals(
        "{\"method\":\"isotonic\",\"x\":[0.0,1.0E-15,0.30000000000000004,0.9999999999999999],"
            + "\"y\":[0.3333333333333333,0.6,0.6,1.0]}",
        text);
    assertEquals(isotonic, JSON.readValue(text, Calibration.class).validate());
  }

  @Test
  void equalityComparesTheNumbers() {
    Calibration copy =
        Calibration.isotonic(new double[] {0.2, 0.4, 0.8}, new double[] {0.1, 0.3, 0.9});
    assertEquals(RAMP, copy);
    assertEquals(RAMP.hashCode(), copy.hashCode());
    assertNotEquals(RAMP, Calibration.isotonic(new double[] {0.2}, new double[] {0.1}));
    assertNotEquals(Calibration.platt(1, 2), Calibration.platt(1, 3));
  }

  @Test
  void factoriesCopyTheirArrays() {
    double[] x = {0.1, 0.2};
    Calibration isotonic = Calibration.isotonic(x, new double[] {0.0, 1.0});
    x[1] = 0.05;
    assertEquals(0.2, isotonic.x()[1]);
  }

  @Test
  void noneLeavesScoresAlone() {
    for (double score : new double[] {0, 1e-300, 0.3, 1}) {
      assertEquals(score, Calibration.none().apply(score));
    }
    assertSame(Calibration.none(), Calibration.none());
  }

  @Test
  void plattAppliesTheSigmoidOfTheLogit() {
    // a = −1, b = 0 is the identity on the logit scale: 1 / (1 + exp(−logit p)) = p.
    Calibration identity = Calibration.platt(-1, 0);
    for (double score : new double[] {1e-9, 0.02, 0.5, 0.7, 0.999}) {
      assertEquals(score, identity.apply(score), 1e-15 + 1e-12 * score);
    }
    // a = −2, b = 1 at 0.25: logit = ln(1/3), so 1 / (1 + exp(−2·ln(1/3) + 1)) = 1 / (1 + 9e).
    assertEquals(1 / (1 + 9 * Math.E), Calibration.platt(-2, 1).apply(0.25), 1e-15);
  }

  @Test
  void plattClipsScoresOfZeroAndOne() {
    Calibration identity = Calibration.platt(-1, 0);
    assertEquals(1e-15, identity.apply(0.0), 1e-27);
    // 1 + e^−34.5 is only resolved to 2.2e-16, so the result is 1 − 1e-15 within about that.
    assertEquals(1 - 1e-15, identity.apply(1.0), 3e-16);
    assertEquals(-34.538776394910684, Calibration.logit(0.0), 1e-12);
    assertEquals(-Calibration.logit(0.0), Calibration.logit(1.0), 1e-3);
    assertTrue(Double.isNaN(identity.apply(Double.NaN)));
  }

  @Test
  void isotonicInterpolatesAndClips() {
    assertEquals(0.1, RAMP.apply(-3), "below the first point");
    assertEquals(0.1, RAMP.apply(0.0));
    assertEquals(0.1, RAMP.apply(0.2), "at the first point");
    assertEquals(0.2, RAMP.apply(0.3), 1e-15, "halfway between 0.1 and 0.3");
    assertEquals(0.3, RAMP.apply(0.4), "exactly at a point: exactly its value");
    assertEquals(0.75, RAMP.apply(0.7), 1e-15, "three quarters from 0.3 to 0.9");
    assertEquals(0.9, RAMP.apply(0.8), "at the last point");
    assertEquals(0.9, RAMP.apply(1.0), "beyond the last point");
    assertEquals(0.9, RAMP.apply(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(RAMP.apply(Double.NaN)));
  }

  @Test
  void onePointIsAConstant() {
    Calibration constant = Calibration.isotonic(new double[] {0.4}, new double[] {0.25});
    assertEquals(0.25, constant.apply(0));
    assertEquals(0.25, constant.apply(0.4));
    assertEquals(0.25, constant.apply(1));
  }

  @Test
  void interpolationIsMonotoneAcrossManyPoints() {
    int n = 1000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i + 0.5) / n;
      y[i] = Math.pow((double) i / (n - 1), 3);
    }
    Calibration curve = Calibration.isotonic(x, y);
    double previous = -1;
    for (int k = 0; k <= 100_000; k++) {
      double value = curve.apply(k / 100_000.0);
      assertTrue(value >= previous && value >= 0 && value <= 1, "at " + k);
      previous = value;
    }
    assertEquals(y[517], curve.apply(x[517]));
  }

  @Test
  void validationNamesTheField() {
    assertMessage("method is missing", new Calibration(null, null, null, null, null));
    assertMessage("\"sigmoid\"", new Calibration("sigmoid", null, null, null, null));
    assertMessage(
        "calibration a does not belong to method none",
        new Calibration("none", 1.0, null, null, null));
    assertMessage("platt calibration b is null", new Calibration("platt", 1.0, null, null, null));
    assertMessage(
        "platt calibration a is NaN", new Calibration("platt", Double.NaN, 0.0, null, null));
    assertMessage(
        "platt calibration b is Infinity",
        new Calibration("platt", 1.0, Double.POSITIVE_INFINITY, null, null));
    assertMessage(
        "calibration x does not belong to method platt",
        new Calibration("platt", 1.0, 0.0, new double[] {0}, null));
    assertMessage(
        "needs both x and y", new Calibration("isotonic", null, null, new double[] {0}, null));
    assertMessage(
        "calibration a does not belong to method isotonic",
        new Calibration("isotonic", 1.0, null, new double[] {0}, new double[] {0}));
    assertMessage(
        "same, non-zero length, not 0 and 0",
        new Calibration("isotonic", null, null, new double[0], new double[0]));
    assertMessage(
        "same, non-zero length, not 2 and 1",
        new Calibration("isotonic", null, null, new double[] {0, 1}, new double[] {0}));
    assertMessage(
        "x[1] is NaN, not finite", isotonic(new double[] {0, Double.NaN}, new double[] {0, 1}));
    assertMessage(
        "y[1] is 1.5, outside [0, 1]", isotonic(new double[] {0, 1}, new double[] {0, 1.5}));
    assertMessage("y[0] is NaN", isotonic(new double[] {0, 1}, new double[] {Double.NaN, 1}));
    assertMessage(
        "x must be strictly ascending, but x[1] = 0.5 follows 0.5",
        isotonic(new double[] {0.5, 0.5}, new double[] {0, 1}));
    assertMessage(
        "y must not decrease, but y[1] = 0.2 follows 0.3",
        isotonic(new double[] {0.1, 0.5}, new double[] {0.3, 0.2}));
  }

  @Test
  void factoriesValidate() {
    assertThrows(IllegalArgumentException.class, () -> Calibration.platt(Double.NaN, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> Calibration.isotonic(new double[] {0.2, 0.1}, new double[] {0, 1}));
  }

  /** The loader reads what the user's file holds, then validates; reading alone does not throw. */
  @Test
  void aBadFileReadsAndThenFailsValidation() throws JsonProcessingException {
    Calibration read =
        JSON.readValue("{\"method\":\"isotonic\",\"x\":[0.5,0.1],\"y\":[0,1]}", Calibration.class);
    assertArrayEquals(new double[] {0.5, 0.1}, read.x());
    assertThrows(IllegalArgumentException.class, read::validate);
  }

  private static Calibration isotonic(double[] x, double[] y) {
    return new Calibration("isotonic", null, null, x, y);
  }

  private static void assertMessage(String expected, Calibration calibration) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, calibration::validate);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
