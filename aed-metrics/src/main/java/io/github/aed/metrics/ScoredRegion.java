package io.github.aed.metrics;

import io.github.aed.core.geometry.Box;
import java.util.Objects;

/**
 * One detected anomalous region for RBDC/TBDC: a box in one frame of one video, with an anomaly score (higher means
 * more abnormal).
 *
 * @param video the video's name as the dataset spells it
 * @param frame 0-based frame index within the video
 * @param box   half-open pixel box, not empty ({@code REGIONS.csv} stores inclusive corners, converted on reading)
 * @param score finite anomaly score
 */
public record ScoredRegion(String video, int frame, Box box, double score) {

    /** Validates the fields; folds a score of −0.0 into 0.0 so that the two tie. */
    public ScoredRegion {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(box, "box");
        if (frame < 0) {
            throw new IllegalArgumentException(video + ": region frame must be >= 0, got " + frame);
        }
        if (box.isEmpty()) {
            throw new IllegalArgumentException(video + " frame " + frame + ": region " + box + " is empty");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException(video + " frame " + frame + ": region score is not finite: " + score);
        }
        score = score + 0.0;
    }
}
