package io.costwise.data;

import java.math.BigInteger;

/**
 * Converts a decimal {@code significand × 10^exponent} to the nearest double with the Eisel–Lemire
 * algorithm, or reports that it cannot decide so the caller falls back to {@link
 * Double#parseDouble}.
 *
 * <p>Why: Python's {@code %.18e}, the format of SageMaker's own CSV examples, writes 19 significant
 * digits, beyond Clinger's exact fast path (2<sup>53</sup>), and {@code Double.parseDouble} on Java
 * 17 takes about 110 ns for such a number: over three seconds for a 1,000,000 × 30 file. This takes
 * a few nanoseconds and gives the same bits; it is proven correct in D. Lemire, "Number Parsing at
 * a Gigabyte per Second" (2021). The code follows Go's {@code strconv.eiselLemire64}, whose table
 * holds each power of ten's top 128 bits, rounded down; Java's signed {@code long} stands in for
 * Go's {@code uint64}.
 */
final class EiselLemire {
  private static final int MIN_EXPONENT = -348;
  private static final int MAX_EXPONENT = 347;

  /** For 10^e: the high and low 64 bits of its 128-bit mantissa, index {@code e - MIN}. */
  private static final long[] HIGH = new long[MAX_EXPONENT - MIN_EXPONENT + 1];

  private static final long[] LOW = new long[HIGH.length];

  static {
    for (int e = MIN_EXPONENT; e <= MAX_EXPONENT; e++) {
      BigInteger mantissa;
      if (e >= 0) {
        mantissa = BigInteger.TEN.pow(e);
      } else {
        // floor(2^k / 10^-e) with k large enough for well over 128 bits; truncating that again
        // below keeps the result equal to the exact value's top 128 bits rounded down.
        BigInteger power = BigInteger.TEN.pow(-e);
        mantissa = BigInteger.ONE.shiftLeft(power.bitLength() + 192).divide(power);
      }
      int shift = mantissa.bitLength() - 128;
      mantissa = shift >= 0 ? mantissa.shiftRight(shift) : mantissa.shiftLeft(-shift);
      HIGH[e - MIN_EXPONENT] = mantissa.shiftRight(64).longValue();
      LOW[e - MIN_EXPONENT] = mantissa.longValue();
    }
  }

  private EiselLemire() {}

  /**
   * The double nearest {@code significand × 10^exponent}, or {@code NaN} when the algorithm cannot
   * decide, the result would be subnormal or infinite, or the exponent is out of the table's range.
   *
   * @param significand an unsigned 64-bit decimal significand, not 0
   */
  static double toDouble(long significand, int exponent, boolean negative) {
    if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
      return Double.NaN;
    }
    int index = exponent - MIN_EXPONENT;
    int leadingZeros = Long.numberOfLeadingZeros(significand);
    long man = significand << leadingZeros;
    long exponent2 = (((217706L * exponent) >> 16) + 64 + 1023) - leadingZeros;

    long xHi = unsignedMultiplyHigh(man, HIGH[index]);
    long xLo = man * HIGH[index];
    if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
      long yHi = unsignedMultiplyHigh(man, LOW[index]);
      long yLo = man * LOW[index];
      long mergedHi = xHi;
      long mergedLo = xLo + yHi;
      if (Long.compareUnsigned(mergedLo, xLo) < 0) {
        mergedHi++;
      }
      if ((mergedHi & 0x1FF) == 0x1FF
          && mergedLo + 1 == 0
          && Long.compareUnsigned(yLo + man, man) < 0) {
        return Double.NaN;
      }
      xHi = mergedHi;
      xLo = mergedLo;
    }

    long msb = xHi >>> 63;
    long mantissa = xHi >>> (msb + 9);
    exponent2 -= 1 ^ msb;
    if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
      return Double.NaN; // exactly halfway between two doubles: let parseDouble break the tie
    }
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if ((mantissa >>> 53) > 0) {
      mantissa >>>= 1;
      exponent2++;
    }
    if (exponent2 <= 0 || exponent2 >= 0x7FF) {
      return Double.NaN;
    }
    long bits = (exponent2 << 52) | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
    return Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
  }

  /** The high 64 bits of the unsigned 128-bit product (Java 18 has this built in). */
  private static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }
}
