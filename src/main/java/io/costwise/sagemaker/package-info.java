/**
 * SageMaker's container contract: paths, environment variables, content types and config files.
 * Nothing outside this package spells {@code /opt/ml} or reads the environment.
 */
package io.costwise.sagemaker;
