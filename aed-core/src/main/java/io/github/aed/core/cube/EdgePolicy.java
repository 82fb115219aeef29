package io.github.aed.core.cube;

/**
 * What to do with a detection in the first or last k frames of a video, where frames i−k … i+k do not all exist.
 */
public enum EdgePolicy {
    /**
     * Make no cube. The reference implementation does this: objects are only extracted from frames k … N−1−k. Skipped
     * detections are counted ({@link StreamingCubeExtractor#skippedDetections()}), never dropped unnoticed.
     */
    SKIP,
    /** Repeat the first (or last) frame of the video for the offsets that fall outside it. */
    CLAMP
}
