package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWarningsTest {
  @Test
  void fewerThanFiftyOfAClassIsWarnedAboutWithTheChanceOfAnUnseenCase() {
    ScoredSplit small = Fixtures.logistic("validation", 80, 12, 0, 0.5, 3);
    String warning = ReportWarnings.fewCases("validation", small.evaluation()).orElseThrow();
    assertTrue(
        warning.startsWith("the validation split has only 12 positive cases, fewer than 50"));
    assertTrue(warning.contains("1 in 13"), warning);

    ScoredSplit exactly = Fixtures.logistic("test", 50, 50, 0, 0.5, 3);
    assertTrue(ReportWarnings.fewCases("test", exactly.evaluation()).isEmpty(), "50 is enough");
    ScoredSplit fewNegatives = Fixtures.logistic("test", 49, 200, 0, 0.5, 3);
    assertTrue(
        ReportWarnings.fewCases("test", fewNegatives.evaluation())
            .orElseThrow()
            .contains("49 negative cases"));
  }

  @Test
  void allListsTheCallersWarningsFirst() {
    ScoredSplit small = Fixtures.logistic("validation", 80, 12, 0, 0.5, 3);
    List<String> all =
        ReportWarnings.all(
            new ReportContext("t", Map.of(), List.of("costs twice")), List.of(small));
    assertEquals("costs twice", all.get(0));
    assertTrue(all.get(all.size() - 1).contains("only 12 positive cases"));
  }
}
