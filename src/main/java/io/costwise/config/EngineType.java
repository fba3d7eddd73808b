package io.costwise.config;

/** Which implementation trains the network, chosen by the {@code engine} hyperparameter. */
public enum EngineType {
  /** The fast engine wherever it supports the settings (today: always). */
  AUTO("auto"),
  /** costwise's own arithmetic on plain arrays, performing DL4J's updates. */
  FAST("fast"),
  /** Deeplearning4j's {@code MultiLayerNetwork.fit}: the reference. */
  DL4J("dl4j");

  private final String value;

  EngineType(String value) {
    this.value = value;
  }

  /** The hyperparameter value that selects this engine. */
  public String value() {
    return value;
  }

  static EngineType of(String value) {
    for (EngineType type : values()) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("no engine " + value);
  }
}
