package io.costwise.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.transfer.s3.model.TransferObjectRequest;
import software.amazon.awssdk.transfer.s3.progress.TransferListener;
import software.amazon.awssdk.transfer.s3.progress.TransferProgressSnapshot;

class TransferProgressTest {
  private final List<String> lines = new ArrayList<>();

  @Test
  void aLargeTransferIsReportedOncePerTenth() {
    TransferProgress progress = new TransferProgress("upload s3://b/k", lines::add);
    long total = 100L << 20;
    for (long done = 0; done <= total; done += 3L << 20) {
      progress.bytesTransferred(at(done, total));
    }
    progress.bytesTransferred(at(total, total));
    progress.bytesTransferred(at(total, total));
    assertEquals(10, lines.size(), lines.toString());
    assertEquals("upload s3://b/k: 10% (12 of 100 MB)", lines.get(0));
    assertEquals("upload s3://b/k: 100% (100 of 100 MB)", lines.get(9));
  }

  @Test
  void aSmallTransferIsNotReported() {
    TransferProgress progress = new TransferProgress("download s3://b/k", lines::add);
    long total = TransferProgress.REPORT_FROM_BYTES - 1;
    progress.bytesTransferred(at(total / 2, total));
    progress.bytesTransferred(at(total, total));
    assertEquals(List.of(), lines);
  }

  private static TransferListener.Context.BytesTransferred at(long done, long total) {
    TransferProgressSnapshot snapshot =
        new TransferProgressSnapshot() {
          @Override
          public long transferredBytes() {
            return done;
          }

          @Override
          public OptionalLong totalBytes() {
            return OptionalLong.of(total);
          }

          @Override
          public Optional<SdkResponse> sdkResponse() {
            return Optional.empty();
          }

          @Override
          public java.util.OptionalDouble ratioTransferred() {
            return java.util.OptionalDouble.of((double) done / total);
          }

          @Override
          public OptionalLong remainingBytes() {
            return OptionalLong.of(total - done);
          }
        };
    return new TransferListener.Context.BytesTransferred() {
      @Override
      public TransferObjectRequest request() {
        return null;
      }

      @Override
      public TransferProgressSnapshot progressSnapshot() {
        return snapshot;
      }
    };
  }
}
