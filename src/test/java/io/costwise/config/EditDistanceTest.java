package io.costwise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
  @Test
  void countsInsertionsDeletionsAndSubstitutions() {
    assertEquals(0, EditDistance.between("epochs", "epochs"));
    assertEquals(2, EditDistance.between("fn_cots", "fn_cost"));
    assertEquals(1, EditDistance.between("epoch", "epochs"));
    assertEquals(3, EditDistance.between("kitten", "sitting"));
    assertEquals(4, EditDistance.between("", "seed"));
  }
}
