package io.costwise.data;

import static io.costwise.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read in parallel give what reading them one after another gives: the same data, or the same
 * error, that of the first failing file in file order, naming the same places.
 */
class ChannelReaderParallelTest {
  @TempDir Path dir;
  @TempDir Path scratch;

  private Dataset read(int threads, OptionalInt width) {
    return new ChannelReader(Long.MAX_VALUE, scratch, threads, 8).readFolder("train", dir, width);
  }

  /** Reads the folder one file after another and in parallel: same data, or the same error. */
  private Dataset assertSameOutcome(OptionalInt width) {
    Dataset sequential;
    try {
      sequential = read(1, width);
    } catch (InvalidInputException expected) {
      for (int threads : new int[] {2, 4}) {
        InvalidInputException actual =
            assertThrows(InvalidInputException.class, () -> read(threads, width));
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(expected.getMessage(), actual.getMessage());
        if (expected instanceof DataFormatException e) {
          DataFormatException a = (DataFormatException) actual;
          assertEquals(e.file(), a.file());
          assertEquals(e.line(), a.line());
          assertEquals(e.column(), a.column());
        }
      }
      throw expected;
    }
    for (int threads : new int[] {2, 4}) {
      DatasetStorageTest.assertSameData(sequential, read(threads, width));
    }
    return sequential;
  }

  private DataFormatException failure(OptionalInt width) {
    return assertThrows(DataFormatException.class, () -> assertSameOutcome(width));
  }

  @Test
  void raggedRowInALaterFileNamesTheFileThatSetTheWidth() {
    write(dir, "a.csv", "1,1,2,3\n");
    write(dir, "b.csv", "0,1,2,3\n1,1,2\n");
    write(dir, "c.csv", "1,5\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals("b.csv", e.file());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("but line 1 of a.csv has 4"), e.getMessage());
  }

  @Test
  void aFileOfAnotherWidthThanAnEarlierOne() {
    write(dir, "a.csv", "\n\n1,1,2,3\n");
    write(dir, "b.csv", "0,1,2\n1,1,2\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals(
        "Channel 'train', file b.csv, line 1, column 4: the row has 3 columns but line 3 of a.csv"
            + " has 4; every row needs the label and then the same features (look for a missing or"
            + " extra comma).",
        e.getMessage());
  }

  @Test
  void aHeaderOfAnotherWidthAfterAHeaderOnlyFile() {
    write(dir, "a.csv", "label,x,y\n");
    write(dir, "b.csv", "label,x\n0,1\n1,2\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals("b.csv", e.file());
    assertTrue(e.getMessage().contains(": the header has 2 columns but line 1 of a.csv has 3;"));
  }

  @Test
  void headersThatDiffer() {
    write(dir, "a.csv", "label,radius,texture\n1,1,2\n");
    write(dir, "b.csv", "0,1,2\n");
    write(dir, "c.csv", "label,radius,smoothness\n0,1,2\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals("c.csv", e.file());
    assertTrue(e.getMessage().contains("differs from the one on line 1 of a.csv"));
  }

  @Test
  void theFirstFailingFileInFileOrderIsReported() {
    write(dir, "a.csv", "1,1\n0,2\n");
    write(dir, "b.csv", "1,1\n0,2\n1,x\n");
    write(dir, "c.csv", "1,y\n");
    write(dir, "d.csv", "1,1,1\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals("b.csv", e.file());
    assertEquals(3, e.line());
    assertEquals(2, e.column());
  }

  @Test
  void anErrorInTheFirstFileWithRowsAfterEmptyFiles() {
    write(dir, "a.csv", "");
    write(dir, "b.csv", "\n \n");
    write(dir, "c.csv", "1\n");
    write(dir, "d.csv", "1,x\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals("c.csv", e.file());
    assertTrue(e.getMessage().contains("the row has only 1 column"), e.getMessage());
  }

  @Test
  void validationFileOfAnotherWidthThanTheFirst() {
    write(dir, "a.csv", "1,1,2\n");
    write(dir, "b.csv", "0,1,2,3\n");

    DataFormatException e = failure(OptionalInt.of(2));

    assertEquals("b.csv", e.file());
    assertTrue(e.getMessage().contains("but line 1 of a.csv has 3"), e.getMessage());
  }

  @Test
  void validationOfAnotherWidthThanTraining() {
    write(dir, "a.csv", "\n");
    write(dir, "b.csv", "0,1,2,3\n");

    DataFormatException e = failure(OptionalInt.of(2));

    assertEquals("b.csv", e.file());
    assertTrue(e.getMessage().contains("but the training data has 2"), e.getMessage());
  }

  @Test
  void aHeaderRepeatedInAFileWithoutOneOnItsFirstLineIsSkippedAsInOneStream() {
    // b.csv read on its own would take line 2 for a row with the label 'label'; read after a.csv
    // it repeats the channel's header, which is skipped.
    write(dir, "a.csv", "label,x\n1,1\n");
    write(dir, "b.csv", "0,2\nlabel,x\n1,3\n");

    Dataset data = assertSameOutcome(OptionalInt.empty());

    assertEquals(List.of("x"), data.featureNames());
    assertEquals(3, data.rows());
    assertEquals(3, data.feature(2, 0));
  }

  @Test
  void singleClassAndNoRowsAreReportedForTheWholeChannel() {
    write(dir, "a.csv", "label,x\n");
    write(dir, "b.csv", "\n");
    assertTrue(failure(OptionalInt.empty()).getMessage().contains("has no data"));

    write(dir, "c.csv", "1,1\n");
    write(dir, "d.csv", "1,1\n1,2\n");
    assertTrue(failure(OptionalInt.empty()).getMessage().contains("has label 1 in all 3 rows"));
  }

  @Test
  void unreadableFileAmongOthers() {
    write(dir, "a.csv", "1,1\n");
    TestFiles.writeBytes(dir, "b.csv.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
    write(dir, "c.csv", "0,1\n");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> assertSameOutcome(OptionalInt.empty()));

    assertTrue(e.getMessage().startsWith("Channel 'train', file b.csv.gz could not be read"));
  }
}
