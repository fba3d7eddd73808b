package io.costwise.s3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs a folder the way SageMaker packs {@code /opt/ml/model} and {@code /opt/ml/output/data}: its
 * files at the root of a gzip-compressed tar, sub-folders kept. Entries are sorted so that the same
 * folder gives the same archive listing.
 */
public final class TarGz {
  private TarGz() {}

  /** Writes the files under {@code folder} (possibly none) to {@code archive}. */
  public static void pack(Path folder, Path archive) throws IOException {
    List<Path> files;
    if (Files.isDirectory(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
    } else {
      files = List.of();
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive));
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path file : files) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        // Name, size, time and mode only: an entry built from the File would also carry its
        // creation time as a LIBARCHIVE.creationtime PAX header, which GNU tar warns about.
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setModTime(Files.getLastModifiedTime(file));
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }
}
