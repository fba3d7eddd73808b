package io.costwise.sagemaker;

import java.util.Locale;

/** The MIME types costwise reads and writes, and how a declared type is compared with them. */
public final class ContentTypes {
  public static final String CSV = "text/csv";
  public static final String JSON = "application/json";
  public static final String JSON_LINES = "application/jsonlines";

  /** NumPy's {@code .npy} format, as the SageMaker SDK's {@code NumpySerializer} sends it. */
  public static final String NPY = "application/x-npy";

  private ContentTypes() {}

  /**
   * The media type without parameters, lower-cased: {@code "text/csv; charset=utf-8"} and {@code
   * "TEXT/CSV;label_size=1"} are both {@code text/csv}.
   */
  public static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The canonical media type for a request or response type costwise speaks, or null: JSON Lines
   * also arrives as {@code application/jsonl} and {@code application/x-jsonlines}.
   */
  public static String canonical(String contentType) {
    return switch (mediaType(contentType)) {
      case CSV -> CSV;
      case JSON -> JSON;
      case JSON_LINES, "application/jsonl", "application/x-jsonlines" -> JSON_LINES;
      default -> null;
    };
  }

  /**
   * Whether a training channel's declared type is CSV: {@code text/csv} with any parameters, or the
   * bare {@code csv} that SageMaker's XGBoost examples pass as {@code content_type}.
   */
  /**
   * The canonical media type of a request body costwise reads, or null: those of {@link #canonical}
   * and {@link #NPY}, which it reads but does not write.
   */
  public static String canonicalRequest(String contentType) {
    String canonical = canonical(contentType);
    if (canonical == null && mediaType(contentType).equals(NPY)) {
      return NPY;
    }
    return canonical;
  }

  public static boolean isCsv(String contentType) {
    String type = mediaType(contentType);
    return type.equals(CSV) || type.equals("csv");
  }
}
