package io.costwise.s3;

import java.util.function.Consumer;
import software.amazon.awssdk.transfer.s3.progress.TransferListener;

/**
 * Logs a large transfer's progress every tenth of the way, so that a long upload or download shows
 * it is moving; small transfers (most channels, every model) log nothing here.
 */
final class TransferProgress implements TransferListener {
  /** Transfers from this size on are reported. */
  static final long REPORT_FROM_BYTES = 32L << 20;

  private final String what;
  private final Consumer<String> log;
  private int lastTenth;

  TransferProgress(String what, Consumer<String> log) {
    this.what = what;
    this.log = log;
  }

  @Override
  public void bytesTransferred(Context.BytesTransferred context) {
    long total = context.progressSnapshot().totalBytes().orElse(0L);
    if (total < REPORT_FROM_BYTES) {
      return;
    }
    long done = context.progressSnapshot().transferredBytes();
    int tenth = (int) Math.min(10, done * 10 / total);
    synchronized (this) {
      if (tenth <= lastTenth) {
        return;
      }
      lastTenth = tenth;
    }
    log.accept(
        String.format(
            "%s: %d%% (%,d of %,d MB)", what, tenth * 10, done >> 20, Math.max(1, total >> 20)));
  }
}
