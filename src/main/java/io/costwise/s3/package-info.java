/**
 * S3 transfers for jobs run outside SageMaker: the staging SageMaker does before a training job
 * (channels in, {@code model.tar.gz} and {@code output.tar.gz} out) and before hosting (model data
 * in). AWS SDK for Java v2 types stay inside this package.
 */
package io.costwise.s3;
