package io.costwise.s3;

import io.costwise.error.InvalidInputException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;
import software.amazon.awssdk.transfer.s3.model.DownloadFileRequest;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * Uploads and downloads through the SDK's transfer manager: files are streamed from and to disk
 * (never held whole in memory), files above {@value #MULTIPART_THRESHOLD_BYTES} bytes go up in
 * parts of {@value #PART_BYTES} sent in parallel, throttling and server errors are retried with
 * backoff (standard retry mode), and the SDK sends a CRC32 checksum with every upload (S3 rejects a
 * corrupted part) and checks the checksum S3 returns with a download.
 */
public final class S3Storage implements AutoCloseable {
  static final long MULTIPART_THRESHOLD_BYTES = 16L << 20;
  static final long PART_BYTES = 8L << 20;
  private static final int MAX_ATTEMPTS = 5;
  private static final int PARALLEL_DOWNLOADS = 16;
  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

  private final EventLoopGroup loop;
  private final SdkAsyncHttpClient http;
  private final S3AsyncClient client;
  private final S3AsyncClient multipartClient;
  private final S3TransferManager downloads;
  private final S3TransferManager uploads;

  /**
   * Downloads go through a plain client: one streamed GET per object works with every S3-compatible
   * store, where the multipart client's part-wise GETs ({@code partNumber}) do not (S3Proxy answers
   * 501). Uploads go through the multipart client.
   */
  private S3Storage(
      EventLoopGroup loop,
      SdkAsyncHttpClient http,
      S3AsyncClient client,
      S3AsyncClient multipartClient) {
    this.loop = loop;
    this.http = http;
    this.client = client;
    this.multipartClient = multipartClient;
    this.downloads = S3TransferManager.builder().s3Client(client).build();
    this.uploads = S3TransferManager.builder().s3Client(multipartClient).build();
  }

  /**
   * Connects with the default credential and region chains; fails with a clear message when there
   * are no credentials, or no region and no endpoint override.
   */
  public static S3Storage connect(S3Settings settings) {
    AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try {
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      throw S3Errors.noCredentials(e);
    }
    // An event loop of our own with daemon threads: the SDK's own would be shut down with a 2 s
    // quiet period, which every job and every serve start-up would wait for.
    EventLoopGroup loop =
        new NioEventLoopGroup(0, new DefaultThreadFactory("costwise-s3", /* daemon= */ true));
    SdkAsyncHttpClient http =
        NettyNioAsyncHttpClient.builder().eventLoopGroup(SdkEventLoopGroup.create(loop)).build();
    Region region = region(settings);
    Consumer<S3AsyncClientBuilder> common =
        b ->
            b.httpClient(http)
                .credentialsProvider(credentials)
                .region(region)
                .applyMutation(c -> settings.endpoint().ifPresent(c::endpointOverride))
                .forcePathStyle(settings.pathStyle())
                .crossRegionAccessEnabled(true)
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
    S3AsyncClient client = S3AsyncClient.builder().applyMutation(common).build();
    S3AsyncClient multipart =
        S3AsyncClient.builder()
            .applyMutation(common)
            .multipartEnabled(true)
            .multipartConfiguration(
                MultipartConfiguration.builder()
                    .thresholdInBytes(MULTIPART_THRESHOLD_BYTES)
                    .minimumPartSizeInBytes(PART_BYTES)
                    .build())
            .build();
    return new S3Storage(loop, http, client, multipart);
  }

  /**
   * Downloads every object under {@code prefix} into {@code target}, keeping the paths relative to
   * the prefix, as SageMaker's File mode does; fails if there is none.
   *
   * @return the number of files downloaded
   */
  public int downloadPrefix(S3Location prefix, Path target, String option) throws IOException {
    S3Location folder = prefix.asPrefix();
    List<S3Object> objects = list(folder, option);
    if (objects.isEmpty()) {
      throw new InvalidInputException(
          option + " (" + folder + "): there are no objects under this prefix; check the prefix.");
    }
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    long bytes = 0;
    for (int from = 0; from < objects.size(); from += PARALLEL_DOWNLOADS) {
      List<S3Object> window =
          objects.subList(from, Math.min(objects.size(), from + PARALLEL_DOWNLOADS));
      List<CompletableFuture<CompletedFileDownload>> downloads = new ArrayList<>();
      for (S3Object object : window) {
        S3Location location = new S3Location(folder.bucket(), object.key());
        Path file = root.resolve(object.key().substring(folder.key().length())).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
          throw new InvalidInputException(
              option
                  + " ("
                  + location
                  + "): the key would be written outside the channel folder; rename the object.");
        }
        Files.createDirectories(file.getParent());
        downloads.add(startDownload(location, file));
        bytes += object.size();
      }
      for (int i = 0; i < window.size(); i++) {
        S3Location location = new S3Location(folder.bucket(), window.get(i).key());
        Path file = root.resolve(window.get(i).key().substring(folder.key().length())).normalize();
        finishDownload(downloads.get(i), location, file, option);
      }
    }
    LOG.info("Downloaded {} objects ({} bytes) from {} to {}", objects.size(), bytes, folder, root);
    return objects.size();
  }

  /** Downloads one object to {@code file}. */
  public void downloadFile(S3Location object, Path file, String option) throws IOException {
    finishDownload(startDownload(object, file), object, file, option);
    LOG.info("Downloaded {} to {}", object, file);
  }

  private CompletableFuture<CompletedFileDownload> startDownload(S3Location object, Path file) {
    return downloads
        .downloadFile(
            DownloadFileRequest.builder()
                .getObjectRequest(g -> g.bucket(object.bucket()).key(object.key()))
                .destination(file)
                .addTransferListener(new TransferProgress("download " + object, LOG::info))
                .build())
        .completionFuture();
  }

  /** Waits for a download and checks the file against the object's ETag. */
  private static void finishDownload(
      CompletableFuture<CompletedFileDownload> download,
      S3Location object,
      Path file,
      String option)
      throws IOException {
    GetObjectResponse response;
    try {
      response = download.join().response();
    } catch (CompletionException e) {
      throw S3Errors.explain(e, object, option);
    }
    Optional<String> expected =
        isKmsOrCustomerKey(response.serverSideEncryptionAsString(), response.sseCustomerAlgorithm())
            ? Optional.empty()
            : Etags.expected(file, response.eTag(), PART_BYTES);
    if (expected.isPresent() && !expected.get().equals(Etags.strip(response.eTag()))) {
      Files.deleteIfExists(file);
      throw new InvalidInputException(
          option
              + " ("
              + object
              + "): the downloaded file does not match the object's checksum (ETag), so it was"
              + " discarded; run again, and if it persists the object is damaged.");
    }
  }

  /** KMS and customer-key encrypted objects have ETags that are not MD5s of their content. */
  private static boolean isKmsOrCustomerKey(String serverSideEncryption, String customerAlgorithm) {
    return serverSideEncryption != null && serverSideEncryption.startsWith("aws:kms")
        || customerAlgorithm != null;
  }

  /** Every object under {@code folder}, folder markers left out, in key order. */
  private List<S3Object> list(S3Location folder, String option) {
    List<S3Object> objects = new ArrayList<>();
    try {
      client
          .listObjectsV2Paginator(l -> l.bucket(folder.bucket()).prefix(folder.key()))
          .contents()
          .subscribe(
              o -> {
                if (!o.key().endsWith("/")) {
                  objects.add(o);
                }
              })
          .join();
    } catch (CompletionException e) {
      throw S3Errors.explain(e, folder, option);
    }
    return objects;
  }

  /** Uploads {@code file} to {@code object}, in parts if it is large; returns the ETag. */
  public String uploadFile(Path file, S3Location object, String option) throws IOException {
    try {
      CompletedFileUpload done =
          uploads
              .uploadFile(
                  UploadFileRequest.builder()
                      .putObjectRequest(p -> p.bucket(object.bucket()).key(object.key()))
                      .source(file)
                      .addTransferListener(new TransferProgress("upload " + object, LOG::info))
                      .build())
              .completionFuture()
              .join();
      String etag = done.response().eTag();
      String encryption = done.response().serverSideEncryptionAsString();
      Optional<String> expected =
          isKmsOrCustomerKey(encryption, done.response().sseCustomerAlgorithm())
              ? Optional.empty()
              : Etags.expected(file, etag, PART_BYTES);
      if (expected.isPresent() && !expected.get().equals(Etags.strip(etag))) {
        throw new InvalidInputException(
            option
                + " ("
                + object
                + "): S3 stored something other than what was sent (ETag "
                + etag
                + ", expected "
                + expected.get()
                + "); run the job again.");
      }
      LOG.info("Uploaded {} to {} (ETag {})", file, object, etag);
      return etag;
    } catch (CompletionException e) {
      throw S3Errors.explain(e, object, option);
    }
  }

  /** Writes a short text object (e.g. a failure reason). */
  public void putText(String text, S3Location object, String option) {
    try {
      client
          .putObject(
              p -> p.bucket(object.bucket()).key(object.key()).contentType("text/plain"),
              AsyncRequestBody.fromString(text))
          .join();
    } catch (CompletionException e) {
      throw S3Errors.explain(e, object, option);
    }
  }

  private static Region region(S3Settings settings) {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (settings.endpoint().isPresent()) {
        // S3-compatible stores rarely care about the region, but requests must be signed with one.
        return Region.US_EAST_1;
      }
      throw new InvalidInputException(
          "No AWS region was found for S3; set AWS_REGION (or a region in the AWS profile).", e);
    }
  }

  @Override
  public void close() {
    downloads.close();
    uploads.close();
    client.close();
    multipartClient.close();
    http.close();
    // Every transfer has completed by now; nothing is left for a quiet period to wait for.
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
