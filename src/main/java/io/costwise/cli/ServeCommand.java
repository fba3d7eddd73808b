package io.costwise.cli;

import io.costwise.error.InvalidInputException;
import io.costwise.s3.S3ModelData;
import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.serve.ModelDownload;
import io.costwise.serve.ServeJob;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code costwise serve}: SageMaker's hosting mode. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Serve the model in <base-dir>/model (default /opt/ml/model) on port 8080 or"
          + " $SAGEMAKER_BIND_TO_PORT: GET /ping, POST /invocations (text/csv, application/json,"
          + " application/jsonlines), GET /execution-parameters. See docs/configuration.md."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "The /opt/ml-shaped root; default: $SAGEMAKER_BASE_DIR, else /opt/ml.")
  Path baseDir;

  @Option(
      names = "--model",
      paramLabel = "PATH",
      description = "A model folder or model.tar.gz instead of <base-dir>/model.")
  Path model;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default: 8080 or $SAGEMAKER_BIND_TO_PORT).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Listen on this address only, e.g. 127.0.0.1 (default: every interface, which SageMaker"
              + " needs).")
  String host;

  @Option(
      names = "--model-data",
      paramLabel = "S3_URI",
      description =
          "Download this model.tar.gz from S3 (SageMaker's ModelDataUrl) and serve it; it is"
              + " unpacked with the same checks as --model.")
  String modelData;

  @Mixin S3Options s3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (modelData != null && model != null) {
      throw new ParameterException(spec.commandLine(), "Give --model or --model-data, not both.");
    }
    SageMakerEnvironment environment =
        SageMakerEnvironment.fromProcess(Optional.ofNullable(baseDir));
    if (modelData == null) {
      return new ServeJob(environment, Optional.ofNullable(model), port, host).run();
    }
    S3ModelData data;
    try {
      data = S3ModelData.of(modelData, s3.settings());
    } catch (InvalidInputException e) {
      LoggerFactory.getLogger(ServeCommand.class).error("Cannot serve: {}", e.getMessage());
      return 1;
    }
    // The job downloads it, into the scratch folder it deletes on every way out.
    return new ServeJob(
            environment, new ModelDownload(data.toString(), data::downloadInto), port, host)
        .run();
  }
}
