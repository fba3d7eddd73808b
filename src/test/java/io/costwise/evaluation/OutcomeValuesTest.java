package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class OutcomeValuesTest {
  private static final OutcomeValues REFERENCE = OutcomeValues.reference();

  @Test
  void referenceTableIsQalyTimesOneHundredThousandDollars() {
    assertEquals(new OutcomeValues(0.0, -1287.67, -252000.0, -35280.0, "USD"), REFERENCE);
  }

  @Test
  void reproducesTheReferenceFiguresToTheCent() {
    // builtin, 5:1 and medical models on the 143-row test set (TN/FP/FN/TP).
    assertCents("-19658.34", -19658.342727272728, ConfusionMatrix.of(85, 3, 4, 51));
    assertCents("-18160.83", -18160.827622377623, ConfusionMatrix.of(83, 5, 3, 52));
    assertCents("-15282.86", -15282.85832167832, ConfusionMatrix.of(66, 22, 1, 54));
  }

  private static void assertCents(String expectedCents, double rawPerCase, ConfusionMatrix m) {
    assertEquals(new BigDecimal(expectedCents), REFERENCE.perCase(m, 2));
    // The raw figure is the exact total / 143 rounded once to a double.
    assertEquals(rawPerCase, REFERENCE.perCase(m), 0.0);
    assertEquals(
        REFERENCE.total(m).divide(BigDecimal.valueOf(143), MathContext.DECIMAL128).doubleValue(),
        REFERENCE.perCase(m),
        0.0);
  }

  @Test
  void totalIsAnExactDecimal() {
    // 3 · −1287.67 + 4 · −252000 + 51 · −35280 = −3863.01 − 1008000 − 1799280
    assertEquals(
        0,
        new BigDecimal("-2811143.01").compareTo(REFERENCE.total(ConfusionMatrix.of(85, 3, 4, 51))));
  }

  @Test
  void naiveDoubleArithmeticIsOffInTheLastBits() {
    // Why the totals are decimal: the textbook double formula misses the correctly rounded
    // per-case value for the builtin model's matrix by an ulp.
    double naive = (85 * 0.0 + 3 * -1287.67 + 4 * -252000.0 + 51 * -35280.0) / 143;
    assertNotEquals(REFERENCE.perCase(ConfusionMatrix.of(85, 3, 4, 51)), naive);
  }

  @Test
  void halfCentRoundsAwayFromZero() {
    OutcomeValues v = new OutcomeValues(0, -0.01, 0, 0, "USD");
    // One false positive in two cases: −0.005 per case -> −0.01 (half-up, away from zero).
    assertEquals(new BigDecimal("-0.01"), v.perCase(ConfusionMatrix.of(1, 1, 0, 0), 2));
  }

  @Test
  void costOptimalThresholdOfTheReferenceTable() {
    // (c_FP − c_TN) / ((c_FP − c_TN) + (c_FN − c_TP)) = 1287.67 / (1287.67 + 216720)
    double expected =
        new BigDecimal("1287.67")
            .divide(new BigDecimal("218007.67"), MathContext.DECIMAL128)
            .doubleValue();
    assertEquals(expected, REFERENCE.costOptimalThreshold(), 0.0);
    assertEquals(0.0059065353067623725, REFERENCE.costOptimalThreshold(), 0.0);
  }

  @Test
  void costOptimalThresholdOfSymmetricAndOneSidedTables() {
    assertEquals(0.5, new OutcomeValues(0, -1, -1, 0, "USD").costOptimalThreshold(), 0.0);
    assertEquals(0.25, new OutcomeValues(0, -1, -3, 0, "USD").costOptimalThreshold(), 0.0);
    // A false positive costing nothing extra: flag everything.
    assertEquals(0.0, new OutcomeValues(0, 0, -3, 0, "USD").costOptimalThreshold(), 0.0);
    // A miss costing nothing extra: flag only certainties.
    assertEquals(1.0, new OutcomeValues(0, -1, -5, -5, "USD").costOptimalThreshold(), 0.0);
  }

  @Test
  void falsePositiveWorthMoreThanTrueNegativeIsDegenerate() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new OutcomeValues(0, 10, -100, 0, "USD").costOptimalThreshold());
    assertTrue(e.getMessage().contains("false positive (10 USD)"), e.getMessage());
    assertTrue(e.getMessage().contains("true negative (0 USD)"), e.getMessage());
  }

  @Test
  void falseNegativeWorthMoreThanTruePositiveIsDegenerate() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new OutcomeValues(0, -100, -1, -2, "USD").costOptimalThreshold());
    assertTrue(e.getMessage().contains("false negative (-1 USD)"), e.getMessage());
    assertTrue(e.getMessage().contains("true positive (-2 USD)"), e.getMessage());
  }

  @Test
  void errorsCostingNothingExtraIsDegenerate() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new OutcomeValues(-1, -1, -7, -7, "USD").costOptimalThreshold());
    assertTrue(e.getMessage().contains("no threshold is better"), e.getMessage());
  }

  @Test
  void nonFiniteValueIsTheUsersToFix() {
    assertThrows(InvalidInputException.class, () -> new OutcomeValues(0, Double.NaN, -1, 0, "USD"));
  }

  @Test
  void emptyMatrixHasNoPerCaseValue() {
    assertThrows(
        IllegalArgumentException.class, () -> REFERENCE.perCase(ConfusionMatrix.of(0, 0, 0, 0)));
  }

  @Test
  void theFastPerCasePathIsTheCorrectlyRoundedDecimalQuotient() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int trial = 0; trial < 20_000; trial++) {
      OutcomeValues values =
          new OutcomeValues(
              random.nextInt(-100_000, 100) / 100.0,
              random.nextInt(-10_000_000, 0) / 100.0,
              random.nextInt(-100_000_000, 0) / 100.0,
              random.nextInt(-10_000_000, 0) / 100.0,
              "USD");
      long tn = random.nextInt(0, 1_000_000);
      long fp = random.nextInt(0, 1_000_000);
      long fn = random.nextInt(0, 1_000_000);
      long tp = random.nextInt(1, 1_000_000);
      OutcomeValues.Exact exact = values.exact();
      assertTrue(exact.scaled() != null, "two-decimal values take the fast path");
      double slow =
          exact
              .total(tn, fp, fn, tp)
              .divide(
                  java.math.BigDecimal.valueOf(tn + fp + fn + tp), java.math.MathContext.DECIMAL128)
              .doubleValue();
      assertEquals(
          slow,
          exact.perCase(tn, fp, fn, tp),
          0.0,
          values + " " + tn + "/" + fp + "/" + fn + "/" + tp);
    }
  }

  @Test
  void valuesWithTooManyDecimalsUseTheDecimalPath() {
    OutcomeValues values = new OutcomeValues(0, -1e-20, -2.52, -0.3528, "QALY");
    assertEquals(null, values.exact().scaled());
    assertEquals(-2.52, values.exact().perCase(0, 0, 1, 0));
    assertEquals(-1.26, values.exact().perCase(1, 0, 1, 0));
  }
}
