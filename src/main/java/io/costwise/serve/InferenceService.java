package io.costwise.serve;

import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Decode → predict → encode, with no HTTP in sight: the whole behaviour of {@code /invocations},
 * testable without a server. Thread-safe: it holds only immutable state and the semaphore that
 * bounds the requests scored at once.
 *
 * <p>CSV and JSON Lines bodies are streamed: read a chunk of whole lines at a time ({@value
 * #CHUNK_BYTES} bytes, or fewer rows when they are wide), each chunk decoded, scored and encoded
 * into the response before the next is read, so a request holds one chunk and its response, not its
 * body (four concurrent 95 MB batch bodies once held 1.1–1.8 GB). A JSON document and a .npy array
 * are one value each and are read whole, bounded by the payload limit.
 */
public final class InferenceService implements Invoker {
  /** The input decoded at once from a streamed body. */
  static final int CHUNK_BYTES = 4 << 20;

  /** At most this many values (rows × features) a chunk: the decoded rows stay a few MB. */
  private static final int CHUNK_VALUES = 1 << 18;

  /** At most this many rows a chunk, so that narrow rows do not make a large chunk response. */
  private static final int CHUNK_ROWS = 1 << 14;

  private final Predictor predictor;
  private final ServingSettings settings;
  private final CsvRequestDecoder csv;
  private final JsonRequestDecoder json;
  private final NpyRequestDecoder npy;
  private final int chunkRows;

  /**
   * Requests decoded and scored at once. Held only while a chunk is computed, never while the body
   * is read: connections are many and may be slow, the cores are few.
   */
  private final Semaphore scoring;

  public InferenceService(Predictor predictor, ServingSettings settings) {
    this.predictor = predictor;
    this.settings = settings;
    this.csv = new CsvRequestDecoder(predictor.featureNames(), predictor.costs());
    this.json = new JsonRequestDecoder(predictor.features(), predictor.costs());
    this.npy = new NpyRequestDecoder(predictor.features());
    this.chunkRows = Math.max(1, Math.min(CHUNK_ROWS, CHUNK_VALUES / predictor.features()));
    this.scoring = new Semaphore(settings.threads());
  }

  public ServingSettings settings() {
    return settings;
  }

  /**
   * Answers one invocation, reading its body to the end (or to the first bad row).
   *
   * @throws ServingException with the status (400, 406, 413, 415) for requests it refuses
   * @throws UncheckedIOException when the body cannot be read (the client went away or stalled)
   */
  @Override
  public InvocationResponse invoke(InvocationRequest request) {
    String requestType = Negotiation.requestType(request.contentType());
    String responseType = Negotiation.responseType(request.accept(), settings.defaultAccept());
    if (request.declaredLength() > settings.maxPayloadBytes()) {
      throw ServingException.payloadTooLarge(
          settings.payloadLimitMessage(request.declaredLength()));
    }
    CustomAttributes attributes = CustomAttributes.parse(request.customAttributes());
    Answer answer =
        new Answer(
            attributes,
            new ResponseEncoder(responseType, attributes.fields().orElse(settings.outputFields())));
    InputStream body = request.body();
    long declared = request.declaredLength();
    try {
      switch (requestType) {
        case ContentTypes.CSV -> stream(csv.reading(), body, declared, answer);
        case ContentTypes.JSON -> whole(json::decodeJson, body, declared, answer);
        case ContentTypes.NPY -> whole(npy::decode, body, declared, answer);
        default -> stream(json.jsonLines(), body, declared, answer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new InvocationResponse(responseType, answer.encoder.finish(), answer.describe);
  }

  /** Reads, decodes, scores and encodes a body of lines a chunk at a time. */
  private void stream(LineDecoding decoding, InputStream body, long declared, Answer answer)
      throws IOException {
    BodyChunks chunks = new BodyChunks(body, declared, CHUNK_BYTES);
    RowBuffer rows = null;
    while (chunks.next()) {
      byte[] bytes = chunks.bytes();
      int pos = chunks.start();
      int end = chunks.linesEnd();
      if (rows == null) {
        // Sized by the first chunk's lines: a single-row request allocates one row.
        rows =
            new RowBuffer(
                predictor.features(), Math.min(chunkRows, lines(bytes, pos, end) + 1), chunkRows);
      }
      scoring.acquireUninterruptibly();
      try {
        while (pos < end) {
          rows.clear();
          pos = decoding.decode(bytes, pos, end, rows);
          if (rows.count() > 0) {
            answer.add(rows.rows());
          }
        }
      } finally {
        scoring.release();
      }
      chunks.consumed(pos);
    }
    decoding.finish();
  }

  private static int lines(byte[] bytes, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  /** A decoder of a whole body: its bytes, their length. */
  @FunctionalInterface
  private interface WholeDecoder {
    Rows decode(byte[] body, int length);
  }

  private void whole(WholeDecoder decoder, InputStream body, long declared, Answer answer)
      throws IOException {
    BodyChunks.Whole read = BodyChunks.readAll(body, declared);
    scoring.acquireUninterruptibly();
    try {
      answer.add(decoder.decode(read.bytes(), read.length()));
    } finally {
      scoring.release();
    }
  }

  /** The response being built: predictions of each chunk, and the custom-attributes echo. */
  private final class Answer {
    private final CustomAttributes attributes;
    private final ResponseEncoder encoder;
    private String describe;

    Answer(CustomAttributes attributes, ResponseEncoder encoder) {
      this.attributes = attributes;
      this.encoder = encoder;
    }

    void add(Rows rows) {
      Decisions decisions = Decisions.of(attributes.threshold(), predictor, rows);
      // The echo says rows_with_costs if any chunk had such rows; the threshold is the same in all.
      if (describe == null || decisions.byRowCosts()) {
        describe = decisions.describe();
      }
      encoder.add(predictor.probabilities(rows.values(), rows.count()), decisions);
    }
  }

  /** The self-check on the all-zero row alone; see {@link #selfCheck(List)}. */
  public void selfCheck() {
    selfCheck(List.of());
  }

  /**
   * The start-up self-check behind /ping: scores the all-zero row and each of {@code rows} (named
   * rows such as the training mean) through the whole path, CSV in and out, and checks that every
   * probability is a number in [0, 1].
   *
   * @param rows more rows to check, each with a name for the message
   * @throws InvalidInputException naming the row, when the model scores it NaN or outside [0, 1]
   *     (model.json is damaged in a way the load-time checks did not see)
   */
  public void selfCheck(List<Map.Entry<String, double[]>> rows) {
    List<Map.Entry<String, double[]>> all = new ArrayList<>();
    all.add(Map.entry("the all-zero row", new double[predictor.features()]));
    all.addAll(rows);
    for (Map.Entry<String, double[]> named : all) {
      double[] row = named.getValue();
      StringBuilder csvRow = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        csvRow.append(i == 0 ? "" : ",").append(row[i]);
      }
      byte[] body = csvRow.toString().getBytes(StandardCharsets.US_ASCII);
      try {
        invoke(InvocationRequest.of(ContentTypes.CSV, ContentTypes.CSV, body, null));
      } catch (ServingException e) {
        throw new InvalidInputException(
            "The start-up self-check could not score "
                + named.getKey()
                + " ("
                + e.getMessage()
                + "); the model does not accept its own rows, so retrain it or restore the"
                + " model.json train wrote.",
            e);
      }
      double probability = predictor.probabilities(row, 1)[0];
      if (!(probability >= 0 && probability <= 1)) {
        throw new InvalidInputException(
            "The start-up self-check refused the model: it scores "
                + named.getKey()
                + " "
                + probability
                + ", not a probability from 0 to 1; retrain the model or restore the model.json"
                + " train wrote.");
      }
    }
  }
}
