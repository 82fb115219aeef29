package io.github.aed.metrics;

import io.github.aed.core.geometry.Box;
import java.util.Objects;

/**
 * One ground-truth region: the box of one anomalous object or event in one frame, and the track it belongs to.
 *
 * @param video the video's name
 * @param track the track's index in its {@link AnomalyTracks} (0-based over all videos)
 * @param frame 0-based frame index within the video
 * @param box   the region, half-open pixel box (files with inclusive corners are converted on reading)
 */
public record TrackRegion(String video, int track, int frame, Box box) {

    /** Validates the fields. */
    public TrackRegion {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(box, "box");
        if (frame < 0 || track < 0) {
            throw new IllegalArgumentException("frame and track must be >= 0, got frame " + frame + ", track " + track);
        }
        if (box.isEmpty()) {
            throw new IllegalArgumentException(video + " frame " + frame + ": ground-truth region " + box + " is empty");
        }
    }
}
