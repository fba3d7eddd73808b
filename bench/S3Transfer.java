import io.costwise.s3.S3Location;
import io.costwise.s3.S3Settings;
import io.costwise.s3.S3Storage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One timed transfer through costwise's S3Storage, for bench/s3.sh. Prints the seconds the transfer
 * took (JVM start and client set-up excluded).
 *
 * <p>Usage: java -cp target/classes:target/lib/* bench/S3Transfer.java ENDPOINT upload FILE S3_URI
 * | download S3_URI FILE
 */
public class S3Transfer {
  public static void main(String[] args) throws Exception {
    S3Settings settings = new S3Settings(Optional.of(URI.create(args[0])), true);
    try (S3Storage storage = S3Storage.connect(settings)) {
      long start = System.nanoTime();
      switch (args[1]) {
        case "upload" -> storage.uploadFile(Path.of(args[2]), parse(args[3]), "upload");
        case "download" -> {
          Path target = Path.of(args[3]);
          Files.deleteIfExists(target);
          storage.downloadFile(parse(args[2]), target, "download");
        }
        default -> throw new IllegalArgumentException(args[1]);
      }
      System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
    }
  }

  private static S3Location parse(String uri) {
    return S3Location.parse(uri, "uri");
  }
}
