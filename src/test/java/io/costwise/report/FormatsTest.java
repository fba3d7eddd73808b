package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void thresholdsKeepFourSignificantDigits() {
    assertEquals("0.5", Formats.threshold(0.5));
    assertEquals("0.005907", Formats.threshold(0.005906625));
    assertEquals("0.3333", Formats.threshold(1 / 3.0));
    assertEquals("0", Formats.threshold(0));
    assertEquals("1", Formats.threshold(1));
    assertEquals("+inf", Formats.threshold(Double.POSITIVE_INFINITY));
  }

  @Test
  void moneyIsRoundedToTheCentWithTheUnit() {
    assertEquals("-$19,658.34", Formats.money(-19658.342727272728, "USD"));
    assertEquals("-$2,811,143.01", Formats.money(new BigDecimal("-2811143.01"), "USD"));
    assertEquals("$0.01", Formats.money(new BigDecimal("0.005"), "USD")); // half away from zero
    assertEquals("-1,287.67 EUR", Formats.money(-1287.67, "EUR"));
    assertEquals("3.00", Formats.money(3, ""));
    assertEquals("-$15,605", Formats.roundMoney(-15604.97, "USD"));
  }

  @Test
  void metricsRoundHalfToEvenAndSayWhenUndefined() {
    assertEquals("0.12", Formats.decimal(0.125, 2)); // as Python prints it
    assertEquals("0.9950", Formats.decimal(0.995, 4));
    assertEquals(Formats.NOT_DEFINED, Formats.decimal(Double.NaN, 4));
    assertEquals("12,345", Formats.count(12345));
    assertEquals("1.3", Formats.meanCount(1.25)); // exact in binary, so half up is seen
  }

  @Test
  void ratiosAndOutcomeValuesReadAsTheTablesDo() {
    assertEquals("5", Formats.ratio(5.0));
    assertEquals("168.3", Formats.ratio(216720 / 1287.67));
    assertEquals("0.1", Formats.ratio(0.1));
    assertEquals(
        "TN $0.00, FP -$1,287.67, FN -$252,000.00, TP -$35,280.00",
        Formats.outcomeValues(0.0, -1287.67, -252000.0, -35280.0, "USD"));
    assertEquals(
        "TN 0.00 EUR, FP -1.00 EUR, FN -13.20 EUR, TP -1.00 EUR",
        Formats.outcomeValues(0, -1, -13.2, -1, "EUR"));
  }
}
