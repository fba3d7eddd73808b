package io.costwise.data;

import static io.costwise.data.TestFiles.float32;
import static io.costwise.data.TestFiles.gzip;
import static io.costwise.data.TestFiles.write;
import static io.costwise.data.TestFiles.writeBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelReaderTest {
  private final ChannelReader reader = new ChannelReader();

  @TempDir Path dir;

  private Dataset readFolder() {
    return reader.readFolder("train", dir, OptionalInt.empty());
  }

  @Test
  void readsPlainCsvWithLabelFirst() {
    write(dir, "part-0001.csv", "1,17.99,10.38\n0,20.57,-3\n");

    Dataset data = readFolder();

    assertEquals(2, data.rows());
    assertEquals(List.of("f1", "f2"), data.featureNames());
    assertArrayEquals(float32(17.99, 10.38, 20.57, -3), data.featuresRowMajor());
    assertArrayEquals(new int[] {1, 0}, data.labels());
  }

  @Test
  void readsGzipByItsMagicBytesWhateverTheName() {
    writeBytes(dir, "a.csv.gz", gzip("1,1.5\n"));
    writeBytes(dir, "b.csv", gzip("0,2.5\n"));

    Dataset data = readFolder();

    assertArrayEquals(new double[] {1.5, 2.5}, data.featuresRowMajor());
    assertArrayEquals(new int[] {1, 0}, data.labels());
  }

  @Test
  void readsEveryMemberOfConcatenatedGzip() {
    byte[] first = gzip("1,1\n");
    byte[] second = gzip("0,2\n");
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    writeBytes(dir, "joined.gz", joined);

    assertArrayEquals(new int[] {1, 0}, readFolder().labels());
  }

  @Test
  void readsNestedFilesInPathOrder() {
    write(dir, "b/part-1.csv", "0,3\n");
    write(dir, "a/z.csv", "1,1\n");
    write(dir, "a/b/part-0.csv", "0,2\n");
    write(dir, "c.csv", "1,4\n");

    assertArrayEquals(new double[] {2, 1, 3, 4}, readFolder().featuresRowMajor());
  }

  @Test
  void skipsHiddenFilesAndFolders() {
    write(dir, "data.csv", "1,1\n0,2\n");
    write(dir, ".DS_Store", "junk");
    write(dir, ".ipynb_checkpoints/data-checkpoint.csv", "1,99\n");
    write(dir, "sub/.hidden.csv", "1,98\n");

    assertArrayEquals(new double[] {1, 2}, readFolder().featuresRowMajor());
  }

  @Test
  void keepsHeaderNamesAndAcceptsTheSameHeaderInEveryFile() {
    write(dir, "a.csv", "label, mean radius ,mean texture\n1,17.99,10.38\n");
    write(dir, "b.csv", "label,mean radius,mean texture\n0,20.57,17.77\n");

    Dataset data = readFolder();

    assertEquals(List.of("mean radius", "mean texture"), data.featureNames());
    assertEquals(2, data.rows());
    assertArrayEquals(float32(17.99, 10.38, 20.57, 17.77), data.featuresRowMajor());
  }

  @Test
  void skipsAHeaderRepeatedInsideAStreamAndNamesBlankHeaderColumns() {
    write(dir, "joined.csv", "\"label\",\"a\",\n1,1,2\nlabel,a,\n0,3,4\n");

    Dataset data = readFolder();

    assertEquals(List.of("a", "f2"), data.featureNames());
    assertArrayEquals(new int[] {1, 0}, data.labels());
  }

  @Test
  void readsPythonPercent18eAndJavaToStringNumbers() {
    write(
        dir,
        "a.csv",
        "1.000000000000000000e+00,1.799000000000000000e+01,1.0E-5,1001,.5,-3,+2.5e3\n"
            + "0.0,1.798999999999999844e+01,17.99,0,-0.0,1.,6.02214076E23\n");

    Dataset data = readFolder();

    assertArrayEquals(new int[] {1, 0}, data.labels());
    // The two spellings of 17.99 parse to the same double (NumberParserTest checks that bit for
    // bit); the data set holds them as float32.
    assertArrayEquals(
        float32(17.99, 1.0E-5, 1001, 0.5, -3, 2500, 17.99, 17.99, 0, -0.0, 1, 6.02214076E23),
        data.featuresRowMajor());
  }

  @Test
  void toleratesCrlfBomBlankLinesAndSpaces() {
    writeBytes(
        dir,
        "a.csv",
        ("\uFEFFlabel,x,y\r\n\r\n 1 , 2.5 ,\t3\r\n   \r\n0,4,5\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));

    Dataset data = readFolder();

    assertEquals(List.of("x", "y"), data.featureNames());
    assertArrayEquals(new double[] {2.5, 3, 4, 5}, data.featuresRowMajor());
    assertArrayEquals(new int[] {1, 0}, data.labels());
  }

  @Test
  void acceptsABomBeforeDataAndInsideGzip() {
    writeBytes(dir, "a.csv", ("\uFEFF1,2\n").getBytes(StandardCharsets.UTF_8));
    writeBytes(dir, "b.gz", gzip("\uFEFF0,3"));

    assertArrayEquals(new double[] {2, 3}, readFolder().featuresRowMajor());
  }

  @Test
  void sha256OfSeveralFilesIsOfTheirStoredBytesSha256sInOrder() {
    Path a = writeBytes(dir, "a.csv.gz", gzip("1,1\n"));
    Path b = write(dir, "b.csv", "0,2\n");

    String expected =
        TestFiles.sha256(
            TestFiles.rawSha256(TestFiles.read(a)), TestFiles.rawSha256(TestFiles.read(b)));

    assertEquals(expected, readFolder().sha256());
    assertEquals(
        expected,
        new ChannelReader(Long.MAX_VALUE, dir, 1)
            .readFolder("train", dir, OptionalInt.empty())
            .sha256());
  }

  @Test
  void sha256OfOneFileIsOfItsStoredBytes() {
    Path a = writeBytes(dir, "a.csv.gz", gzip("1,1\n0,2\n"));

    assertEquals(TestFiles.sha256(TestFiles.read(a)), readFolder().sha256());
  }

  @Test
  void validationChannelOfTheTrainingWidthIsAccepted() {
    write(dir, "v.csv", "1,1,2\n0,3,4\n");

    Dataset data = reader.readFolder("validation", dir, OptionalInt.of(2));

    assertEquals(2, data.columns());
  }

  @Test
  void explicitSourcesAreReadInTheGivenOrder() {
    Path second = write(dir, "b.csv", "0,2\n");
    Path first = write(dir, "a.csv", "1,1\n");

    Dataset data = reader.read("train", List.of(second, first), OptionalInt.empty());

    assertArrayEquals(new int[] {0, 1}, data.labels());
  }

  @Test
  void readsManyGzippedRowsExactly() {
    StringBuilder csv = new StringBuilder();
    int rows = 40_000;
    for (int i = 0; i < rows; i++) {
      csv.append(i % 2).append(',').append(i).append(',').append(i * 0.5).append('\n');
    }
    writeBytes(dir, "big.csv.gz", gzip(csv.toString()));

    Dataset data = readFolder();

    assertEquals(rows, data.rows());
    assertEquals(39_999, data.feature(rows - 1, 0));
    assertEquals(19_999.5, data.feature(rows - 1, 1));
    assertEquals(rows / 2, data.positives());
  }
}
