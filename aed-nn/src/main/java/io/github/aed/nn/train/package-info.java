/**
 * Training: indexing the normal videos' objects, making each task's seeded samples on a second thread, batching
 * them into the network's inputs (NDHWC per encoder path), epochs with validation, checkpoints and progress.
 */
package io.github.aed.nn.train;
