/** The command line: parses arguments and hands immutable settings to the jobs. */
package io.costwise.cli;
