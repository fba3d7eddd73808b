package io.costwise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions recorded at build time, for {@code --version} and model provenance.
 *
 * @param version the costwise version
 * @param dl4jVersion the Deeplearning4j version on the classpath
 */
public record BuildInfo(String version, String dl4jVersion) {
  private static final String RESOURCE = "/costwise-version.properties";

  /** Reads the versions Maven wrote into the jar. */
  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(properties.getProperty("version"), properties.getProperty("dl4j"));
  }
}
