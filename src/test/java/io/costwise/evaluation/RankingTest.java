package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static Ranking.Entry e(String name, double value, double sd) {
    return new Ranking.Entry(name, value, sd);
  }

  @Test
  void aClearWinnerBeatsTheSecondByMoreThanTheLargerSd() {
    Ranking r = Ranking.of(List.of(e("a", -100, 10), e("b", -80, 5), e("c", -95, 12)));
    assertEquals(List.of("b", "c", "a"), r.entries().stream().map(Ranking.Entry::name).toList());
    // b − c = 15 > max(5, 12)
    assertTrue(r.clearWinner());
    assertEquals(15.0, r.margin(), 0.0);
  }

  @Test
  void withinOneSdOfTheNextIsATieAndTheBandTakesInEveryoneInIt() {
    // b − c = 15 <= max(5, 20) = 20; a is 20 below b: still within the band.
    Ranking r = Ranking.of(List.of(e("a", -100, 10), e("b", -80, 5), e("c", -95, 20)));
    assertFalse(r.clearWinner());
    assertEquals(3, r.tied());
    Ranking two = Ranking.of(List.of(e("a", -101, 10), e("b", -80, 5), e("c", -95, 20)));
    assertEquals(2, two.tied());
  }

  @Test
  void withoutSdsNothingIsCalledATie() {
    Ranking r = Ranking.of(List.of(e("a", -100, Double.NaN), e("b", -99.99, Double.NaN)));
    assertTrue(r.clearWinner());
    assertEquals("b", r.first().name());
    assertEquals(1, Ranking.of(List.of(e("a", 1, Double.NaN))).tied());
    assertThrows(IllegalArgumentException.class, () -> Ranking.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Ranking.of(List.of(e("x", Double.NaN, 1))));
  }
}
