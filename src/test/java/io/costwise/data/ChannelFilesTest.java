package io.costwise.data;

import static io.costwise.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.costwise.error.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelFilesTest {
  @TempDir Path dir;

  @Test
  void listsRegularFilesRecursivelyByRelativePath() {
    write(dir, "part-10.csv", "");
    write(dir, "part-2.csv", "");
    write(dir, "a/b/c.csv", "");
    write(dir, "a-b.csv", "");
    write(dir, "Z.csv", "");

    List<String> names =
        ChannelReader.filesUnder(dir).stream().map(f -> ChannelFiles.display(dir, f)).toList();

    // String order of '/'-separated paths: '-' (0x2d) sorts before '/' (0x2f), capitals first.
    assertEquals(List.of("Z.csv", "a-b.csv", "a/b/c.csv", "part-10.csv", "part-2.csv"), names);
  }

  @Test
  void skipsHiddenFilesAndEverythingInHiddenFolders() {
    write(dir, "data.csv", "");
    write(dir, ".DS_Store", "");
    write(dir, ".git/objects/x.csv", "");
    write(dir, "sub/.partial.csv", "");
    write(dir, "sub/ok.csv", "");

    assertEquals(
        List.of(dir.resolve("data.csv"), dir.resolve("sub/ok.csv")), ChannelReader.filesUnder(dir));
  }

  @Test
  void aHiddenChannelFolderItselfIsStillListed() {
    Path hidden = dir.resolve(".channel");
    write(hidden, "a.csv", "");

    assertEquals(List.of(hidden.resolve("a.csv")), ChannelReader.filesUnder(hidden));
  }

  @Test
  void missingFolderIsAnError() {
    Path missing = dir.resolve("validation");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ChannelReader.filesUnder(missing));

    assertEquals(
        "Channel folder "
            + missing
            + " does not exist or is not a folder; check the channel's name and S3 prefix.",
        e.getMessage());
  }

  @Test
  void displaysPathsOutsideTheFolderInFull() {
    assertEquals("/elsewhere/x.csv", ChannelFiles.display(dir, Path.of("/elsewhere/x.csv")));
    assertEquals("/fifo/train_0", ChannelFiles.display(null, Path.of("/fifo/train_0")));
  }
}
