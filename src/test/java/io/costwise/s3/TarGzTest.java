package io.costwise.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
  @TempDir Path dir;

  @Test
  void packsFilesAtTheRootKeepingSubFoldersInSortedOrder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("model"));
    Files.writeString(folder.resolve("model.json"), "{}");
    Files.createDirectories(folder.resolve("plots"));
    Files.writeString(folder.resolve("plots/roc.svg"), "<svg/>");
    Files.writeString(folder.resolve("evaluation.json"), "{\"auc\":1}");
    Path archive = dir.resolve("model.tar.gz");

    TarGz.pack(folder, archive);

    Map<String, String> entries = read(archive);
    assertEquals(
        Map.of("evaluation.json", "{\"auc\":1}", "model.json", "{}", "plots/roc.svg", "<svg/>"),
        entries);
    assertEquals("[evaluation.json, model.json, plots/roc.svg]", entries.keySet().toString());
  }

  @Test
  void aMissingFolderGivesAnEmptyArchive() throws IOException {
    Path archive = dir.resolve("output.tar.gz");
    TarGz.pack(dir.resolve("absent"), archive);
    assertTrue(read(archive).isEmpty());
  }

  /**
   * Entry name to content, in archive order; fails if an entry carries PAX extras or a creation
   * time.
   */
  private static Map<String, String> read(Path archive) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        assertTrue(entry.getExtraPaxHeaders().isEmpty(), entry.getExtraPaxHeaders().toString());
        assertNull(entry.getCreationTime(), "GNU tar warns about LIBARCHIVE.creationtime");
        assertEquals(0644, entry.getMode() & 0777, entry.getName());
        entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
