package io.github.aed.core.scene;

import io.github.aed.core.geometry.Box;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The ground truth of one anomalous object in a generated scene: its box in every frame where it is visible.
 *
 * @param id    0-based track id, unique within the video
 * @param kind  what makes the object abnormal
 * @param boxes frame index (0-based) → the object's box in that frame (half-open pixels, clipped to the frame)
 */
public record AnomalyTrack(int id, AnomalyKind kind, NavigableMap<Integer, Box> boxes) {

    /** Copies the boxes into an unmodifiable map. */
    public AnomalyTrack {
        boxes = Collections.unmodifiableNavigableMap(new TreeMap<>(boxes));
    }

    /** First frame in which the object is visible. */
    public int firstFrame() {
        return boxes.firstKey();
    }

    /** Last frame in which the object is visible. */
    public int lastFrame() {
        return boxes.lastKey();
    }
}
