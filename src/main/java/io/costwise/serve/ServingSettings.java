package io.costwise.serve;

import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.ContentTypes;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the server runs, from SageMaker's hosting variables (names owned by {@link
 * SageMakerEnvironment}); an invalid value fails start-up with a sentence naming the variable.
 *
 * @param port where to listen
 * @param maxPayloadBytes the largest body accepted (413 above)
 * @param defaultAccept the response type when a request does not choose one
 * @param batch whether this is a batch transform job
 * @param batchStrategy {@code MULTI_RECORD} or {@code SINGLE_RECORD}
 * @param maxConcurrentTransforms parallel requests a batch transform sends
 * @param outputFields what each prediction carries unless a request says otherwise
 * @param threads requests scored at once (bodies are read and /ping answered beside them)
 * @param host the address to listen on ({@code null}: every interface, as SageMaker needs)
 * @param headerTimeout how long a connection may take to send its request line and headers
 * @param bodyTimeout how long a body read may wait for its next bytes (then the connection closes)
 * @param maxConnections connections open at once (further ones wait in the listen backlog)
 */
public record ServingSettings(
    int port,
    long maxPayloadBytes,
    String defaultAccept,
    boolean batch,
    String batchStrategy,
    int maxConcurrentTransforms,
    List<OutputField> outputFields,
    int threads,
    String host,
    Duration headerTimeout,
    Duration bodyTimeout,
    int maxConnections) {

  static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_MAX_CONNECTIONS = 1000;

  public ServingSettings {
    outputFields = List.copyOf(outputFields);
  }

  /** The settings before the HTTP limits existed, with the default limits. */
  public ServingSettings(
      int port,
      long maxPayloadBytes,
      String defaultAccept,
      boolean batch,
      String batchStrategy,
      int maxConcurrentTransforms,
      List<OutputField> outputFields,
      int threads) {
    this(
        port,
        maxPayloadBytes,
        defaultAccept,
        batch,
        batchStrategy,
        maxConcurrentTransforms,
        outputFields,
        threads,
        null,
        DEFAULT_HEADER_TIMEOUT,
        DEFAULT_BODY_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS);
  }

  /** A copy that listens on {@code host} (null: every interface). */
  public ServingSettings withHost(String host) {
    return new ServingSettings(
        port,
        maxPayloadBytes,
        defaultAccept,
        batch,
        batchStrategy,
        maxConcurrentTransforms,
        outputFields,
        threads,
        host,
        headerTimeout,
        bodyTimeout,
        maxConnections);
  }

  /** A copy with another body read timeout. */
  public ServingSettings withBodyTimeout(Duration timeout) {
    return new ServingSettings(
        port,
        maxPayloadBytes,
        defaultAccept,
        batch,
        batchStrategy,
        maxConcurrentTransforms,
        outputFields,
        threads,
        host,
        headerTimeout,
        timeout,
        maxConnections);
  }

  /** Reads the settings; {@code portOverride} (the command line's) wins over the environment. */
  public static ServingSettings from(SageMakerEnvironment environment, Integer portOverride) {
    int port =
        portOverride != null
            ? portOverride
            : wholeNumber(
                environment,
                SageMakerEnvironment.BIND_TO_PORT_VARIABLE,
                SageMakerEnvironment.DEFAULT_PORT,
                0,
                65535);
    String batchText =
        environment
            .variable(SageMakerEnvironment.BATCH_VARIABLE)
            .orElse("false")
            .toLowerCase(Locale.ROOT);
    if (!batchText.equals("true") && !batchText.equals("false")) {
      throw invalid(SageMakerEnvironment.BATCH_VARIABLE, batchText, "true or false");
    }
    boolean batch = batchText.equals("true");
    // Real-time endpoints take at most 6 MB; a batch transform's mini-batches up to 100 MB.
    int megabytes =
        wholeNumber(
            environment, SageMakerEnvironment.MAX_PAYLOAD_VARIABLE, batch ? 100 : 6, 1, 2048);
    String accept =
        environment.variable(SageMakerEnvironment.DEFAULT_ACCEPT_VARIABLE).orElse(ContentTypes.CSV);
    String defaultAccept = ContentTypes.canonical(accept);
    if (defaultAccept == null) {
      throw invalid(
          SageMakerEnvironment.DEFAULT_ACCEPT_VARIABLE,
          accept,
          Negotiation.SUPPORTED.replace(", ", " or "));
    }
    String strategy =
        environment
            .variable(SageMakerEnvironment.BATCH_STRATEGY_VARIABLE)
            .orElse("MULTI_RECORD")
            .toUpperCase(Locale.ROOT);
    if (!strategy.equals("MULTI_RECORD") && !strategy.equals("SINGLE_RECORD")) {
      throw invalid(
          SageMakerEnvironment.BATCH_STRATEGY_VARIABLE, strategy, "MULTI_RECORD or SINGLE_RECORD");
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    int concurrent =
        wholeNumber(
            environment, SageMakerEnvironment.MAX_CONCURRENT_TRANSFORMS_VARIABLE, cpus, 1, 1024);
    List<OutputField> fields = OutputField.defaults(environment);
    int threads =
        wholeNumber(
            environment,
            SageMakerEnvironment.SERVER_THREADS_VARIABLE,
            Math.max(4, 2 * cpus),
            1,
            1024);
    int headerSeconds =
        wholeNumber(
            environment,
            HEADER_TIMEOUT_VARIABLE,
            (int) DEFAULT_HEADER_TIMEOUT.toSeconds(),
            1,
            3600);
    int bodySeconds =
        wholeNumber(
            environment, BODY_TIMEOUT_VARIABLE, (int) DEFAULT_BODY_TIMEOUT.toSeconds(), 1, 3600);
    int connections =
        wholeNumber(environment, MAX_CONNECTIONS_VARIABLE, DEFAULT_MAX_CONNECTIONS, 8, 100_000);
    return new ServingSettings(
        port,
        megabytes * 1024L * 1024L,
        defaultAccept,
        batch,
        strategy,
        concurrent,
        fields,
        threads,
        null,
        Duration.ofSeconds(headerSeconds),
        Duration.ofSeconds(bodySeconds),
        connections);
  }

  /** Seconds a connection may take to send its request line and headers. */
  public static final String HEADER_TIMEOUT_VARIABLE = "COSTWISE_HEADER_TIMEOUT_SECONDS";

  /** Seconds a body read may wait for more bytes. */
  public static final String BODY_TIMEOUT_VARIABLE = "COSTWISE_BODY_TIMEOUT_SECONDS";

  /** Connections open at once. */
  public static final String MAX_CONNECTIONS_VARIABLE = "COSTWISE_MAX_CONNECTIONS";

  String payloadLimitMessage(long length) {
    return "The request body has "
        + length
        + " bytes, more than the limit of "
        + maxPayloadBytes
        + " ("
        + SageMakerEnvironment.MAX_PAYLOAD_VARIABLE
        + "); split it into smaller requests.";
  }

  /** The 413 of a body that goes past the limit while it is read (its length is not known). */
  String payloadExceededMessage() {
    return "The request body is longer than the limit of "
        + maxPayloadBytes
        + " bytes ("
        + SageMakerEnvironment.MAX_PAYLOAD_VARIABLE
        + "); split it into smaller requests.";
  }

  private static int wholeNumber(
      SageMakerEnvironment environment, String name, int fallback, int min, int max) {
    String text = environment.variable(name).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw invalid(name, text, "a whole number from " + min + " to " + max);
  }

  private static InvalidInputException invalid(String name, String value, String allowed) {
    return new InvalidInputException(
        "The environment variable " + name + " is '" + value + "'; it must be " + allowed + ".");
  }
}
