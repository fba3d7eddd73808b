package io.costwise.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.Calibration;
import org.junit.jupiter.api.Test;

class CalibrationMethodTest {
  private final CalibrationFixture data = CalibrationFixture.read("small");

  @Test
  void namesRoundTrip() {
    for (CalibrationMethod method : CalibrationMethod.values()) {
      assertEquals(method, CalibrationMethod.of(method.value()));
    }
    assertEquals("none", CalibrationMethod.NONE.value());
    assertEquals("platt", CalibrationMethod.PLATT.value());
    assertEquals("isotonic", CalibrationMethod.ISOTONIC.value());
  }

  @Test
  void unknownNameSaysWhatIsExpected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CalibrationMethod.of("sigmoid"));
    assertTrue(e.getMessage().contains("none, platt or isotonic"), e.getMessage());
  }

  @Test
  void fitDispatches() {
    assertEquals(Calibration.none(), CalibrationMethod.NONE.fit(data.scores(), data.labels()));
    assertEquals(
        PlattFit.fit(data.scores(), data.labels()),
        CalibrationMethod.PLATT.fit(data.scores(), data.labels()));
    assertEquals(
        IsotonicFit.fit(data.scores(), data.labels()),
        CalibrationMethod.ISOTONIC.fit(data.scores(), data.labels()));
  }

  @Test
  void everyMethodChecksItsArrays() {
    for (CalibrationMethod method : CalibrationMethod.values()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> method.fit(new double[] {0.5}, new int[] {1, 0}),
          method.value());
    }
  }

  @Test
  void fittedMethodIsTheStoredName() {
    for (CalibrationMethod method : CalibrationMethod.values()) {
      assertEquals(method.value(), method.fit(data.scores(), data.labels()).method());
    }
  }
}
