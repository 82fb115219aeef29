/**
 * Progress reporting for long runs (training, scoring, benchmarks): a listener interface, the reported state, and a
 * meter that measures rates and remaining time. No logging library is assumed.
 */
package io.github.aed.core.progress;
