/** SageMaker's training job: reads the contract's inputs, trains, writes the model and outcome. */
package io.costwise.train;
