package io.costwise.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentTypesTest {
  @Test
  void comparesMediaTypesWithoutParametersOrCase() {
    assertEquals("text/csv", ContentTypes.mediaType(" TEXT/CSV ; charset=UTF-8"));
    assertTrue(ContentTypes.isCsv("text/csv;label_size=1"));
    assertFalse(ContentTypes.isCsv("application/json"));
  }
}
