/**
 * The learners: the shared epoch loop ({@link io.costwise.learn.Trainer}), the fast engine and
 * Deeplearning4j's, their losses and optimisers, checkpoints, and the DL4J model zip. DL4J and ND4J
 * types never leave this package; callers see plain Java and the saved model of {@link
 * io.costwise.artifact}.
 */
package io.costwise.learn;
