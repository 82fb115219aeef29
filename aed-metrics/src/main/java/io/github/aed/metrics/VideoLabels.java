package io.github.aed.metrics;

import java.util.Objects;

/**
 * The frame-level ground truth of one test video: for each 0-based frame, whether it is abnormal. Immutable.
 */
public final class VideoLabels {

    private final String video;
    private final boolean[] abnormal;
    private final int abnormalCount;

    /**
     * @param video    the video's name as the dataset spells it ({@code Test001}, {@code 01}, {@code 01_0014})
     * @param abnormal one entry per frame, frame 0 first; copied
     */
    public VideoLabels(String video, boolean[] abnormal) {
        this.video = Objects.requireNonNull(video, "video");
        if (abnormal.length == 0) {
            throw new IllegalArgumentException("video " + video + " has no frames");
        }
        this.abnormal = abnormal.clone();
        int n = 0;
        for (boolean b : abnormal) {
            n += b ? 1 : 0;
        }
        this.abnormalCount = n;
    }

    public String video() {
        return video;
    }

    /** Number of frames. */
    public int frameCount() {
        return abnormal.length;
    }

    /** Number of abnormal frames. */
    public int abnormalCount() {
        return abnormalCount;
    }

    /** Whether 0-based frame {@code frame} is abnormal. */
    public boolean isAbnormal(int frame) {
        return abnormal[frame];
    }

    /** A copy of the labels, frame 0 first. */
    public boolean[] labels() {
        return abnormal.clone();
    }

    @Override
    public String toString() {
        return video + " (" + frameCount() + " frames, " + abnormalCount + " abnormal)";
    }
}
