/** Hyperparameters: the table of valid keys, their validation, and the immutable settings. */
package io.costwise.config;
