/** Labelled tabular data and the readers that load it from SageMaker channels. */
package io.costwise.data;
