package io.costwise.report;

import java.util.Objects;

/**
 * One model of a comparison and its evaluation on the test split shared by all models.
 *
 * @param name short name for legends and table headers, e.g. "builtin", "5:1", "medical"
 * @param description one line on how it was trained, e.g. "custom loss, fn_cost 200, fp_cost 1"
 * @param test the model's scores and evaluation on the common test split
 */
public record ComparedModel(String name, String description, ScoredSplit test) {

  public ComparedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(test, "test");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a compared model needs a name");
    }
  }
}
