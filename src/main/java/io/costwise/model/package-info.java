/**
 * The model: a logistic unit in Deeplearning4j, its losses, training loop, checkpoints and saved
 * form. DL4J and ND4J types never leave this package; callers see plain Java.
 */
package io.costwise.model;
