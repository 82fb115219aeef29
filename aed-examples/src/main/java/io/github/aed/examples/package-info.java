/**
 * The {@code ./aed} command-line programs: the demo, training, scoring, evaluation, detection, live view, the
 * custom-task example and the benchmarks; each command is one class. An application, not an API.
 */
package io.github.aed.examples;
