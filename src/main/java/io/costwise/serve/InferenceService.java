package io.costwise.serve;

import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.ContentTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        invoke(new InvocationRequest(ContentTypes.CSV, ContentTypes.CSV, body, body.length, null));
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
