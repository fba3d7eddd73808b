package io.costwise.artifact;

import io.costwise.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a {@code model.tar.gz} as SageMaker writes it, refusing anything a model does not need.
 *
 * <p>An archive may come from anywhere (an S3 path someone typed), so extraction is defensive: only
 * regular files and folders; no symbolic or hard links, devices or FIFOs (SageMaker itself rejects
 * links in model data); no entry that would land outside the target (absolute paths, {@code ..});
 * at most {@value #MAX_ENTRIES} entries and {@link #DEFAULT_MAX_BYTES} bytes in all, counted as
 * written, so a "zip bomb" stops at the limit.
 */
public final class ModelArchive {
  public static final long DEFAULT_MAX_BYTES = 2L << 30;
  static final int MAX_ENTRIES = 10_000;

  private ModelArchive() {}

  /** Extracts {@code archive} into {@code target} and returns the folder holding the model. */
  public static Path extract(Path archive, Path target) throws IOException {
    return extract(archive, target, DEFAULT_MAX_BYTES);
  }

  static Path extract(Path archive, Path target, long maxBytes) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    String name = archive.getFileName().toString();
    long written = 0;
    int entries = 0;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw refuse(name, entry, "the archive has more than " + MAX_ENTRIES + " entries");
        }
        Path destination = root.resolve(entry.getName()).normalize();
        if (Path.of(entry.getName()).isAbsolute() || !destination.startsWith(root)) {
          throw refuse(name, entry, "it would be written outside the model folder");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
        } else if (entry.isFile() && !entry.isLink() && !entry.isSymbolicLink()) {
          Files.createDirectories(destination.getParent());
          written += copyBounded(tar, destination, maxBytes - written, name, entry);
        } else {
          throw refuse(name, entry, "it is a link or special file, and a model holds only files");
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          name
              + " is not a readable .tar.gz archive ("
              + e.getMessage()
              + "); create it with"
              + " `tar -czf model.tar.gz -C model .` as SageMaker does.",
          e);
    }
    return modelFolder(root, name);
  }

  private static long copyBounded(
      InputStream in, Path destination, long budget, String archive, TarArchiveEntry entry)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    long copied = 0;
    try (OutputStream out = Files.newOutputStream(destination)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        copied += n;
        if (copied > budget) {
          throw refuse(archive, entry, "the archive unpacks to more than the size limit");
        }
        out.write(buffer, 0, n);
      }
    }
    return copied;
  }

  /**
   * The folder holding {@code model.json}: the root, or a single folder the archive wrapped it in.
   */
  private static Path modelFolder(Path root, String archive) throws IOException {
    if (Files.exists(root.resolve(ModelFolder.DESCRIPTION_FILE))) {
      return root;
    }
    try (Stream<Path> children = Files.list(root)) {
      List<Path> folders =
          children
              .filter(Files::isDirectory)
              .filter(p -> Files.exists(p.resolve(ModelFolder.DESCRIPTION_FILE)))
              .toList();
      if (folders.size() == 1) {
        return folders.get(0);
      }
    }
    throw new InvalidInputException(
        archive
            + " holds no "
            + ModelFolder.DESCRIPTION_FILE
            + "; it must contain what costwise train wrote to /opt/ml/model (model.zip and"
            + " model.json) at its top level.");
  }

  private static InvalidInputException refuse(String archive, TarArchiveEntry entry, String why) {
    return new InvalidInputException(
        "Refused to unpack "
            + archive
            + ": entry '"
            + entry.getName()
            + "' is not allowed because "
            + why
            + ".");
  }
}
