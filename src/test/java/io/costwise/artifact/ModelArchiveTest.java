package io.costwise.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
  @TempDir Path dir;

  /**
   * Writes a tar.gz whose entries are given as (name, content or null for a symlink to
   * /etc/passwd).
   */
  private Path archive(String... namesAndContents) throws IOException {
    Path file = dir.resolve("model.tar.gz");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < namesAndContents.length; i += 2) {
        String content = namesAndContents[i + 1];
        if (content == null) {
          TarArchiveEntry link =
              new TarArchiveEntry(namesAndContents[i], TarArchiveEntry.LF_SYMLINK);
          link.setLinkName("/etc/passwd");
          tar.putArchiveEntry(link);
        } else {
          byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
          // preserveAbsolutePath: a hostile archive can carry "/etc/..." even though tar tools
          // strip the slash by default.
          TarArchiveEntry entry = new TarArchiveEntry(namesAndContents[i], true);
          entry.setSize(bytes.length);
          tar.putArchiveEntry(entry);
          tar.write(bytes);
        }
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  @Test
  void unpacksWhatSageMakerPacks() throws Exception {
    Path model =
        ModelArchive.extract(
            archive("./model.json", "{}", "./model.zip", "zip"), dir.resolve("out"));
    assertEquals(dir.resolve("out"), model);
    assertArrayEquals("zip".getBytes(), Files.readAllBytes(model.resolve("model.zip")));
  }

  @Test
  void findsTheModelInsideOneWrappingFolder() throws Exception {
    Path model = ModelArchive.extract(archive("model/model.json", "{}"), dir.resolve("out"));
    assertEquals(dir.resolve("out/model"), model);
  }

  @Test
  void refusesPathTraversal() throws Exception {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                ModelArchive.extract(
                    archive("../evil.txt", "x", "model.json", "{}"), dir.resolve("out")));
    assertTrue(e.getMessage().contains("entry '../evil.txt'"), e.getMessage());
    assertTrue(e.getMessage().contains("outside the model folder"));
    assertFalse(Files.exists(dir.resolve("evil.txt")));
  }

  @Test
  void refusesAbsolutePaths() throws Exception {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> ModelArchive.extract(archive("/tmp/evil.txt", "x"), dir.resolve("out")));
    assertTrue(e.getMessage().contains("outside the model folder"), e.getMessage());
  }

  @Test
  void refusesLinks() throws Exception {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> ModelArchive.extract(archive("model.json", null), dir.resolve("out")));
    assertEquals(
        "Refused to unpack model.tar.gz: entry 'model.json' is not allowed because it is a"
            + " symbolic link, and a model holds only regular files and folders.",
        e.getMessage());
    assertFalse(Files.isSymbolicLink(dir.resolve("out/model.json")));
  }

  /** A tar.gz holding a valid-looking model.json and then one entry of the given type. */
  private Path archiveWith(String name, byte type) throws IOException {
    Path file = dir.resolve("special.tar.gz");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry description = new TarArchiveEntry("model.json");
      description.setSize(json.length);
      tar.putArchiveEntry(description);
      tar.write(json);
      tar.closeArchiveEntry();
      TarArchiveEntry special = new TarArchiveEntry(name, type);
      if (type == TarConstants.LF_CHR || type == TarConstants.LF_BLK) {
        special.setDevMajor(1);
        special.setDevMinor(3);
      }
      tar.putArchiveEntry(special);
      tar.closeArchiveEntry();
    }
    return file;
  }

  @Test
  void refusesFifos() throws Exception {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                ModelArchive.extract(
                    archiveWith("model.zip", TarConstants.LF_FIFO), dir.resolve("out")));
    assertEquals(
        "Refused to unpack special.tar.gz: entry 'model.zip' is not allowed because it is a FIFO,"
            + " and a model holds only regular files and folders.",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void refusesCharacterAndBlockDevices() throws Exception {
    for (byte type : new byte[] {TarConstants.LF_CHR, TarConstants.LF_BLK}) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () -> ModelArchive.extract(archiveWith("null", type), dir.resolve("out")));
      assertTrue(
          e.getMessage()
              .contains(
                  "entry 'null' is not allowed because it is a "
                      + (type == TarConstants.LF_CHR ? "character" : "block")
                      + " device"),
          e.getMessage());
      assertFalse(Files.exists(dir.resolve("out")));
    }
  }

  @Test
  void aRefusedArchiveLeavesNothingBehind() throws Exception {
    // A "gzip bomb" stopped at the limit, after one file was written whole.
    Path bomb = archive("model.json", "{}", "model.zip", "x".repeat(100_000));
    assertThrows(
        InvalidInputException.class, () -> ModelArchive.extract(bomb, dir.resolve("out"), 1_000));
    assertFalse(Files.exists(dir.resolve("out")));
    // A folder the caller made (a temporary folder) is emptied, and the caller removes it.
    Path made = Files.createDirectory(dir.resolve("made"));
    assertThrows(InvalidInputException.class, () -> ModelArchive.extract(bomb, made, 1_000));
    try (var left = Files.list(made)) {
      assertEquals(0, left.count());
    }
    assertThrows(
        InvalidInputException.class,
        () -> ModelArchive.extract(archive("readme.txt", "hi"), dir.resolve("none")));
    assertFalse(Files.exists(dir.resolve("none")));
  }

  @Test
  void refusesATargetThatIsNotEmpty() throws Exception {
    Path busy = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(busy.resolve("keep.txt"), "mine");
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelArchive.extract(archive("model.json", "{}"), busy));
    assertEquals("mine", Files.readString(busy.resolve("keep.txt")));
  }

  @Test
  void stopsAtTheSizeLimit() throws Exception {
    Path big = archive("model.json", "x".repeat(10_000));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> ModelArchive.extract(big, dir.resolve("out"), 1_000));
    assertTrue(e.getMessage().contains("size limit"), e.getMessage());
  }

  @Test
  void refusesAnythingThatIsNotATarGz() throws Exception {
    Path junk = Files.writeString(dir.resolve("model.tar.gz"), "not an archive");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> ModelArchive.extract(junk, dir.resolve("out")));
    assertTrue(
        e.getMessage().startsWith("model.tar.gz is not a readable .tar.gz archive"),
        e.getMessage());
  }

  @Test
  void needsAModelDescription() throws Exception {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> ModelArchive.extract(archive("readme.txt", "hi"), dir.resolve("out")));
    assertTrue(e.getMessage().contains("holds no model.json"), e.getMessage());
  }
}
