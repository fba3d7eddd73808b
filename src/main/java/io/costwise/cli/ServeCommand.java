package io.costwise.cli;

import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.serve.ServeJob;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @Override
  public Integer call() {
    return new ServeJob(
            SageMakerEnvironment.fromProcess(Optional.ofNullable(baseDir)),
            Optional.ofNullable(model),
            port)
        .run();
  }
}
