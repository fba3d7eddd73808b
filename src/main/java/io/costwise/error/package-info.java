/** Errors that are the user's to fix, reported as one clear sentence. */
package io.costwise.error;
