package io.costwise.artifact;

import io.costwise.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a {@code model.tar.gz} as SageMaker writes it, refusing anything a model does not need.
 *
 * <p>An archive may come from anywhere (an S3 path someone typed), so extraction is defensive: only
 * regular files and folders; no symbolic or hard links, devices or FIFOs (SageMaker itself rejects
 * links in model data); no entry that would land outside the target (absolute paths, {@code ..});
 * at most {@value #MAX_ENTRIES} entries and {@link #DEFAULT_MAX_BYTES} bytes in all, counted as
 * written, so a "zip bomb" stops at the limit. An entry's type is read from its type flag alone:
 * anything but a regular file or a folder is refused with a sentence naming the entry and its type.
 * A failed extraction leaves no files behind.
 */
public final class ModelArchive {
  public static final long DEFAULT_MAX_BYTES = 2L << 30;
  static final int MAX_ENTRIES = 10_000;

  private ModelArchive() {}

  /** Extracts {@code archive} into {@code target} and returns the folder holding the model. */
  public static Path extract(Path archive, Path target) throws IOException {
    return extract(archive, target, DEFAULT_MAX_BYTES);
  }

  /**
   * Extracts with a size limit. {@code target} must be absent or an empty folder; when extraction
   * fails, it is left as it was found (deleted if this created it, else emptied), so a refused
   * archive — a gzip bomb stopped at the limit included — leaves nothing behind.
   */
  static Path extract(Path archive, Path target, long maxBytes) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    boolean created = !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
    if (!created) {
      try (Stream<Path> children = Files.list(root)) {
        if (children.findAny().isPresent()) {
          throw new IllegalArgumentException("extract into an empty folder, not " + root);
        }
      }
    }
    Files.createDirectories(root);
    boolean done = false;
    try {
      unpackInto(archive, root, maxBytes);
      Path folder = modelFolder(root, archive.getFileName().toString());
      done = true;
      return folder;
    } finally {
      if (!done) {
        deleteTree(root, created);
      }
    }
  }

  private static void unpackInto(Path archive, Path root, long maxBytes) {
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
        if (entry.isGlobalPaxHeader() || entry.isPaxHeader()) {
          continue; // metadata for the entries (git archive writes one), not a file
        }
        String special = special(entry);
        if (special != null) {
          throw refuse(
              name,
              entry,
              "it is " + special + ", and a model holds only regular files and folders");
        }
        if (entry.getLinkFlag() == TarConstants.LF_DIR || entry.getName().endsWith("/")) {
          Files.createDirectories(destination);
        } else {
          Files.createDirectories(destination.getParent());
          written += copyBounded(tar, destination, maxBytes - written, name, entry);
        }
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      // Commons Compress reports some malformed headers as IllegalArgumentException.
      throw new InvalidInputException(
          name
              + " is not a readable .tar.gz archive ("
              + e.getMessage()
              + "); create it with"
              + " `tar -czf model.tar.gz -C model .` as SageMaker does.",
          e);
    }
  }

  /**
   * What a refused entry is ("a FIFO", "a symbolic link", …), or null for a regular file or a
   * folder. Decided by the entry's type flag alone: Commons Compress's {@code isFile()} is true for
   * any entry whose name lacks a trailing slash, FIFOs and devices included.
   */
  private static String special(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    if (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM) {
      return null;
    }
    if (flag == TarConstants.LF_DIR) {
      return null;
    }
    return switch (flag) {
      case TarConstants.LF_SYMLINK -> "a symbolic link";
      case TarConstants.LF_LINK -> "a hard link";
      case TarConstants.LF_CHR -> "a character device";
      case TarConstants.LF_BLK -> "a block device";
      case TarConstants.LF_FIFO -> "a FIFO";
      case TarConstants.LF_GNUTYPE_SPARSE -> "a sparse file";
      default -> "a special entry of type '" + (char) flag + "'";
    };
  }

  /**
   * Deletes {@code folder} and everything in it (links themselves, never what they point to), or,
   * with {@code itself} false, only what it holds. Best effort: what cannot be deleted is left.
   */
  public static void deleteTree(Path folder, boolean itself) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (itself || !p.equals(folder)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // Best effort: a scratch folder that cannot be removed is not worth failing over.
    }
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
