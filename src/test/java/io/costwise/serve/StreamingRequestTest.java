package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.sagemaker.ContentTypes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bodies streamed a chunk at a time: the answer is the one a single request of the same rows gets,
 * errors name the line of the whole body, a CSV header and per-row costs hold in every chunk.
 */
class StreamingRequestTest {
  private static final ServingSettings BATCH =
      new ServingSettings(
          0, 200L << 20, ContentTypes.CSV, true, "MULTI_RECORD", 2, OutputField.DEFAULT, 4);
  private static final InferenceService WDBC = new InferenceService(ServeFixtures.PREDICTOR, BATCH);
  private static final InferenceService SIGMOID =
      new InferenceService(RowCostsTest.SIGMOID_OF_X, BATCH);

  /** WDBC's 569 rows, one per line: about 300 KB. */
  private static final String BLOCK = block(false);

  /** The same rows as JSON Lines. */
  private static final String JSON_BLOCK = block(true);

  /** Copies of the block in a body: about 9 MB and 17,000 rows, so several chunks either way. */
  private static final int COPIES = 30;

  private static String block(boolean json) {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < ServeFixtures.WDBC.rows(); r++) {
      out.append(json ? ServeFixtures.jsonRow(r) : ServeFixtures.csvRow(r)).append('\n');
    }
    return out.toString();
  }

  private static String answer(InferenceService service, InvocationRequest request) {
    return new String(service.invoke(request).body(), StandardCharsets.US_ASCII);
  }

  private static String answer(String type, String accept, String body) {
    return answer(WDBC, InvocationRequest.of(type, accept, bytes(body), null));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A body of unknown length, arriving a few bytes per read as from a socket. */
  private static InvocationRequest trickled(String type, String accept, byte[] body) {
    InputStream in =
        new ByteArrayInputStream(body) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1000));
          }
        };
    return new InvocationRequest(type, accept, in, -1, null);
  }

  @Test
  void manyChunksAnswerAsOneRequestOfTheSameRows() {
    assertTrue(BLOCK.length() * COPIES > 2 * InferenceService.CHUNK_BYTES);
    for (String accept : new String[] {"text/csv", "application/jsonlines"}) {
      String one = answer("text/csv", accept, BLOCK);
      String expected = one.repeat(COPIES);
      assertEquals(expected, answer("text/csv", accept, BLOCK.repeat(COPIES)), accept);
      assertEquals(expected, answer("application/jsonlines", accept, JSON_BLOCK.repeat(COPIES)));
      assertEquals(
          expected,
          answer(WDBC, trickled("text/csv", accept, bytes(BLOCK.repeat(COPIES)))),
          "unknown length");
    }
    String json = answer("text/csv", "application/json", BLOCK);
    String inner = json.substring("{\"predictions\":[".length(), json.length() - 2);
    String joined = String.join(",", java.util.Collections.nCopies(COPIES, inner));
    assertEquals(
        "{\"predictions\":[" + joined + "]}",
        answer("text/csv", "application/json", BLOCK.repeat(COPIES)));
  }

  @Test
  void errorsNameTheLineOfTheWholeBody() {
    String[] lines = BLOCK.repeat(COPIES).split("\n");
    int bad = 15_000;
    String row = lines[bad - 1];
    int third = row.indexOf(',', row.indexOf(',') + 1);
    lines[bad - 1] = row.substring(0, third + 1) + "x" + row.substring(row.indexOf(',', third + 1));
    ServingException e =
        assertThrows(
            ServingException.class,
            () -> answer("text/csv", null, String.join("\n", lines) + "\n"));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("Line 15000, column 3: 'x' is not"), e.getMessage());
    String[] json = JSON_BLOCK.repeat(COPIES).split("\n");
    json[bad - 1] = "[1, 2, null]";
    ServingException j =
        assertThrows(
            ServingException.class,
            () -> answer("application/jsonlines", null, String.join("\n", json)));
    assertTrue(j.getMessage().startsWith("JSON line 15000, value 3: null"), j.getMessage());
  }

  @Test
  void aBadRowStopsTheReadingThere() {
    byte[] good = bytes(BLOCK);
    long[] read = {0};
    InputStream endless =
        new InputStream() {
          private final byte[] head = bytes(ServeFixtures.csvRow(0) + "\nabc\n");
          private long position;

          @Override
          public int read() {
            long p = position++;
            read[0]++;
            return p < head.length ? head[(int) p] : good[(int) ((p - head.length) % good.length)];
          }
        };
    ServingException e =
        assertThrows(
            ServingException.class,
            () -> WDBC.invoke(new InvocationRequest("text/csv", null, endless, 150L << 20, null)));
    assertTrue(e.getMessage().startsWith("Line 2, column 1: 'abc'"), e.getMessage());
    assertTrue(read[0] <= InferenceService.CHUNK_BYTES + 1, read[0] + " bytes read");
  }

  @Test
  void aCsvHeaderAndRowCostsHoldInEveryChunk() {
    // p = 0.5 for every row; c_FP 3, c_FN 1 give the threshold 3 / (3 + 1) = 0.75, so label 0
    // (without costs the model's 0.5 gives 1).
    int rows = 40_000;
    String csv = "x,y,cost_fp,cost_fn\n" + "0,0,3,1\n".repeat(rows);
    InvocationResponse byHeader =
        SIGMOID.invoke(InvocationRequest.of("text/csv", "text/csv", bytes(csv), null));
    assertEquals("0.5,0\n".repeat(rows), new String(byHeader.body(), StandardCharsets.US_ASCII));
    // JSON Lines: only the last row has costs; the echo still says rows were decided by them.
    String lines =
        "[0, 0]\n".repeat(rows) + "{\"features\": [0, 0], \"cost_fp\": 3, \"cost_fn\": 1}";
    InvocationResponse last =
        SIGMOID.invoke(
            InvocationRequest.of("application/jsonlines", "text/csv", bytes(lines), null));
    assertEquals(
        "0.5,1\n".repeat(rows) + "0.5,0\n", new String(last.body(), StandardCharsets.US_ASCII));
    assertEquals("threshold=0.5, rows_with_costs=bayes_risk", last.customAttributes());
  }

  @Test
  void aLineLongerThanAChunkIsStillOneRow() {
    String row = ServeFixtures.csvRow(0);
    String padded = " ".repeat(InferenceService.CHUNK_BYTES + 100) + row + "\n";
    assertEquals(answer("text/csv", null, row), answer("text/csv", null, padded));
    assertEquals(
        answer("text/csv", null, row),
        answer(WDBC, trickled("text/csv", null, bytes(padded + "\n\n"))));
  }

  @Test
  void sizesAreLongs() {
    // SAGEMAKER_MAX_PAYLOAD_IN_MB=2048 is 2^31 bytes, one more than an int holds.
    ServingSettings large =
        new ServingSettings(
            0, 2048L << 20, ContentTypes.CSV, true, "MULTI_RECORD", 2, OutputField.DEFAULT, 4);
    InferenceService service = new InferenceService(ServeFixtures.PREDICTOR, large);
    byte[] row = bytes(ServeFixtures.csvRow(0));
    // A declared length past an int (the stream ends early: only the arithmetic is at stake).
    InvocationRequest declaredLarge =
        new InvocationRequest(
            "text/csv", null, new ByteArrayInputStream(row), 2_100_000_000L, null);
    assertEquals(answer("text/csv", null, ServeFixtures.csvRow(0)), answer(service, declaredLarge));
    ServingException e =
        assertThrows(
            ServingException.class,
            () ->
                service.invoke(
                    new InvocationRequest(
                        "text/csv", null, new ByteArrayInputStream(row), 3L << 30, null)));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("3221225472 bytes"), e.getMessage());
  }
}
