package io.costwise.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A labelled table for binary classification: {@code rows × columns} real features and a 0/1 label
 * per row.
 *
 * <p>Features are held row-major in one array, which is what both ND4J and a hand-written dot
 * product want, and halves the object overhead of {@code double[][]}. The class is immutable:
 * constructors and accessors copy arrays.
 */
public final class Dataset {
  private final List<String> featureNames;
  private final double[] features;
  private final int[] labels;
  private final String sha256;

  /**
   * @param featureNames one name per column (from a header row, or {@code f1 … fN})
   * @param features row-major values, {@code labels.length × featureNames.size()} of them
   * @param labels 0 or 1 per row
   * @param sha256 hex SHA-256 of the bytes the data was read from, for provenance
   */
  public Dataset(List<String> featureNames, double[] features, int[] labels, String sha256) {
    this(featureNames, features.clone(), labels.clone(), sha256, true);
  }

  /** Takes ownership of the arrays without copying: for readers in this package only. */
  private Dataset(
      List<String> featureNames, double[] features, int[] labels, String sha256, boolean owned) {
    this.featureNames = List.copyOf(featureNames);
    this.labels = labels;
    this.features = features;
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    if (features.length != (long) labels.length * featureNames.size()) {
      throw new IllegalArgumentException(
          "features has "
              + features.length
              + " values, expected "
              + labels.length
              + " rows × "
              + featureNames.size()
              + " columns");
    }
    for (int label : labels) {
      if (label != 0 && label != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1, got " + label);
      }
    }
  }

  /**
   * Wraps arrays the caller has just built and will not touch again, avoiding a copy of what may be
   * hundreds of megabytes.
   */
  static Dataset ofOwnedArrays(
      List<String> featureNames, double[] features, int[] labels, String sha256) {
    return new Dataset(featureNames, features, labels, sha256, true);
  }

  /** Default feature names {@code f1 … fN}, used when the data has no header row. */
  public static List<String> defaultFeatureNames(int columns) {
    String[] names = new String[columns];
    for (int i = 0; i < columns; i++) {
      names[i] = "f" + (i + 1);
    }
    return List.of(names);
  }

  public int rows() {
    return labels.length;
  }

  public int columns() {
    return featureNames.size();
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public double feature(int row, int column) {
    return features[row * featureNames.size() + column];
  }

  public int label(int row) {
    return labels[row];
  }

  /** A copy of the features, row-major. */
  public double[] featuresRowMajor() {
    return features.clone();
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Copies rows {@code [from, to)} into {@code destination}, row-major from index 0: the way
   * learners and scorers read data, a block at a time, whatever the storage.
   */
  public void readRows(int from, int to, double[] destination) {
    int columns = featureNames.size();
    System.arraycopy(features, from * columns, destination, 0, (to - from) * columns);
  }

  /** Copies one row's features into {@code destination} at {@code offset}. */
  public void readRow(int row, double[] destination, int offset) {
    int columns = featureNames.size();
    System.arraycopy(features, row * columns, destination, offset, columns);
  }

  /** A copy of one row's features. */
  public double[] row(int row) {
    int columns = featureNames.size();
    return Arrays.copyOfRange(features, row * columns, (row + 1) * columns);
  }

  /** The number of rows whose label is 1. */
  public int positives() {
    int count = 0;
    for (int label : labels) {
      count += label;
    }
    return count;
  }

  /** The number of rows whose label is 0. */
  public int negatives() {
    return labels.length - positives();
  }

  /** Hex SHA-256 of the bytes the data was read from. */
  public String sha256() {
    return sha256;
  }

  /** The rows at the given indices, in that order (used for splits and folds). */
  public Dataset select(int[] rowIndices, String derivedSha256) {
    int columns = featureNames.size();
    double[] selected = new double[rowIndices.length * columns];
    int[] selectedLabels = new int[rowIndices.length];
    for (int i = 0; i < rowIndices.length; i++) {
      System.arraycopy(features, rowIndices[i] * columns, selected, i * columns, columns);
      selectedLabels[i] = labels[rowIndices[i]];
    }
    return ofOwnedArrays(featureNames, selected, selectedLabels, derivedSha256);
  }
}
