package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bodies and headers a careless or hostile client sends: each is refused with a 4xx and one
 * sentence of ours (no parser internals, no echo longer than a glance), never a 500.
 */
class HostileRequestTest {
  private static final InferenceService SERVICE = ServeFixtures.service();
  private static final List<String> INTERNALS =
      List.of("JsonReadFeature", "Source:", "REDACTED", "StreamReadConstraints", "com.fasterxml");

  private static ServingException refused(String type, String accept, byte[] body) {
    return assertThrows(
        ServingException.class,
        () -> SERVICE.invoke(InvocationRequest.of(type, accept, body, null)));
  }

  private static ServingException refused(String type, String body) {
    return refused(type, null, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Asserts a 400 whose message is ours and short, and returns the message. */
  private static String badRequest(String type, String body) {
    ServingException e = refused(type, body);
    assertEquals(400, e.status(), e.getMessage());
    assertOurs(e.getMessage());
    return e.getMessage();
  }

  private static void assertOurs(String message) {
    for (String internal : INTERNALS) {
      assertFalse(message.contains(internal), message);
    }
    assertTrue(message.length() < 600, "message of " + message.length() + " characters");
  }

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }

  @Test
  void deepNestingUnderAnyKeyIsA400() {
    String deep = repeat("[", 100_000) + repeat("]", 100_000);
    String message = badRequest("application/json", "{\"other\": " + deep + ", \"features\": [1]}");
    assertTrue(message.contains("nest"), message);
    badRequest("application/json", "{\"instances\": " + deep + "}");
    badRequest("application/json", deep);
    badRequest("application/json", repeat("{\"a\":", 100_000) + "1" + repeat("}", 100_000));
    badRequest("application/jsonlines", repeat("[", 100_000) + repeat("]", 100_000) + "\n");
    badRequest(
        "application/jsonlines",
        "{\"x\": " + repeat("{\"a\":", 100_000) + "1" + repeat("}", 100_000) + "}\n");
  }

  @Test
  void aNumberOfThousandsOfDigitsIsA400() {
    String digits = repeat("7", 2_000);
    String message = badRequest("application/json", "{\"features\": [" + digits + "]}");
    assertTrue(message.contains("digits") || message.contains("characters"), message);
    badRequest("application/json", "{\"instances\": [[" + digits + ".5]]}");
    badRequest("application/json", "{\"cost_fn\": " + digits + ", \"features\": [1]}");
    badRequest("application/json", "{\"ignored\": " + digits + ", \"features\": [1]}");
    badRequest("application/jsonlines", "[1e" + digits + "]\n");
  }

  @Test
  void nonNumericNumbersAndBrokenJsonGetOurSentences() {
    String nan = badRequest("application/json", "{\"features\": [NaN]}");
    assertTrue(nan.contains("NaN"), nan);
    badRequest("application/json", "{\"features\": [Infinity]}");
    badRequest("application/json", "{\"features\": [-Infinity]}");
    badRequest("application/json", "{\"features\": [1,,2]}");
    badRequest("application/json", "{\"features\": [1, 2");
    badRequest("application/json", "{features: [1]}");
    badRequest("application/json", "{\"features\": [01]}");
    badRequest("application/json", "\u00ff\u00fe\u0000garbage");
    badRequest("application/jsonlines", "[1, 2\n[3]\n");
    badRequest("application/jsonlines", "{'features': [1]}\n");
    byte[] utf32 = {0, 0, 0, '[', 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0};
    ServingException e = refused("application/json", null, utf32);
    assertEquals(400, e.status(), e.getMessage());
    assertOurs(e.getMessage());
  }

  @Test
  void aQuotedNumberIsReportedAsAString() {
    String message = badRequest("application/json", "{\"instances\": [[\"1.0\", 2]]}");
    assertTrue(message.contains("string"), message);
    assertTrue(message.contains("\"1.0\""), message);
    String cost =
        badRequest(
            "application/json",
            "{\"features\": " + ServeFixtures.jsonRow(0) + ", \"cost_fn\": \"5\"}");
    assertTrue(cost.contains("string"), cost);
  }

  @Test
  void longValuesAreNotEchoedWhole() {
    String huge = repeat("x", 100_000);
    badRequest("application/json", "{\"features\": [\"" + huge + "\"]}");
    badRequest("application/json", "{\"features\": [true, \"" + huge + "\"]}");
    badRequest("text/csv", huge + "\n1,2\n");
    badRequest("text/csv", "1," + huge);
    ServingException accept =
        refused("text/csv", "image/png, " + repeat("a", 48 * 1024), "1".getBytes());
    assertEquals(406, accept.status());
    assertOurs(accept.getMessage());
    ServingException fields =
        assertThrows(
            ServingException.class,
            () ->
                SERVICE.invoke(
                    InvocationRequest.of(
                        "text/csv",
                        null,
                        ServeFixtures.csvRow(0).getBytes(StandardCharsets.US_ASCII),
                        "fields=" + repeat("z", 48 * 1024))));
    assertEquals(400, fields.status());
    assertOurs(fields.getMessage());
    byte[] row = ServeFixtures.csvRow(0).getBytes(StandardCharsets.US_ASCII);
    ServingException threshold =
        assertThrows(
            ServingException.class,
            () ->
                SERVICE.invoke(
                    InvocationRequest.of(
                        "text/csv", null, row, "threshold=" + repeat("9", 48 * 1024))));
    assertEquals(400, threshold.status());
    assertOurs(threshold.getMessage());
    ServingException type = refused("image/" + repeat("b", 48 * 1024), "1");
    assertEquals(415, type.status());
    assertOurs(type.getMessage());
  }

  @Test
  void csvLineOneNamesTheColumnAndTheValue() {
    String message = badRequest("text/csv", "abc");
    assertTrue(message.contains("column 1"), message);
    assertTrue(message.contains("abc"), message);
    String row = ServeFixtures.csvRow(0);
    String second = badRequest("text/csv", row.substring(0, row.indexOf(',')) + ",abc,1");
    assertTrue(second.contains("column 2") && second.contains("abc"), second);
  }

  @Test
  void csvOfOnlyNewlinesIsNotSizedByItsLineCount() {
    byte[] body = new byte[100_000_000];
    java.util.Arrays.fill(body, (byte) '\n');
    InferenceService large =
        new InferenceService(
            ServeFixtures.PREDICTOR,
            new ServingSettings(
                0,
                200L << 20,
                io.costwise.sagemaker.ContentTypes.CSV,
                true,
                "MULTI_RECORD",
                2,
                OutputField.DEFAULT,
                4));
    ServingException e =
        assertThrows(
            ServingException.class,
            () -> large.invoke(InvocationRequest.of("text/csv", null, body, null)));
    assertEquals(400, e.status(), e.getMessage());
  }

  @Test
  void nullInABareArrayIsRefusedByItsPosition() {
    String row = ServeFixtures.jsonRow(0);
    String first = "[null" + row.substring(row.indexOf(','));
    String message = badRequest("application/json", first);
    assertTrue(message.contains("value 1: null where a number belongs"), message);
    String inner =
        row.substring(0, row.indexOf(',') + 1)
            + "null"
            + row.substring(row.indexOf(',', row.indexOf(',') + 1));
    assertTrue(badRequest("application/json", inner).contains("value 2: null"), inner);
  }
}
