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

  @Test
  void closeEnoughIsRelativeToLength() {
    org.junit.jupiter.api.Assertions.assertFalse(EditDistance.isCloseEnough("eta", "seed"));
    org.junit.jupiter.api.Assertions.assertTrue(EditDistance.isCloseEnough("fn_cots", "fn_cost"));
    org.junit.jupiter.api.Assertions.assertTrue(EditDistance.isCloseEnough("epoch", "epochs"));
    org.junit.jupiter.api.Assertions.assertTrue(
        EditDistance.isCloseEnough("loss_function", "loss_function_type"));
    org.junit.jupiter.api.Assertions.assertFalse(EditDistance.isCloseEnough("lr", "seed"));
  }
}
