/** costwise: cost-sensitive binary classification for SageMaker. */
package io.costwise;
