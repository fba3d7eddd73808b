package io.costwise.data;

import static io.costwise.data.TestFiles.gzip;
import static io.costwise.data.TestFiles.write;
import static io.costwise.data.TestFiles.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a channel can be wrong gives one sentence that says where, what, and how to fix it. */
class ChannelReaderErrorsTest {
  @TempDir Path dir;

  private DataFormatException failure(String file, String csv) {
    write(dir, file, csv);
    return failure(OptionalInt.empty());
  }

  private DataFormatException failure(OptionalInt expectedFeatures) {
    return assertThrows(
        DataFormatException.class,
        () -> new ChannelReader().readFolder("train", dir, expectedFeatures));
  }

  private static void assertAt(DataFormatException e, String file, int line, int column) {
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    String where = "Channel 'train', file " + file + ", line " + line;
    assertTrue(e.getMessage().startsWith(where), e.getMessage());
    assertTrue(e.getMessage().length() <= 1024);
  }

  @Test
  void nonNumericFeature() {
    DataFormatException e = failure("part-0001.csv", "1,1,2,3,4\n0,1,2,3,4\n1,1,2,3,abc\n");

    assertAt(e, "part-0001.csv", 3, 5);
    assertEquals(
        "Channel 'train', file part-0001.csv, line 3, column 5: 'abc' is not a number; every"
            + " feature must be a finite number such as 17.99 or 1.5e-3 (label in column 1,"
            + " features after it, categories encoded as numbers).",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0d", "2f", "0x1p3", "5e3x", "--1", "1e", ".", "1 2"})
  void javaOnlyAndMalformedNumbersAreNotNumbers(String field) {
    DataFormatException e = failure("a.csv", "1,7\n0," + field + "\n");

    assertAt(e, "a.csv", 2, 2);
    assertTrue(e.getMessage().contains(" is not a number;"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "-Infinity", "Infinity", "+inf", "1e999"})
  void nonFiniteFeature(String field) {
    DataFormatException e = failure("a.csv", "1,7\n0," + field + "\n");

    assertAt(e, "a.csv", 2, 2);
    assertEquals(
        "Channel 'train', file a.csv, line 2, column 2: '"
            + field
            + "' is not a finite number; replace missing or infinite values (impute them or drop"
            + " those rows) before training.",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e39", "-3.5e38", "1e300"})
  void featureBeyondFloat32(String field) {
    DataFormatException e = failure("a.csv", "1,7,8\n0,1," + field + "\n");

    assertAt(e, "a.csv", 2, 3);
    assertEquals(
        "Channel 'train', file a.csv, line 2, column 3: the value "
            + Double.parseDouble(field)
            + " is too large: features are held as float32, which reaches 3.4028235E38 at most;"
            + " rescale this feature (e.g. divide it by a power of ten) before training.",
        e.getMessage());
  }

  @Test
  void emptyField() {
    DataFormatException e = failure("a.csv", "1,7,8\r\n\r\n0,  ,9\r\n");

    assertAt(e, "a.csv", 3, 2);
    assertTrue(e.getMessage().contains(": the field is empty; every feature needs a value"));
  }

  @Test
  void trailingCommaIsAnEmptyFieldWhenTheRowIsOtherwiseRightWidth() {
    DataFormatException e = failure("a.csv", "1,7,\n0,8,\n");

    assertAt(e, "a.csv", 1, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "-1", "0.5", "1.0000001"})
  void numericLabelOtherThanZeroOrOne(String label) {
    DataFormatException e = failure("a.csv", "1,7\n" + label + ",8\n");

    assertAt(e, "a.csv", 2, 1);
    assertTrue(
        e.getMessage().contains(": the label is " + label + " but must be 0 or 1;"),
        e.getMessage());
  }

  @Test
  void textLabelAfterTheFirstLine() {
    DataFormatException e = failure("a.csv", "1,7\nyes,8\n");

    assertAt(e, "a.csv", 2, 1);
    assertEquals(
        "Channel 'train', file a.csv, line 2, column 1: 'yes' is not a valid label; column 1"
            + " must hold the label, 0 or 1 (a header is only recognised on the first line of a"
            + " file).",
        e.getMessage());
  }

  @Test
  void nanLabelOnTheFirstLineIsNotTakenForAHeader() {
    DataFormatException e = failure("a.csv", "NaN,7\n1,8\n");

    assertAt(e, "a.csv", 1, 1);
    assertTrue(e.getMessage().contains("'NaN' is not a valid label"), e.getMessage());
  }

  @Test
  void emptyLabel() {
    DataFormatException e = failure("a.csv", "1,7\n,8\n");

    assertAt(e, "a.csv", 2, 1);
    assertTrue(
        e.getMessage().endsWith(": the label is empty; column 1 must hold the label, 0 or 1."));
  }

  @Test
  void raggedRowInALaterFileNamesBothPlaces() {
    write(dir, "a.csv", "1,1,2,3\n");
    write(dir, "sub/b.csv", "0,1,2,3\n\n1,1,2\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertAt(e, "sub/b.csv", 3, 4);
    assertEquals(
        "Channel 'train', file sub/b.csv, line 3, column 4: the row has 3 columns but line 1 of"
            + " a.csv has 4; every row needs the label and then the same features (look for a"
            + " missing or extra comma).",
        e.getMessage());
  }

  @Test
  void rowWithExtraColumns() {
    DataFormatException e = failure("a.csv", "1,1\n0,1\n1,1,2,3\n");

    assertAt(e, "a.csv", 3, 3);
    assertTrue(e.getMessage().contains("the row has 4 columns but line 1 of a.csv has 2"));
  }

  @Test
  void singleColumn() {
    DataFormatException e = failure("a.csv", "1\n0\n");

    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains(": the row has only 1 column; put the label in column 1"));
  }

  @Test
  void headersThatDifferBetweenFiles() {
    write(dir, "a.csv", "label,radius,texture\n1,1,2\n");
    write(dir, "b.csv", "label,radius,smoothness\n0,1,2\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertAt(e, "b.csv", 1, 3);
    assertEquals(
        "Channel 'train', file b.csv, line 1, column 3: the header differs from the one on line 1"
            + " of a.csv: this column is 'smoothness' here but 'texture' there; use the same"
            + " header in every file, or none.",
        e.getMessage());
  }

  @Test
  void validationWidthDiffersFromTraining() {
    write(dir, "v.csv", "\n1,1,2,3\n0,1,2,3\n");

    DataFormatException e = failure(OptionalInt.of(2));

    assertAt(e, "v.csv", 2, 4);
    assertEquals(
        "Channel 'train', file v.csv, line 2, column 4: the row has 3 features (after the label)"
            + " but the training data has 2; give every channel the same features in the same"
            + " order, label first.",
        e.getMessage());
  }

  @Test
  void singleClass() {
    write(dir, "a.csv", "1,1\n1,2\n1.0,3\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals(dir.toString(), e.file());
    assertEquals(0, e.line());
    assertEquals(
        "Channel 'train' has label 1 in all 3 rows ("
            + dir
            + "); training needs rows of both classes, 0 and 1, so add rows of the other class or"
            + " check that the label is in column 1.",
        e.getMessage());
  }

  @Test
  void emptyFolder() {
    write(dir, ".hidden.csv", "1,1\n0,1\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals(
        "Channel 'train' has no data: folder "
            + dir
            + " holds no files (hidden files and folders are skipped); check that the S3 prefix"
            + " given for channel 'train' is right.",
        e.getMessage());
  }

  @Test
  void filesWithoutDataRows() {
    write(dir, "a.csv", "label,x\n");
    write(dir, "b.csv", "\n\n");

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals(
        "Channel 'train' has no data: the 2 files in folder "
            + dir
            + " hold no data rows, only blank lines or a header; check that the S3 prefix given"
            + " for channel 'train' is right.",
        e.getMessage());
  }

  @Test
  void unreadableGzipNamesTheFile() {
    byte[] broken = Arrays.copyOf(gzip("1,1\n0,2\n".repeat(100)), 30);
    writeBytes(dir, "a.csv.gz", broken);

    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new ChannelReader().readFolder("train", dir, OptionalInt.empty()));

    assertFalse(e instanceof DataFormatException);
    assertTrue(
        e.getMessage().startsWith("Channel 'train', file a.csv.gz could not be read: it is not"),
        e.getMessage());
  }

  @Test
  void missingExplicitSourceNamesItsPath() {
    Path missing = dir.resolve("nope.csv");

    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new ChannelReader().read("train", List.of(missing), OptionalInt.empty()));

    assertEquals(
        "Channel 'train', file "
            + missing
            + " could not be read: No such file or directory; check that the object was uploaded"
            + " completely and is plain or gzip CSV.",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 200, 100_000})
  void plainBytesAfterGzipAreAnError(int extra) {
    byte[] member = gzip("1,1\n0,2\n");
    byte[] mixed = Arrays.copyOf(member, member.length + extra);
    Arrays.fill(mixed, member.length, mixed.length, (byte) '7');
    writeBytes(dir, "mixed", mixed);

    DataFormatException e = failure(OptionalInt.empty());

    assertEquals("mixed", e.file());
    assertTrue(e.getMessage().contains("bytes after the end of the gzip data"), e.getMessage());
  }

  @Test
  void absurdlyLongFieldIsShortenedInTheMessage() {
    DataFormatException e = failure("a.csv", "1,1\n0," + "x".repeat(5000) + "\n");

    assertTrue(e.getMessage().contains("'" + "x".repeat(37) + "...'"), e.getMessage());
    assertTrue(e.getMessage().length() < 300);
  }

  @Test
  void binaryGarbageIsNotText() {
    byte[] bytes = "PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    bytes = Arrays.copyOf(bytes, 64); // Parquet-like: a magic, then zeros
    writeBytes(dir, "data.parquet", bytes);
    DataFormatException e = failure(OptionalInt.empty());
    assertEquals(
        "Channel 'train', file data.parquet: the file is not text (it contains byte 0x00 at offset"
            + " 4); channels take CSV, plain or gzip, so check that no binary file (Parquet,"
            + " RecordIO, an archive) is under the channel's prefix.",
        e.getMessage());
  }

  @Test
  void binaryInsideGzipIsNotTextEither() {
    writeBytes(dir, "data.gz", gzip("1,2\n0,\u0001\n"));
    DataFormatException e = failure(OptionalInt.empty());
    assertTrue(
        e.getMessage()
            .contains("not text (it contains byte 0x01 at offset 6 of its gunzipped content)"),
        e.getMessage());
  }

  @Test
  void aHugeLineWithNoDelimiterIsNotCalledAnUnclosedQuote() {
    write(dir, "one-line.txt", "1," + "7".repeat(17 << 20));
    DataFormatException e = failure(OptionalInt.empty());
    assertTrue(
        e.getMessage().contains("a field runs on for more than 16 MiB with no comma or line break"),
        e.getMessage());
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }
}
