package io.costwise.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report says about the model at its top: a title and free-form facts, such as the loss, the
 * costs it was trained with, the threshold rule and why it was chosen, and the hyperparameters.
 *
 * <p>Facts are shown in the iteration order of the map given (pass a {@link LinkedHashMap} to
 * control it); the record keeps that order in an unmodifiable copy.
 *
 * @param title what the report is about, e.g. "costwise train: my-job" (see {@link #titled}); it
 *     also opens every chart's title
 * @param facts label → value lines, in display order
 * @param warnings the caller's warnings, shown in the box at the top
 * @param date when the report was made, e.g. "2026-11-30", shown after the title in the page's
 *     heading; empty for none
 */
public record ReportContext(
    String title, Map<String, String> facts, List<String> warnings, String date) {

  /** A context without warnings of its own (the report still adds those it finds). */
  public ReportContext(String title, Map<String, String> facts) {
    this(title, facts, List.of());
  }

  /** A context without a date. */
  public ReportContext(String title, Map<String, String> facts, List<String> warnings) {
    this(title, facts, warnings, "");
  }

  /**
   * The title every command's report has: the command, then the job's name when SageMaker gave one,
   * else the output folder: "costwise train: my-job-2026", "costwise sweep: costwise-sweep".
   */
  public static String titled(String command, String jobOrFolder) {
    return "costwise " + command + ": " + jobOrFolder;
  }

  /** The page's heading: the title and the date. */
  public String heading() {
    return date.isEmpty() ? title : title + ", " + date;
  }

  public ReportContext {
    Objects.requireNonNull(date, "date");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(title, "title");
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    facts.forEach(
        (key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
    facts = Collections.unmodifiableMap(copy);
  }
}
