package io.github.aed.nn.scoring;

import io.github.aed.core.detection.Detection;
import java.util.Map;

/**
 * One object after scoring.
 *
 * @param detection   the object
 * @param score       its combined anomaly score S after normalisation (0 = as normal as it gets)
 * @param regionScore the score its box gets as a region for RBDC/TBDC (per {@link RegionScoreMode})
 * @param rawByTask   the raw score of each task, as the network gave it
 */
public record ScoredObject(Detection detection, double score, double regionScore, Map<String, Double> rawByTask) {

    /** Copies the task scores. */
    public ScoredObject {
        rawByTask = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rawByTask));
    }
}
