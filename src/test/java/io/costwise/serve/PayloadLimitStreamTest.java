package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.sagemaker.ContentTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PayloadLimitStreamTest {
  private static final ServingSettings ONE_MB =
      new ServingSettings(
          0, 1L << 20, ContentTypes.CSV, false, "MULTI_RECORD", 2, OutputField.DEFAULT, 4);

  private static InputStream limited(int bytes) {
    return new PayloadLimitStream(new ByteArrayInputStream(new byte[bytes]), ONE_MB);
  }

  @Test
  void aBodyOfTheLimitIsRead() throws IOException {
    assertEquals(1 << 20, limited(1 << 20).readAllBytes().length);
  }

  @Test
  void theByteAfterTheLimitIsA413() {
    ServingException e =
        assertThrows(ServingException.class, () -> limited((1 << 20) + 1).readAllBytes());
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("SAGEMAKER_MAX_PAYLOAD_IN_MB"), e.getMessage());
    InputStream oneByOne = limited((1 << 20) + 1);
    assertThrows(
        ServingException.class,
        () -> {
          while (oneByOne.read() >= 0) {
            // Until the limit.
          }
        });
  }

  @Test
  void aStreamedBodyWithoutALengthStopsAtTheLimit() {
    // What the HTTP layer passes for a chunked body: the service reads until the 413.
    byte[] rows = (ServeFixtures.csvRow(0) + "\n").repeat(5000).getBytes();
    InferenceService service = new InferenceService(ServeFixtures.PREDICTOR, ONE_MB);
    ServingException e =
        assertThrows(
            ServingException.class,
            () ->
                service.invoke(
                    new InvocationRequest(
                        "text/csv",
                        null,
                        new PayloadLimitStream(new ByteArrayInputStream(rows), ONE_MB),
                        -1,
                        null)));
    assertEquals(413, e.status());
  }
}
