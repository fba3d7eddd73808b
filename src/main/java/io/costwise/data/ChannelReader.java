package io.costwise.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.costwise.error.InvalidInputException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.ZipException;

/**
 * Reads a SageMaker channel of CSV data (label in column 1, then the features) into a {@link
 * Dataset}, or fails with a {@link DataFormatException} that tells the user where and how to fix
 * the data.
 *
 * <p>Sources may be plain or gzip (recognised by content), and may be FIFOs: in Pipe mode the
 * caller passes {@code <channel>_<epoch>} as the single source, and it is read once, forwards.
 * Accepted alongside the numbers: a header on the first line of a file (its names become the
 * feature names), CRLF line ends, blank lines, spaces around fields, quotes, a UTF-8 byte order
 * mark. See {@link RowCollector} for the rules and {@link NumberParser} for the number syntax.
 *
 * <p>{@link Dataset#sha256()} is the SHA-256 of the sources' bytes as stored (before gunzip),
 * concatenated in the order read, so it changes exactly when the uploaded objects do.
 *
 * <p>CSV parsing is FastCSV's, fed through {@link NumericRecordHandler} so that fields become
 * doubles without a {@code String} each. FastCSV was kept after measuring: on a 1,000,000 × 30 file
 * (250 MB) this whole reader, hashing and checks included, took about 1.2 s of CPU, and a bare
 * hand-written split of the same characters into the same number parser took as long; converting
 * numbers dominates, so owning quoting, CRLF and line counting would have bought nothing.
 */
public final class ChannelReader {

  /** Lists a channel folder's data files in a stable order; see {@link ChannelFiles}. */
  public static List<Path> filesUnder(Path channelDir) {
    return ChannelFiles.list(channelDir);
  }

  /**
   * Reads every file under a File- or FastFile-mode channel folder, in {@link #filesUnder} order.
   * Messages name files relative to the folder.
   *
   * @param expectedFeatureCount the training data's width, when reading a channel that must match
   *     it (validation); empty for the training channel itself
   */
  public Dataset readFolder(String channelName, Path channelDir, OptionalInt expectedFeatureCount) {
    List<Path> files = filesUnder(channelDir);
    String folder = "folder " + channelDir;
    String noRows =
        files.isEmpty()
            ? folder + " holds no files (hidden files and folders are skipped)"
            : "the "
                + (files.size() == 1 ? "file" : files.size() + " files")
                + " in "
                + folder
                + " hold no data rows, only blank lines or a header";
    return read(
        channelName, channelDir, files, expectedFeatureCount, channelDir.toString(), noRows);
  }

  /**
   * Reads the given sources in order, as one channel: a Pipe-mode FIFO, or files the caller chose.
   * Messages name each source by its path.
   *
   * @param expectedFeatureCount as for {@link #readFolder}
   */
  public Dataset read(String channelName, List<Path> sources, OptionalInt expectedFeatureCount) {
    String where = sources.size() == 1 ? sources.get(0).toString() : sources.size() + " sources";
    String noRows =
        sources.isEmpty() ? "no source was given" : "there are no data rows in " + where;
    return read(channelName, null, sources, expectedFeatureCount, where, noRows);
  }

  private Dataset read(
      String channel,
      Path channelDir,
      List<Path> sources,
      OptionalInt expectedFeatureCount,
      String where,
      String noRowsReason) {
    MessageDigest digest = sha256();
    RowCollector rows = new RowCollector(channel, expectedFeatureCount);
    for (Path source : sources) {
      readSource(channel, source, ChannelFiles.display(channelDir, source), digest, rows);
    }
    return rows.finish(where, noRowsReason, HexFormat.of().formatHex(digest.digest()));
  }

  private static void readSource(
      String channel, Path source, String file, MessageDigest digest, RowCollector rows) {
    rows.startFile(file);
    NumericRecordHandler handler = new NumericRecordHandler();
    try (SourceStream stream = SourceStream.open(source, digest);
        CsvReader<NumericRecordHandler> csv =
            CsvReader.builder().ignoreDifferentFieldCount(true).build(handler, stream.reader())) {
      for (NumericRecordHandler record : csv) {
        rows.accept(record);
      }
      if (stream.drainAndCheckTrailing()) {
        throw ChannelErrors.at(
            channel,
            file,
            0,
            0,
            "there are bytes after the end of the gzip data; do not mix gzip and uncompressed"
                + " objects under one prefix (in Pipe mode they arrive as one stream), and check"
                + " that the file was not damaged.");
      }
    } catch (UncheckedIOException e) {
      throw unreadable(channel, file, e.getCause());
    } catch (IOException e) {
      throw unreadable(channel, file, e);
    } catch (CsvParseException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ChannelErrors.at(
          channel,
          file,
          handler.line(),
          0,
          "the CSV could not be parsed (" + cause.getMessage() + "); look for an unclosed quote.");
    }
  }

  private static InvalidInputException unreadable(String channel, String file, IOException e) {
    String reason;
    String message = String.valueOf(e.getMessage());
    if (e instanceof FileNotFoundException && message.endsWith(")") && message.contains(" (")) {
      // "<path> (No such file or directory)": the path is in the sentence already.
      reason = message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
    } else if (e instanceof ZipException || e instanceof EOFException) {
      reason = "it is not valid gzip (" + message + ")";
    } else {
      reason = e.getMessage() != null ? message : e.getClass().getSimpleName();
    }
    return new InvalidInputException(
        "Channel '"
            + channel
            + "', file "
            + file
            + " could not be read: "
            + reason
            + "; check that the object was uploaded completely and is plain or gzip CSV.",
        e);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
