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
    assertTrue(ContentTypes.isCsv("csv"));
    assertTrue(ContentTypes.isCsv("CSV; label_size=1"));
    assertFalse(ContentTypes.isCsv("text/csvx"));
  }

  @Test
  void npyIsARequestTypeButNotAResponseType() {
    assertEquals(ContentTypes.NPY, ContentTypes.canonicalRequest("application/x-npy"));
    assertEquals(ContentTypes.NPY, ContentTypes.canonicalRequest("Application/X-NPY; v=1"));
    assertEquals(ContentTypes.JSON_LINES, ContentTypes.canonicalRequest("application/jsonl"));
    assertEquals(null, ContentTypes.canonical("application/x-npy"));
    assertEquals(null, ContentTypes.canonicalRequest("image/png"));
  }
}
