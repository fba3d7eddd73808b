package io.costwise.learn;

/** Training was asked to stop (SIGTERM) before it finished; the last checkpoint is intact. */
public final class TrainingStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int epochsDone;

  public TrainingStoppedException(int epochsDone) {
    super("training stopped after " + epochsDone + " complete epochs");
    this.epochsDone = epochsDone;
  }

  public int epochsDone() {
    return epochsDone;
  }
}
