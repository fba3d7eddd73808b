package io.costwise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
  private static double parse(String text) {
    // Surround the field with other characters: the parser must stay inside its range.
    String buffer = "9" + text + "9";
    return NumberParser.parse(buffer.toCharArray(), 1, 1 + text.length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "17.99; 17.99",
        "1001; 1001",
        "1.0E-5; 1.0E-5",
        "1.799000000000000000e+01; 17.99",
        "1.798999999999999844e+01; 17.99",
        "-3; -3",
        ".5; 0.5",
        "5.; 5",
        "+2.5e3; 2500",
        "'  7.25\t'; 7.25",
        "0.000000000000000000000000123; 1.23e-25",
        "123456789012345678901234567890; 1.2345678901234568e29",
        "4.9e-324; 4.9e-324",
        "1.7976931348623157e308; 1.7976931348623157e308",
        "9007199254740993; 9007199254740992",
      })
  void parsesWhatJavaAndPythonWrite(String text, double expected) {
    assertEquals(expected, parse(text));
  }

  @Test
  void keepsTheSignOfZero() {
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(parse("-0.0")));
    assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(parse("0e5")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "NaN", "Infinity", "-inf", "1e999", "1.0d", "2f", "0x1p3", "1e", "e5"})
  void refusesWhatIsNotAFiniteDecimal(String text) {
    assertTrue(Double.isNaN(parse(text)), text);
  }

  @ParameterizedTest
  @CsvSource({
    "'',EMPTY",
    "' ',EMPTY",
    "NaN,NOT_FINITE",
    "-Infinity,NOT_FINITE",
    "+inf,NOT_FINITE",
    "1e999,NOT_FINITE",
    "abc,NOT_A_NUMBER",
    "1.0d,NOT_A_NUMBER",
    "0x10,NOT_A_NUMBER"
  })
  void describesWhyAFieldWasRefused(String text, NumberParser.Failure expected) {
    assertEquals(expected, NumberParser.describe(text));
  }

  @Test
  void agreesWithParseDoubleBitForBitOnRandomNumbers() {
    Random random = new Random(20_240_601);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> random.nextInt(100_000) / 1000.0;
            default -> random.nextDouble();
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      for (String text :
          new String[] {
            Double.toString(value), String.format("%.18e", value), "%.6g".formatted(value)
          }) {
        assertEquals(
            Double.doubleToLongBits(Double.parseDouble(text)),
            Double.doubleToLongBits(parse(text)),
            text);
      }
    }
  }

  @Test
  void agreesWithParseDoubleOnRandomDigitStrings() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int digits = 1 + random.nextInt(22);
      for (int d = 0; d < digits; d++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      text.insert(random.nextInt(digits + 1), '.');
      text.append('e').append(random.nextInt(700) - 350);
      double expected = Double.parseDouble(text.toString());
      double actual = parse(text.toString());
      if (Double.isInfinite(expected)) {
        assertTrue(Double.isNaN(actual), text::toString);
      } else {
        assertEquals(
            Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), text::toString);
      }
    }
  }

  @Test
  void trimBlanksDropsOnlySpacesAndTabs() {
    assertEquals("a b", NumberParser.trimBlanks(" \ta b\t "));
    assertEquals("\u00a0x", NumberParser.trimBlanks("\u00a0x "));
  }
}
