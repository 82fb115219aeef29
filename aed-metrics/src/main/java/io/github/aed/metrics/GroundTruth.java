package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ground truth of a test set: per-video frame labels and, when available, anomaly tracks for RBDC/TBDC. It says
 * where its labels and tracks came from, and that provenance is printed with every evaluation. Immutable.
 *
 * <p>Read one with a dataset reader ({@link UcsdGroundTruth}, {@link AvenueGroundTruth},
 * {@link ShanghaiTechGroundTruth}, or {@link GroundTruthFormat}) or build one with {@link #of}; attach other tracks
 * with {@link #withTracks} (e.g. from {@link AedTrackFiles}).
 */
public final class GroundTruth {

    private final String dataset;
    private final String labelSource;
    private final List<VideoLabels> videos;
    private final Map<String, VideoLabels> byName;
    private final AnomalyTracks tracks;
    private final String trackSource;

    private GroundTruth(String dataset, String labelSource, List<VideoLabels> videos, AnomalyTracks tracks, String trackSource) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.labelSource = Objects.requireNonNull(labelSource, "labelSource");
        this.videos = List.copyOf(videos);
        this.trackSource = Objects.requireNonNull(trackSource, "trackSource");
        if (this.videos.isEmpty()) {
            throw new IllegalArgumentException(dataset + ": ground truth has no videos");
        }
        Map<String, VideoLabels> m = new LinkedHashMap<>();
        for (VideoLabels v : this.videos) {
            if (m.put(v.video(), v) != null) {
                throw new IllegalArgumentException(dataset + ": video " + v.video() + " appears twice");
            }
        }
        this.byName = m;
        this.tracks = tracks;
        if (tracks != null) {
            checkTracks(tracks);
        }
    }

    /**
     * Ground truth without tracks.
     *
     * @param dataset     the dataset's name, for reports
     * @param labelSource where the frame labels come from (file and version), for reports
     * @param videos      the test videos in their usual order; names must be unique
     */
    public static GroundTruth of(String dataset, String labelSource, List<VideoLabels> videos) {
        return new GroundTruth(dataset, labelSource, videos, null, "none");
    }

    /** Ground truth with no tracks, saying why there are none (e.g. "no pixel masks for Test003"). */
    public GroundTruth withoutTracks(String reason) {
        return new GroundTruth(dataset, labelSource, videos, null, "none: " + reason);
    }

    /**
     * The same labels with these tracks.
     *
     * @param source where the tracks come from, for reports (e.g. "AED track files in DIR", "derived from pixel masks")
     * @throws InvalidInputException if a region lies in an unknown video or beyond its video's last frame
     */
    public GroundTruth withTracks(AnomalyTracks tracks, String source) {
        return new GroundTruth(dataset, labelSource, videos, Objects.requireNonNull(tracks, "tracks"), source);
    }

    private void checkTracks(AnomalyTracks t) {
        for (TrackRegion r : t.regions()) {
            VideoLabels v = byName.get(r.video());
            if (v == null) {
                throw new InvalidInputException(dataset + ": track region in video " + r.video()
                        + ", which is not a test video of the ground truth");
            }
            if (r.frame() >= v.frameCount()) {
                throw new InvalidInputException(dataset + ": track region in " + r.video() + " frame " + r.frame()
                        + ", beyond the video's " + v.frameCount() + " frames (frames are 0-based)");
            }
        }
    }

    public String dataset() {
        return dataset;
    }

    /** Where the frame labels come from, and which version they are. */
    public String labelSource() {
        return labelSource;
    }

    /** The test videos in order. */
    public List<VideoLabels> videos() {
        return videos;
    }

    /** A video by name. */
    public Optional<VideoLabels> video(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The anomaly tracks, if this ground truth has them. */
    public Optional<AnomalyTracks> tracks() {
        return Optional.ofNullable(tracks);
    }

    /** Where the tracks come from, or "none: reason". */
    public String trackSource() {
        return trackSource;
    }

    /** Number of test frames over all videos. */
    public long frameCount() {
        return videos.stream().mapToLong(VideoLabels::frameCount).sum();
    }

    /** Number of abnormal test frames over all videos. */
    public long abnormalCount() {
        return videos.stream().mapToLong(VideoLabels::abnormalCount).sum();
    }

    @Override
    public String toString() {
        return dataset + ": " + videos.size() + " videos, " + frameCount() + " frames (" + abnormalCount() + " abnormal); labels: "
                + labelSource + "; tracks: " + trackSource;
    }
}
