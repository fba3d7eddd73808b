/**
 * SageMaker's hosting contract: a transport-free inference service (decode → predict → encode) and
 * a thin HTTP adapter for {@code /ping}, {@code /invocations} and {@code /execution-parameters}.
 */
package io.costwise.serve;
