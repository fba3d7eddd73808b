package io.costwise.serve;

import io.costwise.artifact.ModelArchive;
import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.SavedModel;
import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SageMaker's serving mode: listen at once (503 on /ping), load the model, run a self-check
 * prediction, then answer 200. A model that cannot be loaded ends the process with one clear log
 * line and exit code 1 — never a server that pings 200 and fails every request. The self-check
 * scores the all-zero row, the training mean and one standard deviation above it, and refuses a
 * model that gives anything but a probability.
 *
 * <p>A {@code model.tar.gz} is unpacked (and one from S3 first downloaded) into a new {@code
 * costwise-model*} folder under {@code java.io.tmpdir}, which is deleted when loading fails and
 * when SIGTERM stops the server (only a SIGKILL leaves it behind).
 *
 * <p>SIGTERM: /ping and new requests get 503, requests in flight finish, and the process exits 0
 * within {@link #GRACE}, well inside the 30 s SageMaker allows before SIGKILL.
 */
public final class ServeJob {
  static final Duration GRACE = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(ServeJob.class);

  private final SageMakerEnvironment environment;
  private final Optional<Path> model;
  private final ModelDownload download;
  private final Integer port;
  private final String host;
  private final Path scratchParent;

  /**
   * The folder a model.tar.gz was downloaded to and unpacked into, deleted when serving stops or
   * fails.
   */
  private volatile Path scratch;

  /**
   * @param environment the contract's variables and root
   * @param model a model folder or archive given on the command line, else {@code <root>/model}
   * @param port overrides the port from the environment (null: use it)
   */
  public ServeJob(SageMakerEnvironment environment, Optional<Path> model, Integer port) {
    this(environment, model, port, (String) null);
  }

  /**
   * @param environment the contract's variables and root
   * @param model a model folder or archive given on the command line, else {@code <root>/model}
   * @param port overrides the port from the environment (null: use it)
   * @param host the address to listen on (null: every interface, as SageMaker needs)
   */
  public ServeJob(
      SageMakerEnvironment environment, Optional<Path> model, Integer port, String host) {
    this(environment, model, null, port, host, defaultScratchParent());
  }

  /**
   * Serves the archive {@code download} fetches (e.g. from S3), downloaded into the scratch folder
   * so that it is deleted with the unpacked model.
   */
  public ServeJob(
      SageMakerEnvironment environment, ModelDownload download, Integer port, String host) {
    this(environment, Optional.empty(), download, port, host, defaultScratchParent());
  }

  /** As above, unpacking a model.tar.gz into a new {@code costwise-model*} folder under here. */
  ServeJob(
      SageMakerEnvironment environment, Optional<Path> model, Integer port, Path scratchParent) {
    this(environment, model, null, port, null, scratchParent);
  }

  /** As above, downloading (and unpacking) into a new {@code costwise-model*} folder under here. */
  ServeJob(
      SageMakerEnvironment environment, ModelDownload download, Integer port, Path scratchParent) {
    this(environment, Optional.empty(), download, port, null, scratchParent);
  }

  private ServeJob(
      SageMakerEnvironment environment,
      Optional<Path> model,
      ModelDownload download,
      Integer port,
      String host,
      Path scratchParent) {
    this.environment = environment;
    this.model = model;
    this.download = download;
    this.port = port;
    this.host = host;
    this.scratchParent = scratchParent;
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
    Thread hook = new Thread(() -> stopOnSigterm(server, this::deleteScratch), "costwise-sigterm");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Loaded loaded = load(server);
      InferenceService service = loaded.service();
      service.selfCheck(selfCheckRows(loaded.description()));
      server.ready(service);
      LOG.info(
          "Ready: /ping answers 200 ({} ms after start)", (System.nanoTime() - start) / 1_000_000);
    } catch (InvalidInputException e) {
      deleteScratch();
      return failed(server, hook, e.getMessage(), null);
    } catch (IOException | RuntimeException e) {
      deleteScratch();
      return failed(server, hook, "the model could not be loaded (" + e + ")", e);
    }
    awaitForever();
    return 0;
  }

  private record Loaded(InferenceService service, ModelDescription description) {}

  private Loaded load(InferenceServer server) throws IOException {
    Path location;
    String source;
    if (download != null) {
      // Into the scratch folder, which every way out of serve deletes (the download was once
      // left behind in a folder of its own).
      location = download.fetch().into(Files.createDirectory(scratch().resolve("download")));
      source = download.source();
    } else {
      location = ModelLocator.locate(model.orElse(environment.modelDir()));
      source = location.toString();
    }
    Path folder = location;
    if (!Files.isDirectory(location)) {
      folder = SavedModel.unpack(location, scratch().resolve("model"));
    }
    ModelDescription description =
        folder.equals(location)
            ? SavedModel.describe(folder)
            : SavedModel.describe(folder, SavedModel.shownAs(source));
    Predictor predictor = Predictor.of(description);
    LOG.info(
        "Loaded the model from {}: {} features, threshold {} ({}); rows may carry costs as {}",
        source,
        description.featureCount(),
        description.decisionThreshold(),
        description.thresholdRule(),
        predictor.costs().describeNames());
    return new Loaded(
        new InferenceService(predictor, ServingSettings.from(environment, server.port())),
        description);
  }

  /**
   * The rows the self-check scores besides the all-zero row: the training mean (every feature
   * standardises to 0, where a zero standard deviation gives NaN) and one standard deviation above
   * it.
   */
  static List<Map.Entry<String, double[]>> selfCheckRows(ModelDescription description) {
    double[] mean = description.scorer().mean();
    double[] std = description.scorer().std();
    double[] above = new double[mean.length];
    for (int i = 0; i < mean.length; i++) {
      above[i] = mean[i] + std[i];
    }
    return List.of(
        Map.entry("the training mean (scorer.mean)", mean.clone()),
        Map.entry("the row one standard deviation above the mean", above));
  }

  /** The scratch folder, made on first use. */
  private Path scratch() throws IOException {
    if (scratch == null) {
      scratch = Files.createTempDirectory(scratchParent, "costwise-model");
    }
    return scratch;
  }

  private static Path defaultScratchParent() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Deletes the folder a model.tar.gz was downloaded to or unpacked into, if any. */
  private void deleteScratch() {
    Path folder = scratch;
    if (folder != null) {
      ModelArchive.deleteTree(folder, true);
      scratch = null;
    }
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

  private static void stopOnSigterm(InferenceServer server, Runnable cleanUp) {
    LOG.info("SIGTERM: finishing requests in flight, then stopping");
    boolean drained = server.stop(GRACE);
    LOG.info(drained ? "Stopped cleanly" : "Stopped with requests still running after the grace");
    // halt skips every other shutdown hook and deleteOnExit, so the unpacked model goes here.
    cleanUp.run();
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
