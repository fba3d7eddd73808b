package io.costwise.sagemaker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one owner of SageMaker's container contract: every path under {@code /opt/ml} and every
 * environment variable name the container reads.
 *
 * <p>An immutable snapshot, built once in {@code main} from the process environment and passed
 * down. The root is relocatable ({@value #BASE_DIR_VARIABLE} or a command-line flag) so that tests
 * and local runs use an ordinary folder shaped like {@code /opt/ml}.
 */
public final class SageMakerEnvironment {
  /** Relocates the root (default {@value #DEFAULT_BASE_DIR}); a costwise extension. */
  public static final String BASE_DIR_VARIABLE = "SAGEMAKER_BASE_DIR";

  /** Set by SageMaker for training jobs. */
  public static final String TRAINING_JOB_NAME_VARIABLE = "TRAINING_JOB_NAME";

  /** The port to listen on, when SageMaker chooses it (inference pipelines). */
  public static final String BIND_TO_PORT_VARIABLE = "SAGEMAKER_BIND_TO_PORT";

  /** Largest request body, in MB (default 6, SageMaker's real-time limit). */
  public static final String MAX_PAYLOAD_VARIABLE = "SAGEMAKER_MAX_PAYLOAD_IN_MB";

  /** The response type when a request's Accept is missing or {@code *}{@code /*}. */
  public static final String DEFAULT_ACCEPT_VARIABLE = "SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT";

  /** {@code true} in a batch transform job. */
  public static final String BATCH_VARIABLE = "SAGEMAKER_BATCH";

  /** {@code SINGLE_RECORD} or {@code MULTI_RECORD}, in a batch transform job. */
  public static final String BATCH_STRATEGY_VARIABLE = "SAGEMAKER_BATCH_STRATEGY";

  /** Parallel requests a batch transform job will send. */
  public static final String MAX_CONCURRENT_TRANSFORMS_VARIABLE =
      "SAGEMAKER_MAX_CONCURRENT_TRANSFORMS";

  /**
   * Which prediction fields responses carry by default, comma-separated, as SageMaker's XGBoost and
   * Autopilot containers read it ({@code predicted_label,probability}).
   */
  public static final String INFERENCE_OUTPUT_VARIABLE = "SAGEMAKER_INFERENCE_OUTPUT";

  /** costwise's own, older name for {@value #INFERENCE_OUTPUT_VARIABLE}. */
  public static final String OUTPUT_FIELDS_VARIABLE = "COSTWISE_OUTPUT_FIELDS";

  /** Request-handling threads (a costwise extension; default: 2 × CPUs, at least 4). */
  public static final String SERVER_THREADS_VARIABLE = "COSTWISE_SERVER_THREADS";

  /** SageMaker's port for serving when it does not choose one. */
  public static final int DEFAULT_PORT = 8080;

  public static final String DEFAULT_BASE_DIR = "/opt/ml";

  private final Path base;
  private final Map<String, String> variables;

  private SageMakerEnvironment(Path base, Map<String, String> variables) {
    this.base = base.toAbsolutePath().normalize();
    this.variables = Map.copyOf(variables);
  }

  /** The environment of this process, with an optional root given on the command line. */
  public static SageMakerEnvironment fromProcess(Optional<Path> baseOverride) {
    return of(System.getenv(), baseOverride);
  }

  /**
   * An environment from explicit variables: the root is {@code baseOverride}, else {@value
   * #BASE_DIR_VARIABLE}, else {@value #DEFAULT_BASE_DIR}.
   */
  public static SageMakerEnvironment of(
      Map<String, String> variables, Optional<Path> baseOverride) {
    String fromVariable = variables.get(BASE_DIR_VARIABLE);
    Path base =
        baseOverride.orElseGet(
            () ->
                Path.of(
                    fromVariable == null || fromVariable.isBlank()
                        ? DEFAULT_BASE_DIR
                        : fromVariable));
    return new SageMakerEnvironment(base, variables);
  }

  /** The root, {@code /opt/ml} in a real container. */
  public Path base() {
    return base;
  }

  /** The value of an environment variable, if set and not blank. */
  public Optional<String> variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** This environment with {@value #TRAINING_JOB_NAME_VARIABLE} set, as SageMaker sets it. */
  public SageMakerEnvironment withTrainingJobName(String name) {
    Map<String, String> copy = new java.util.HashMap<>(variables);
    copy.put(TRAINING_JOB_NAME_VARIABLE, name);
    return new SageMakerEnvironment(base, copy);
  }

  /** SageMaker's training job name, when running as one. */
  public Optional<String> trainingJobName() {
    return variable(TRAINING_JOB_NAME_VARIABLE);
  }

  public Path inputConfigDir() {
    return base.resolve("input/config");
  }

  public Path hyperparametersFile() {
    return inputConfigDir().resolve("hyperparameters.json");
  }

  public Path inputDataConfigFile() {
    return inputConfigDir().resolve("inputdataconfig.json");
  }

  public Path resourceConfigFile() {
    return inputConfigDir().resolve("resourceconfig.json");
  }

  public Path checkpointConfigFile() {
    return inputConfigDir().resolve("checkpointconfig.json");
  }

  /** The folder of a channel in File and FastFile mode. */
  public Path channelDir(String channel) {
    return base.resolve("input/data").resolve(channel);
  }

  /** The FIFO of one pass over a channel in Pipe mode: {@code <channel>_<pass>}. */
  public Path channelPipe(String channel, int pass) {
    return base.resolve("input/data").resolve(channel + "_" + pass);
  }

  /** Everything here is packed by SageMaker into {@code model.tar.gz}. */
  public Path modelDir() {
    return base.resolve("model");
  }

  public Path outputDir() {
    return base.resolve("output");
  }

  /** Packed by SageMaker into {@code output.tar.gz}: the evaluation reports. */
  public Path outputDataDir() {
    return outputDir().resolve("data");
  }

  /** Its first 1,024 characters become the training job's {@code FailureReason}. */
  public Path failureFile() {
    return outputDir().resolve("failure");
  }

  public Path successFile() {
    return outputDir().resolve("success");
  }

  /** Where checkpoints live when {@code checkpointconfig.json} does not say otherwise. */
  public Path defaultCheckpointDir() {
    return base.resolve("checkpoints");
  }

  /**
   * Maps a path SageMaker wrote in a config file (always under {@code /opt/ml}) into this
   * environment's root, so that a relocated root stays self-contained.
   */
  public Path rebase(String sageMakerPath) {
    Path path = Path.of(sageMakerPath);
    Path standard = Path.of(DEFAULT_BASE_DIR);
    return path.startsWith(standard) ? base.resolve(standard.relativize(path)) : path;
  }
}
