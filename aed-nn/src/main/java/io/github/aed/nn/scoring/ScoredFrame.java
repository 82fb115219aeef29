package io.github.aed.nn.scoring;

import java.util.List;
import java.util.Optional;

/**
 * One frame's final result: its score after every smoothing step, the objects detected in it, and, when maps are kept,
 * its smoothed block map (row-major, rows × cols blocks).
 *
 * @param frame   0-based frame index
 * @param score   the frame's anomaly score (higher is more abnormal)
 * @param objects the objects of this frame with their scores
 * @param map     the smoothed block map, if {@link ScoringSettings#keepMaps()} was set
 */
public record ScoredFrame(int frame, double score, List<ScoredObject> objects, Optional<float[]> map) {

    /** Copies the object list. */
    public ScoredFrame {
        objects = List.copyOf(objects);
    }
}
