package io.costwise.cli;

import io.costwise.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints the costwise, Deeplearning4j and Java versions for {@code --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo info = BuildInfo.load();
    return new String[] {
      "costwise " + info.version(),
      "Deeplearning4j " + info.dl4jVersion(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
