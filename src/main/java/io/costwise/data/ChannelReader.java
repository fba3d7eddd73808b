package io.costwise.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.costwise.cost.CostModel;
import io.costwise.error.InvalidInputException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Given a {@link CostModel} that names cost columns ({@code cost_fp_column} …), those columns
 * hold each row's costs rather than features: see {@link RowCollector} for how they are found and
 * checked, and {@link Dataset#costColumns()}. Without one, or with one that names none, every
 * column after the label is a feature, read exactly as before cost columns existed.
 *
 * <p>The rows are held once, as float32 (see {@link Dataset}): on the heap up to a memory budget,
 * beyond it in a spill file in a scratch folder, memory-mapped. The budget is shared by everything
 * one reader reads (the training channel, then validation, as the training job reads them), so use
 * one reader per job. By default it is a third of the heap the JVM may use (the reasons are at
 * {@link MemoryBudget}), or the system property {@value MemoryBudget#PROPERTY}; the scratch folder
 * is {@code java.io.tmpdir}, or the system property {@value #SCRATCH_DIR_PROPERTY}.
 *
 * <p>Several regular files (a File- or FastFile-mode folder, or sources given by the caller) are
 * read in parallel, one file per task on up to {@code threads} threads, each file into its own
 * chunks, which are then put in file order. The result is the same as reading the files one after
 * another: the same rows in the same order, the same names, and the same error, that of the first
 * failing file in file order; a file whose reading on its own could differ from reading it after
 * the others (it disagrees on width or header, or failed at all after an earlier file set the
 * width) is read again in order, see {@link RowCollector.State#agreesWith}. A single file, and
 * FIFOs, are read by one thread.
 *
 * <p>{@link Dataset#sha256()} is, for one source, the SHA-256 of its bytes as stored (before
 * gunzip); for several, the SHA-256 of their 32-byte SHA-256s concatenated in source order. (It
 * used to be the SHA-256 of all their bytes concatenated; files read in parallel have no such order
 * of bytes, and a digest of digests does not depend on which file finishes first.) Either way it
 * changes exactly when the uploaded objects or their order do; it is only a fingerprint, for
 * provenance and for matching checkpoints to their data, so the change only means that a checkpoint
 * written before it for multi-file data is refused as being for other data.
 *
 * <p>CSV parsing is FastCSV's, fed through {@link NumericRecordHandler} so that fields become
 * doubles without a {@code String} each. FastCSV was kept after measuring: on a 1,000,000 × 30 file
 * (250 MB) this whole reader, hashing and checks included, took about 1.2 s of CPU, and a bare
 * hand-written split of the same characters into the same number parser took as long; converting
 * numbers dominates, so owning quoting, CRLF and line counting would have bought nothing.
 */
public final class ChannelReader {
  /** System property naming the folder for spill files; {@code java.io.tmpdir} when unset. */
  public static final String SCRATCH_DIR_PROPERTY = "costwise.data.scratchDir";

  private final MemoryBudget budget;
  private final Path scratchDir;
  private final int threads;
  private final int chunkRows;

  /**
   * A reader with the default memory budget and scratch folder (see the class comment), reading
   * files on as many threads as there are processors.
   */
  public ChannelReader() {
    this(MemoryBudget.defaultBytes(), defaultScratchDir());
  }

  /**
   * @param memoryBudgetBytes how many bytes of features (and per-row costs) this reader may hold on
   *     the heap, over all it reads; 0 puts every row's features on local disk (costs stay on the
   *     heap, see {@link ChunkedRows})
   * @param scratchDir the folder for spill files
   */
  public ChannelReader(long memoryBudgetBytes, Path scratchDir) {
    this(memoryBudgetBytes, scratchDir, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads how many files to read at once at most; 1 reads them one after another
   */
  public ChannelReader(long memoryBudgetBytes, Path scratchDir, int threads) {
    this(memoryBudgetBytes, scratchDir, threads, ChunkedRows.CHUNK_ROWS);
  }

  /** With {@code chunkRows} (a power of two) rows per chunk, for tests of chunk boundaries. */
  ChannelReader(long memoryBudgetBytes, Path scratchDir, int threads, int chunkRows) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    this.budget = new MemoryBudget(memoryBudgetBytes);
    this.scratchDir = scratchDir;
    this.threads = threads;
    this.chunkRows = chunkRows;
  }

  private static Path defaultScratchDir() {
    String configured = System.getProperty(SCRATCH_DIR_PROPERTY);
    return Path.of(configured != null ? configured : System.getProperty("java.io.tmpdir"));
  }

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
    return readFolderWith(channelName, channelDir, expectedFeatureCount, null);
  }

  /**
   * As {@link #readFolder(String, Path, OptionalInt)}, taking each row's costs from the columns
   * that {@code costs} names; they are not features, and {@code expectedFeatureCount} counts the
   * features only.
   */
  public Dataset readFolder(
      String channelName, Path channelDir, OptionalInt expectedFeatureCount, CostModel costs) {
    return readFolderWith(channelName, channelDir, expectedFeatureCount, columnsOf(costs));
  }

  /** The model if it names cost columns; null, which reads every column as a feature, if not. */
  private static CostModel columnsOf(CostModel costs) {
    return costs.columns().isEmpty() ? null : costs;
  }

  private Dataset readFolderWith(
      String channelName, Path channelDir, OptionalInt expectedFeatureCount, CostModel costs) {
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
        channelName, channelDir, files, expectedFeatureCount, costs, channelDir.toString(), noRows);
  }

  /**
   * Reads the given sources in order, as one channel: a Pipe-mode FIFO, or files the caller chose.
   * Messages name each source by its path.
   *
   * @param expectedFeatureCount as for {@link #readFolder}
   */
  public Dataset read(String channelName, List<Path> sources, OptionalInt expectedFeatureCount) {
    return readWith(channelName, sources, expectedFeatureCount, null);
  }

  /**
   * As {@link #read(String, List, OptionalInt)}, with cost columns as for {@link
   * #readFolder(String, Path, OptionalInt, CostModel)}.
   */
  public Dataset read(
      String channelName, List<Path> sources, OptionalInt expectedFeatureCount, CostModel costs) {
    return readWith(channelName, sources, expectedFeatureCount, columnsOf(costs));
  }

  private Dataset readWith(
      String channelName, List<Path> sources, OptionalInt expectedFeatureCount, CostModel costs) {
    String where = sources.size() == 1 ? sources.get(0).toString() : sources.size() + " sources";
    String noRows =
        sources.isEmpty() ? "no source was given" : "there are no data rows in " + where;
    return read(channelName, null, sources, expectedFeatureCount, costs, where, noRows);
  }

  /**
   * @param costs the cost model, only if it names cost columns; else null
   */
  private Dataset read(
      String channel,
      Path channelDir,
      List<Path> sources,
      OptionalInt expectedFeatureCount,
      CostModel costs,
      String where,
      String noRowsReason) {
    // Costs may overdraw the budget (they cannot spill): "0 left" rather than a negative size.
    long availableAtStart = Math.max(0, budget.available());
    Job job = new Job(channel, channelDir, sources, expectedFeatureCount, costs);
    RowCollector.Part all =
        threads > 1 && sources.size() > 1 && sources.stream().allMatch(Files::isRegularFile)
            ? job.readInParallel()
            : job.readInOrder();
    try {
      return finish(
          channel, all, where, noRowsReason, combinedSha256(job.digests), availableAtStart);
    } catch (RuntimeException e) {
      release(all);
      throw e;
    }
  }

  /** The rows read, or an error if there are none or they hold only one class. */
  private Dataset finish(
      String channel,
      RowCollector.Part all,
      String where,
      String noRowsReason,
      String sha256,
      long availableAtStart) {
    long rows = all.state().rows();
    if (rows == 0) {
      throw ChannelErrors.channel(
          channel,
          where,
          "has no data: %s; check that the S3 prefix given for channel '%s' is right."
              .formatted(noRowsReason, channel));
    }
    long positives = 0;
    for (RowChunk chunk : all.chunks()) {
      positives += chunk.positives();
    }
    if (positives == 0 || positives == rows) {
      throw ChannelErrors.channel(
          channel,
          where,
          ("has label %d in all %d rows (%s); training needs rows of both classes, 0 and 1, so"
                  + " add rows of the other class or check that the label is in column 1.")
              .formatted(positives == 0 ? 0 : 1, rows, where));
    }
    return new Dataset(
        RowCollector.featureNames(all.state()),
        all.chunks(),
        RowCollector.costsOf(all.state()),
        RowCollector.costColumnNames(all.state()),
        sha256,
        Storage.describe(all.chunks(), budget, availableAtStart));
  }

  /** Gives back the heap that rows which will not be used had reserved. */
  private void release(RowCollector.Part part) {
    for (RowChunk chunk : part.chunks()) {
      budget.release((chunk.isMapped() ? 0 : chunk.bytes()) + chunk.costBytes());
    }
  }

  /** One channel being read: its sources, and each source's SHA-256 once read. */
  private final class Job {
    private final String channel;
    private final Path channelDir;
    private final List<Path> sources;
    private final OptionalInt expected;
    private final CostModel costs;
    private final ChunkedRows.Settings storage;
    private final byte[][] digests;

    /** Set when a file has failed: tasks still reading later files stop. */
    private final AtomicBoolean abandoned = new AtomicBoolean();

    Job(
        String channel,
        Path channelDir,
        List<Path> sources,
        OptionalInt expected,
        CostModel costs) {
      this.channel = channel;
      this.channelDir = channelDir;
      this.sources = sources;
      this.expected = expected;
      this.costs = costs;
      this.storage = new ChunkedRows.Settings(budget, scratchDir, chunkRows);
      this.digests = new byte[sources.size()][];
    }

    /** All sources by one collector, in order: FIFOs, a single file, or one thread. */
    RowCollector.Part readInOrder() {
      RowCollector rows =
          new RowCollector(channel, expected, costs, storage, RowCollector.State.INITIAL);
      try {
        for (int i = 0; i < sources.size(); i++) {
          digests[i] = readSource(i, rows);
        }
        return rows.finish();
      } catch (RuntimeException | Error e) {
        rows.discard();
        throw e;
      }
    }

    /**
     * Each file by its own task from the initial state, then the parts put together in file order;
     * a part that does not agree with the files before it, or failed after them, is read again.
     */
    RowCollector.Part readInParallel() {
      ExecutorService pool =
          Executors.newFixedThreadPool(Math.min(threads, sources.size()), threadFactory());
      List<Future<Outcome>> outcomes = new ArrayList<>();
      List<RowChunk> chunks = new ArrayList<>();
      RowCollector.State state = RowCollector.State.INITIAL;
      int consumed = 0;
      try {
        for (int i = 0; i < sources.size(); i++) {
          int index = i;
          outcomes.add(pool.submit(() -> readAlone(index)));
        }
        for (int next = 0; next < sources.size(); next++) {
          Outcome outcome = await(outcomes.get(next));
          consumed = next + 1;
          RowCollector.Part part;
          if (outcome.error == null && state.agreesWith(outcome.part.state())) {
            part = outcome.part;
            state = state.then(part.state());
          } else if (outcome.error != null && state.isInitial()) {
            throw outcome.error;
          } else {
            if (outcome.part != null) {
              release(outcome.part);
            }
            part = readAgain(next, state);
            state = part.state();
          }
          chunks.addAll(part.chunks());
        }
        return new RowCollector.Part(state, chunks);
      } catch (RuntimeException | Error e) {
        abandoned.set(true);
        release(new RowCollector.Part(state, chunks));
        for (int i = consumed; i < outcomes.size(); i++) {
          try {
            Outcome left = await(outcomes.get(i));
            if (left.part != null) {
              release(left.part);
            }
          } catch (RuntimeException | Error ignored) {
            // The first error is the one reported.
          }
        }
        throw e;
      } finally {
        pool.shutdownNow();
      }
    }

    /** One file from the initial state; its error is kept to report in file order. */
    private Outcome readAlone(int index) {
      RowCollector rows =
          new RowCollector(channel, expected, costs, storage, RowCollector.State.INITIAL);
      try {
        digests[index] = readSource(index, rows);
        return new Outcome(rows.finish(), null);
      } catch (RuntimeException e) {
        rows.discard();
        return new Outcome(null, e);
      }
    }

    /** One file after the files before it, as a sequential read would see it. */
    private RowCollector.Part readAgain(int index, RowCollector.State before) {
      RowCollector rows = new RowCollector(channel, expected, costs, storage, before);
      try {
        digests[index] = readSource(index, rows);
        return rows.finish();
      } catch (RuntimeException | Error e) {
        rows.discard();
        throw e;
      }
    }

    private byte[] readSource(int index, RowCollector rows) {
      Path source = sources.get(index);
      MessageDigest digest = sha256();
      ChannelReader.readSource(
          channel, source, ChannelFiles.display(channelDir, source), digest, rows, abandoned);
      return digest.digest();
    }

    private ThreadFactory threadFactory() {
      AtomicInteger count = new AtomicInteger();
      return task -> {
        Thread thread =
            new Thread(task, "costwise-read-" + channel + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }

  /** A file read on its own: its rows, or the error it gave. */
  private record Outcome(RowCollector.Part part, RuntimeException error) {}

  private static Outcome await(Future<Outcome> outcome) {
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading a channel");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("reading a file failed", cause);
    }
  }

  /** The one source's SHA-256, or the SHA-256 of all the sources' SHA-256s in order. */
  private static String combinedSha256(byte[][] digests) {
    if (digests.length == 1) {
      return HexFormat.of().formatHex(digests[0]);
    }
    MessageDigest all = sha256();
    for (byte[] digest : digests) {
      all.update(digest);
    }
    return HexFormat.of().formatHex(all.digest());
  }

  private static void readSource(
      String channel,
      Path source,
      String file,
      MessageDigest digest,
      RowCollector rows,
      AtomicBoolean abandoned) {
    rows.startFile(file);
    NumericRecordHandler handler = new NumericRecordHandler();
    try (SourceStream stream = SourceStream.open(source, digest);
        CsvReader<NumericRecordHandler> csv =
            CsvReader.builder().ignoreDifferentFieldCount(true).build(handler, stream.reader())) {
      for (NumericRecordHandler record : csv) {
        if (abandoned.get()) {
          throw new CancellationException("an earlier file failed");
        }
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
    } catch (SourceStream.NotTextException e) {
      throw ChannelErrors.at(
          channel,
          file,
          0,
          0,
          "the file is not text ("
              + e.found()
              + "); channels take CSV, plain or gzip, so check that no binary file (Parquet,"
              + " RecordIO, an archive) is under the channel's prefix.");
    } catch (UncheckedIOException e) {
      throw unreadable(channel, file, e.getCause());
    } catch (IOException e) {
      throw unreadable(channel, file, e);
    } catch (CsvParseException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String message = String.valueOf(cause.getMessage());
      throw ChannelErrors.at(
          channel,
          file,
          handler.line(),
          0,
          message.contains("maximum buffer size")
              ? "a field runs on for more than 16 MiB with no comma or line break; the file is not"
                  + " comma-separated lines (another delimiter, or no line breaks at all), or a"
                  + " quote (\") opens a field and is never closed."
              : "the CSV could not be parsed (" + message + "); look for an unclosed quote.");
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
