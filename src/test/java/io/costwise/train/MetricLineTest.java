package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricLineTest {
  @Test
  void writesPlainDecimalsThatTheDocumentedRegexCaptures() {
    String line =
        new MetricLine().add("train:loss", 1.5e-7, 6).add("validation:loss", 0.25, 6).toString();
    assertEquals("train:loss=0.000000; validation:loss=0.250000;", line);
    Matcher matcher = Pattern.compile("validation:loss=([-0-9.]+);").matcher(line);
    assertTrue(matcher.find());
    assertEquals("0.250000", matcher.group(1));
  }

  @Test
  void negativeValuesKeepTheirSign() {
    assertEquals("v=-19658.34;", new MetricLine().add("v", -19658.3371, 2).toString());
  }
}
