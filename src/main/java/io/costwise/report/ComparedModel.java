package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a comparison and its evaluation on the test split shared by all models.
 *
 * @param name short name for legends and table headers, e.g. "builtin", "5:1", "medical"
 * @param description one line on how it was trained, e.g. "custom loss, fn_cost 200, fp_cost 1"
 * @param test the model's scores and evaluation on the common test split
 * @param ruleName how {@code test}'s threshold was chosen, e.g. "0.5"
 * @param otherRules the same scores decided by other rules, e.g. "cost-optimal" → its evaluation,
 *     in display order; empty when only one rule was tried
 */
public record ComparedModel(
    String name,
    String description,
    ScoredSplit test,
    String ruleName,
    Map<String, Evaluation> otherRules) {

  /** A model decided by one rule only. */
  public ComparedModel(String name, String description, ScoredSplit test) {
    this(name, description, test, "threshold", Map.of());
  }

  public ComparedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(test, "test");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a compared model needs a name");
    }
    Objects.requireNonNull(ruleName, "ruleName");
    otherRules = Collections.unmodifiableMap(new LinkedHashMap<>(otherRules));
    for (Evaluation other : otherRules.values()) {
      if (other.matrix().total() != test.evaluation().matrix().total()) {
        throw new IllegalArgumentException("another rule's evaluation counts other cases");
      }
    }
  }

  /** Every rule's evaluation, the main one first. */
  public Map<String, Evaluation> allRules() {
    Map<String, Evaluation> all = new LinkedHashMap<>();
    all.put(ruleName, test.evaluation());
    all.putAll(otherRules);
    return all;
  }
}
