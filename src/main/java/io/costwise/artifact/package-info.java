/**
 * The saved model, the one artifact every command reads: its description ({@code model.json}), the
 * network as plain arithmetic ({@link io.costwise.artifact.NetworkScorer}), the model folder and
 * its archive. Plain Java: no DL4J, no native libraries; {@code train} writes it, {@code serve} and
 * {@code evaluate} read it.
 */
package io.costwise.artifact;
