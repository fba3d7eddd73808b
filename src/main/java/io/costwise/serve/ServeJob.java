package io.costwise.serve;

import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.SavedModel;
import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SageMaker's serving mode: listen at once (503 on /ping), load the model, run a self-check
 * prediction, then answer 200. A model that cannot be loaded ends the process with one clear log
 * line and exit code 1 — never a server that pings 200 and fails every request.
 *
 * <p>SIGTERM: /ping and new requests get 503, requests in flight finish, and the process exits 0
 * within {@link #GRACE}, well inside the 30 s SageMaker allows before SIGKILL.
 */
public final class ServeJob {
  static final Duration GRACE = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(ServeJob.class);

  private final SageMakerEnvironment environment;
  private final Optional<Path> model;
  private final Integer port;
  private final String host;

  /**
   * @param environment the contract's variables and root
   * @param model a model folder or archive given on the command line, else {@code <root>/model}
   * @param port overrides the port from the environment (null: use it)
   */
  public ServeJob(SageMakerEnvironment environment, Optional<Path> model, Integer port) {
    this(environment, model, port, null);
  }

  /**
   * @param environment the contract's variables and root
   * @param model a model folder or archive given on the command line, else {@code <root>/model}
   * @param port overrides the port from the environment (null: use it)
   * @param host the address to listen on (null: every interface, as SageMaker needs)
   */
  public ServeJob(
      SageMakerEnvironment environment, Optional<Path> model, Integer port, String host) {
    this.environment = environment;
    this.model = model;
    this.port = port;
    this.host = host;
  }

  /** Serves until SIGTERM (then the JVM exits 0); returns 1 if the server cannot start. */
  public int run() {
    long start = System.nanoTime();
    InferenceServer server;
    try {
      ServingSettings settings = ServingSettings.from(environment, port).withHost(host);
      server = InferenceServer.start(settings);
      LOG.info(
          "Listening on {}:{}; {} requests scored at once, up to {} connections; timeouts:"
              + " headers {} s, body reads {} s",
          host == null ? "every interface" : host,
          server.port(),
          settings.threads(),
          settings.maxConnections(),
          settings.headerTimeout().toSeconds(),
          settings.bodyTimeout().toSeconds());
    } catch (InvalidInputException e) {
      LOG.error("Cannot start serving: {}", e.getMessage());
      return 1;
    } catch (IOException e) {
      LOG.error("Cannot listen: {}", e.toString());
      return 1;
    }
    Thread hook = new Thread(() -> stopOnSigterm(server), "costwise-sigterm");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      InferenceService service = load(server);
      service.selfCheck();
      server.ready(service);
      LOG.info(
          "Ready: /ping answers 200 ({} ms after start)", (System.nanoTime() - start) / 1_000_000);
    } catch (InvalidInputException e) {
      return failed(server, hook, e.getMessage(), null);
    } catch (IOException | RuntimeException e) {
      return failed(server, hook, "the model could not be loaded (" + e + ")", e);
    }
    awaitForever();
    return 0;
  }

  private InferenceService load(InferenceServer server) throws IOException {
    Path location = ModelLocator.locate(model.orElse(environment.modelDir()));
    Path folder =
        Files.isDirectory(location)
            ? location
            : SavedModel.unpack(location, Files.createTempDirectory("costwise-model"));
    ModelDescription description = SavedModel.describe(folder);
    Predictor predictor = Predictor.of(description);
    LOG.info(
        "Loaded the model from {}: {} features, threshold {} ({}); rows may carry costs as {}",
        location,
        description.featureCount(),
        description.decisionThreshold(),
        description.thresholdRule(),
        predictor.costs().describeNames());
    return new InferenceService(predictor, ServingSettings.from(environment, server.port()));
  }

  private static int failed(InferenceServer server, Thread hook, String reason, Throwable e) {
    Runtime.getRuntime().removeShutdownHook(hook);
    if (e != null) {
      LOG.debug("Load failure", e);
    }
    LOG.error("Cannot serve: {}", reason);
    server.close();
    return 1;
  }

  private static void stopOnSigterm(InferenceServer server) {
    LOG.info("SIGTERM: finishing requests in flight, then stopping");
    boolean drained = server.stop(GRACE);
    LOG.info(drained ? "Stopped cleanly" : "Stopped with requests still running after the grace");
    // Exit 0: a requested stop is a success (the JVM would otherwise report 143).
    Runtime.getRuntime().halt(0);
  }

  private static void awaitForever() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
