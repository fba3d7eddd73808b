package io.costwise.report;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.Outcome;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.Reliability;
import io.costwise.evaluation.SortedScores;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * What the interactive panel needs to recompute every figure at any threshold, as compact JSON: per
 * split, the distinct scores ascending with how many negatives and positives share each, and with
 * per-row costs each group's exact cost sums (and, when the scores were calibrated, the reliability
 * bins before calibration, which are only drawn). The counts at threshold t are then prefix sums up
 * to the first score ≥ t, so nothing is binned that is counted, and the page's figures equal the
 * Java evaluation's.
 *
 * <p>Why this encoding: the scores must stay exact doubles (a threshold typed as 0.5 must split
 * ties as {@code score >= 0.5} does in Java), and the shortest decimal of a double takes 17–19
 * characters where its 8 bytes take 10.7 in base64 (5.3 when every score is a float, as a
 * float-precision network's are). Money leaves Java as decimal strings and integers at a stated
 * decimal scale, so the page can total it in {@code BigInt} without binary fractions.
 */
final class ReportData {
  private static final long SAFE_INTEGER = (1L << 53) - 1;

  private ReportData() {}

  /**
   * The JSON for the given splits, sharing one outcome table.
   *
   * @param choice what the splits are, as the panel's menu is labelled: "Split" or "Model"
   */
  static String json(List<ScoredSplit> splits, String choice) {
    OutcomeValues values = Splits.commonValues(splits);
    StringBuilder out = new StringBuilder(1024);
    out.append("{\"choice\":").append(string(choice));
    out.append(",\"unit\":").append(string(values.unit())).append(",\"values\":[");
    out.append(decimal(values.trueNegative())).append(',');
    out.append(decimal(values.falsePositive())).append(',');
    out.append(decimal(values.falseNegative())).append(',');
    out.append(decimal(values.truePositive())).append("],\"splits\":[");
    for (int i = 0; i < splits.size(); i++) {
      out.append(i == 0 ? "" : ",");
      split(out, splits.get(i));
    }
    return out.append("]}").toString();
  }

  private static void split(StringBuilder out, ScoredSplit split) {
    Evaluation e = split.evaluation();
    Groups groups = Groups.of(split.scores(), split.labels());
    out.append("{\"name\":").append(string(split.name()));
    out.append(",\"threshold\":").append(e.threshold());
    out.append(",\"perCase\":").append(e.perCaseDecisions());
    out.append(",\"width\":").append(string(BigDecimal.valueOf(e.closeCalls().width())));
    out.append(",\"float32\":").append(groups.float32());
    out.append(",\"scores\":\"").append(groups.encodedScores()).append('"');
    out.append(",\"neg\":");
    ints(out, groups.negatives);
    out.append(",\"pos\":");
    ints(out, groups.positives);
    split.reliabilityBeforeCalibration().ifPresent(before -> before(out, before));
    CaseCosts costs = split.costs();
    if (costs != null && costs.perRow()) {
      costSums(out, split, groups, costs);
    }
    out.append('}');
  }

  /**
   * The reliability bins of the scores before calibration, as the PNG draws them: per non-empty
   * bin, [mean score, share positive, cases, bin index]. Only drawn, never counted, so doubles
   * suffice.
   */
  private static void before(StringBuilder out, Reliability before) {
    out.append(",\"before\":[");
    boolean first = true;
    for (int k = 0; k < before.bins().size(); k++) {
      Reliability.Bin bin = before.bins().get(k);
      if (bin.count() == 0) {
        continue;
      }
      out.append(first ? "" : ",").append('[').append(bin.meanScore()).append(',');
      out.append(bin.fractionPositive()).append(',').append(bin.count()).append(',').append(k);
      out.append(']');
      first = false;
    }
    out.append(']');
  }

  /**
   * Per outcome that has a cost column: the exact sum of its costs over each group's cases of the
   * outcome's class, as integers at one decimal scale (the most decimals any cost has).
   */
  private static void costSums(StringBuilder out, ScoredSplit split, Groups groups, CaseCosts c) {
    int[] labels = split.labels();
    double[] scores = split.scores();
    int scale = 0;
    for (Outcome outcome : Outcome.values()) {
      if (c.model().columns().column(outcome).isPresent()) {
        for (int row = 0; row < labels.length; row++) {
          scale =
              Math.max(
                  scale, BigDecimal.valueOf(c.cost(row, outcome)).stripTrailingZeros().scale());
        }
      }
    }
    out.append(",\"costScale\":").append(scale).append(",\"costs\":{");
    boolean first = true;
    for (Outcome outcome : Outcome.values()) {
      if (c.model().columns().column(outcome).isEmpty()) {
        continue;
      }
      BigInteger[] sums = new BigInteger[groups.size()];
      Arrays.fill(sums, BigInteger.ZERO);
      for (int row = 0; row < labels.length; row++) {
        if (labels[row] == outcome.label()) {
          int g = groups.indexOf(scores[row]);
          BigDecimal cost = BigDecimal.valueOf(c.cost(row, outcome)).setScale(scale);
          sums[g] = sums[g].add(cost.unscaledValue());
        }
      }
      out.append(first ? "" : ",").append('"').append(outcome.key()).append("\":[");
      for (int g = 0; g < sums.length; g++) {
        BigInteger sum = sums[g];
        out.append(g == 0 ? "" : ",");
        // Past 2^53 a JSON number would lose digits in the browser: such sums travel as strings.
        out.append(
            sum.abs().compareTo(BigInteger.valueOf(SAFE_INTEGER)) <= 0 ? sum : "\"" + sum + "\"");
      }
      out.append(']');
      first = false;
    }
    out.append('}');
  }

  /** The decimal Java prints for a value: what {@link OutcomeValues} computes with. */
  private static String decimal(double value) {
    return string(BigDecimal.valueOf(value));
  }

  private static String string(BigDecimal value) {
    return "\"" + value.stripTrailingZeros().toPlainString() + "\"";
  }

  private static String string(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char ch : text.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        quoted.append('\\').append(ch);
      } else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
        // Escaped so that no name can close the <script> element the JSON sits in.
        quoted.append(String.format("\\u%04x", (int) ch));
      } else {
        quoted.append(ch);
      }
    }
    return quoted.append('"').toString();
  }

  private static void ints(StringBuilder out, int[] values) {
    out.append('[');
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ",").append(values[i]);
    }
    out.append(']');
  }

  /** Distinct scores ascending with the negatives and positives at each. */
  record Groups(double[] values, int[] negatives, int[] positives) {

    /** The evaluation's own grouping ({@link SortedScores}), so the page counts as Java does. */
    static Groups of(double[] scores, int[] labels) {
      SortedScores sorted = SortedScores.grouped(scores, labels);
      return new Groups(
          sorted.distinctScores(), sorted.negativesPerScore(), sorted.positivesPerScore());
    }

    int size() {
      return values.length;
    }

    int indexOf(double score) {
      return Arrays.binarySearch(values, score + 0.0);
    }

    /** Whether every score is a float widened to double: then 4 bytes each carry it exactly. */
    boolean float32() {
      for (double value : values) {
        if ((double) (float) value != value) {
          return false;
        }
      }
      return true;
    }

    /** The scores as little-endian IEEE floats or doubles, base64. */
    String encodedScores() {
      boolean narrow = float32();
      ByteBuffer bytes =
          ByteBuffer.allocate(values.length * (narrow ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
      for (double value : values) {
        if (narrow) {
          bytes.putFloat((float) value);
        } else {
          bytes.putDouble(value);
        }
      }
      return Base64.getEncoder().encodeToString(bytes.array());
    }
  }
}
