/**
 * From network outputs to anomaly scores: per-object raw scores per task, their normalisation and combination, block
 * maps over the frame (pixel blocks, row-major), spatial and temporal smoothing, and per-frame scores (0-based frame
 * indices, higher is more abnormal).
 */
package io.github.aed.nn.scoring;
