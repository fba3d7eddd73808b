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
 * @param title the report's heading, e.g. "medical: custom loss, fn_cost 200"
 * @param facts label → value lines, in display order
 */
public record ReportContext(String title, Map<String, String> facts, List<String> warnings) {

  /** A context without warnings of its own (the report still adds those it finds). */
  public ReportContext(String title, Map<String, String> facts) {
    this(title, facts, List.of());
  }

  public ReportContext {
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(title, "title");
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    facts.forEach(
        (key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
    facts = Collections.unmodifiableMap(copy);
  }
}
