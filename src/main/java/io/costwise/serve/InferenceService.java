package io.costwise.serve;

import io.costwise.sagemaker.ContentTypes;
import java.util.List;

/**
 * Decode → predict → encode, with no HTTP in sight: the whole behaviour of {@code /invocations},
 * testable without a server. Thread-safe: it holds only immutable state.
 */
public final class InferenceService implements Invoker {
  private final Predictor predictor;
  private final ServingSettings settings;
  private final CsvRequestDecoder csv;
  private final JsonRequestDecoder json;
  private final NpyRequestDecoder npy;

  public InferenceService(Predictor predictor, ServingSettings settings) {
    this.predictor = predictor;
    this.settings = settings;
    this.csv = new CsvRequestDecoder(predictor.featureNames(), predictor.costs());
    this.json = new JsonRequestDecoder(predictor.features(), predictor.costs());
    this.npy = new NpyRequestDecoder(predictor.features());
  }

  public ServingSettings settings() {
    return settings;
  }

  /**
   * Answers one invocation.
   *
   * @throws ServingException with the status (400, 406, 413, 415) for requests it refuses
   */
  @Override
  public InvocationResponse invoke(InvocationRequest request) {
    String requestType = Negotiation.requestType(request.contentType());
    String responseType = Negotiation.responseType(request.accept(), settings.defaultAccept());
    if (request.length() > settings.maxPayloadBytes()) {
      throw ServingException.payloadTooLarge(settings.payloadLimitMessage(request.length()));
    }
    CustomAttributes attributes = CustomAttributes.parse(request.customAttributes());
    Rows rows =
        switch (requestType) {
          case ContentTypes.CSV -> csv.decode(request.body(), request.length());
          case ContentTypes.JSON -> json.decodeJson(request.body(), request.length());
          case ContentTypes.NPY -> npy.decode(request.body(), request.length());
          default -> json.decodeJsonLines(request.body(), request.length());
        };
    Decisions decisions = Decisions.of(attributes.threshold(), predictor, rows);
    List<OutputField> fields = attributes.fields().orElse(settings.outputFields());
    double[] probabilities = predictor.probabilities(rows.values(), rows.count());
    return new InvocationResponse(
        responseType,
        ResponseEncoder.encode(responseType, probabilities, decisions, fields),
        decisions.describe());
  }

  /** Scores one all-zero row through the whole path: the start-up self-check behind /ping. */
  public void selfCheck() {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < predictor.features(); i++) {
      row.append(i == 0 ? "0" : ",0");
    }
    byte[] body = row.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    InvocationResponse response =
        invoke(new InvocationRequest(ContentTypes.CSV, ContentTypes.CSV, body, body.length, null));
    String text = new String(response.body(), java.nio.charset.StandardCharsets.US_ASCII).strip();
    double probability = Double.parseDouble(text.split(",")[0]);
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalStateException("self-check scored " + text + ", not a probability");
    }
  }
}
