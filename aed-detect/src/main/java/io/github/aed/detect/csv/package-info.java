/**
 * Detections stored as CSV files: a detector that replays them and a writer that records any detector's output, with
 * 0-based frame indices and inclusive pixel corners in the files (converted to half-open boxes when read).
 */
package io.github.aed.detect.csv;
