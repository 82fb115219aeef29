/**
 * The small command-line framework of {@code ./aed}: the {@link io.github.aed.examples.cli.Command} contract, option
 * parsing and usage errors.
 */
package io.github.aed.examples.cli;
