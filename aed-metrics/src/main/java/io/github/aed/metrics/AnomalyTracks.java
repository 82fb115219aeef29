package io.github.aed.metrics;

import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ground-truth anomaly tracks for RBDC/TBDC: each track is the sequence of per-frame regions of one anomalous object
 * or event. Tracks are numbered 0.. in the order they were first added; each remembers its video and the id it had
 * in its source (e.g. the {@code track_id} column of an AED track file). Immutable; built with {@link #builder()}.
 */
public final class AnomalyTracks {

    /**
     * One track.
     *
     * @param video    the video's name
     * @param sourceId the track's id in its source (unique within its video)
     * @param regions  how many regions (lines, boxes) it has
     */
    public record Track(String video, int sourceId, int regions) {
    }

    private final List<Track> tracks;
    private final List<TrackRegion> regions;

    private AnomalyTracks(List<Track> tracks, List<TrackRegion> regions) {
        this.tracks = List.copyOf(tracks);
        this.regions = List.copyOf(regions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tracks, indexed by {@link TrackRegion#track()}. */
    public List<Track> tracks() {
        return tracks;
    }

    /** Every region, in the order added. */
    public List<TrackRegion> regions() {
        return regions;
    }

    public int trackCount() {
        return tracks.size();
    }

    public int regionCount() {
        return regions.size();
    }

    @Override
    public String toString() {
        return "AnomalyTracks[" + tracks.size() + " tracks, " + regions.size() + " regions]";
    }

    /** Collects regions by (video, track id). */
    public static final class Builder {
        private final Map<String, Map<Integer, Integer>> index = new HashMap<>();
        private final List<String> trackVideos = new ArrayList<>();
        private final List<Integer> trackIds = new ArrayList<>();
        private final List<Integer> trackSizes = new ArrayList<>();
        private final List<TrackRegion> regions = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds one region to the track {@code sourceId} of {@code video}, creating the track on first use.
         *
         * @param frame 0-based frame index
         * @param box   half-open pixel box, not empty
         */
        public Builder add(String video, int sourceId, int frame, Box box) {
            Objects.requireNonNull(video, "video");
            int track = index.computeIfAbsent(video, v -> new HashMap<>()).computeIfAbsent(sourceId, id -> {
                trackVideos.add(video);
                trackIds.add(id);
                trackSizes.add(0);
                return trackVideos.size() - 1;
            });
            regions.add(new TrackRegion(video, track, frame, box));
            trackSizes.set(track, trackSizes.get(track) + 1);
            return this;
        }

        public AnomalyTracks build() {
            List<Track> tracks = new ArrayList<>(trackVideos.size());
            for (int i = 0; i < trackVideos.size(); i++) {
                tracks.add(new Track(trackVideos.get(i), trackIds.get(i), trackSizes.get(i)));
            }
            return new AnomalyTracks(tracks, regions);
        }
    }
}
