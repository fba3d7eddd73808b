package io.costwise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EiselLemireTest {
  @Test
  void convertsNineteenDigitSignificands() {
    // 1.798999999999999844e+01, as Python's %.18e writes 17.99
    assertEquals(17.99, EiselLemire.toDouble(1_798_999_999_999_999_844L, -17, false));
    assertEquals(-17.99, EiselLemire.toDouble(1_798_999_999_999_999_844L, -17, true));
  }

  @Test
  void handlesSignificandsAboveLongMaxAsUnsigned() {
    // 9,999,999,999,999,999,999 does not fit a signed long; as unsigned it is exact.
    long significand = Long.parseUnsignedLong("9999999999999999999");
    assertEquals(1e19, EiselLemire.toDouble(significand, 0, false));
    assertEquals(9.999999999999999999e-5, EiselLemire.toDouble(significand, -23, false));
  }

  @Test
  void coversTheTableEnds() {
    assertEquals(1e-300, EiselLemire.toDouble(1, -300, false));
    assertEquals(1.7976931348623157e308, EiselLemire.toDouble(17_976_931_348_623_157L, 292, false));
    assertEquals(1e43, EiselLemire.toDouble(1, 43, false));
  }

  @Test
  void declinesWhatItCannotDecide() {
    // Exactly halfway between two doubles: a tie parseDouble must break.
    assertTrue(Double.isNaN(EiselLemire.toDouble(9_007_199_254_740_993L, 0, false)));
    // Subnormal and overflowing results, and exponents outside the table.
    assertTrue(Double.isNaN(EiselLemire.toDouble(5, -324, false)));
    assertTrue(Double.isNaN(EiselLemire.toDouble(1, 309, false)));
    assertTrue(Double.isNaN(EiselLemire.toDouble(1, -349, false)));
  }
}
