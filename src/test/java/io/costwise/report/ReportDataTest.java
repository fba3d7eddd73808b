package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDataTest {
  private static JsonNode parse(List<ScoredSplit> splits) throws Exception {
    return new ObjectMapper().readTree(ReportData.json(splits, "Split"));
  }

  @Test
  void groupsDistinctScoresWithTheirCountsAndKeepsThemExact() throws Exception {
    double[] scores = {0.3, 0.1, 0.3, 0.7, 0.1 + 0.2, -0.0, 0.0};
    int[] labels = {0, 1, 1, 0, 1, 0, 1};
    JsonNode split = parse(List.of(Fixtures.split("s", scores, labels, 0.5))).get("splits").get(0);

    assertFalse(split.get("float32").asBoolean(), "0.1 + 0.2 is no float");
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(split.get("scores").asText()))
            .order(ByteOrder.LITTLE_ENDIAN);
    double[] decoded = new double[bytes.remaining() / 8];
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = bytes.getDouble();
    }
    // -0.0 and 0.0 are one group; 0.30000000000000004 is not 0.3.
    assertArrayEquals(new double[] {0.0, 0.1, 0.3, 0.1 + 0.2, 0.7}, decoded);
    assertEquals("[1,0,1,0,1]", split.get("neg").toString());
    assertEquals("[1,1,1,1,0]", split.get("pos").toString());
    assertEquals("0.05", split.get("width").asText());
  }

  @Test
  void floatScoresTakeFourBytesEach() throws Exception {
    double[] scores = {0.25f, 0.1f, 0.9f};
    JsonNode split =
        parse(List.of(Fixtures.split("s", scores, new int[] {0, 1, 1}, 0.5))).get("splits").get(0);
    assertTrue(split.get("float32").asBoolean());
    assertEquals(12, Base64.getDecoder().decode(split.get("scores").asText()).length);
  }

  @Test
  void reliabilityBeforeCalibrationTravelsWhenThereIsOne() throws Exception {
    ScoredSplit plain =
        Fixtures.split("s", new double[] {0.05, 0.15, 0.95}, new int[] {0, 1, 1}, 0.5);
    assertTrue(parse(List.of(plain)).get("splits").get(0).get("before") == null);
    ScoredSplit calibrated =
        new ScoredSplit(
            "s",
            plain.scores(),
            plain.labels(),
            plain.evaluation(),
            new double[] {0.01, 0.02, 0.5});
    // The non-empty bins of Reliability.of(raw, labels): [mean score, share positive, cases, bin].
    assertEquals(
        "[[0.015,0.5,2,0],[0.5,1.0,1,5]]",
        parse(List.of(calibrated)).get("splits").get(0).get("before").toString());
  }

  @Test
  void valuesTravelAsTheDecimalsJavaComputesWith() throws Exception {
    JsonNode root = parse(List.of(Fixtures.reference("test")));
    assertEquals("[\"0\",\"-1287.67\",\"-252000\",\"-35280\"]", root.get("values").toString());
    assertEquals("USD", root.get("unit").asText());
  }

  @Test
  void perRowCostsAreExactSumsPerGroupAtOneScale() throws Exception {
    InteractiveVector vector = InteractiveVector.load();
    InteractiveVector.Case perRow = vector.cases().get(2);
    JsonNode split = parse(List.of(vector.split(perRow, 0.5))).get("splits").get(0);
    assertEquals(2, split.get("costScale").asInt());
    // The three cases at 0.3: negatives with FP costs 12.34 and 7.07, one positive (FN 77.77).
    int group = 7;
    assertEquals(1941, split.get("costs").get("fp").get(group).asLong());
    assertEquals(7777, split.get("costs").get("fn").get(group).asLong());
    assertFalse(split.get("costs").has("tn"), "TN comes from the table");
  }

  @Test
  void namesCannotCloseTheScriptElement() throws Exception {
    String json = ReportData.json(List.of(Fixtures.reference("</script><b>")), "Split");
    assertFalse(json.contains("<"), json.substring(0, 200));
    assertEquals(
        "</script><b>",
        new ObjectMapper().readTree(json).get("splits").get(0).get("name").asText());
  }
}
