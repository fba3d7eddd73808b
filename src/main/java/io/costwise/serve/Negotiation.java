package io.costwise.serve;

import io.costwise.sagemaker.ContentTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Content negotiation as SageMaker's built-in containers do it. */
final class Negotiation {
  /** The response types (and, with {@link #REQUEST_TYPES}, the request types). */
  static final String SUPPORTED = "text/csv, application/json, application/jsonlines";

  static final String REQUEST_TYPES = SUPPORTED + ", application/x-npy";

  private Negotiation() {}

  /** The request's media type; a missing Content-Type is read as CSV (the SageMaker default). */
  static String requestType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return ContentTypes.CSV;
    }
    String canonical = ContentTypes.canonicalRequest(contentType);
    if (canonical == null) {
      throw ServingException.unsupportedMediaType(
          "Content-Type '"
              + Echo.clip(contentType.strip())
              + "' is not supported; send "
              + REQUEST_TYPES
              + ".");
    }
    return canonical;
  }

  /**
   * The response's media type: the most preferred supported type of the Accept header ({@code q}
   * weights honoured), or {@code defaultAccept} when the header is missing or accepts anything.
   */
  static String responseType(String accept, String defaultAccept) {
    if (accept == null || accept.isBlank()) {
      return defaultAccept;
    }
    record Choice(String type, double q, int order) {}
    List<Choice> choices = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      double q = 1.0;
      for (String parameter : part.split(";")) {
        String p = parameter.strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > 0) {
        choices.add(new Choice(ContentTypes.mediaType(part), q, i));
      }
    }
    choices.sort(Comparator.comparingDouble(Choice::q).reversed().thenComparingInt(Choice::order));
    for (Choice choice : choices) {
      if (choice.type().equals("*/*") || choice.type().equals("*")) {
        return defaultAccept;
      }
      String canonical = ContentTypes.canonical(choice.type());
      if (canonical != null) {
        return canonical;
      }
      if (choice.type().equals("application/*")) {
        return ContentTypes.JSON;
      }
      if (choice.type().equals("text/*")) {
        return ContentTypes.CSV;
      }
    }
    throw ServingException.notAcceptable(
        "Accept '"
            + Echo.clip(accept.strip())
            + "' names no supported type; accept "
            + SUPPORTED
            + ".");
  }
}
