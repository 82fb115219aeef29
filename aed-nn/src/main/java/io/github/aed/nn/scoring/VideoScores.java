package io.github.aed.nn.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The scores of one video: a score per frame (0-based, one per frame of the video), the scored objects and the settings
 * that produced them. Higher means more abnormal; the scale depends on {@link ScoringSettings#normalisation()}.
 */
public final class VideoScores {

    private final String video;
    private final double[] frameScores;
    private final List<ScoredObject> objects;
    private final ScoringSettings settings;
    private final BlockMap maps;

    VideoScores(String video, double[] frameScores, List<ScoredObject> objects, ScoringSettings settings, BlockMap maps) {
        this.video = video;
        this.frameScores = frameScores;
        this.objects = List.copyOf(objects);
        this.settings = settings;
        this.maps = maps;
    }

    public String video() {
        return video;
    }

    /** A copy of the frame scores, one per frame. */
    public double[] frameScores() {
        return frameScores.clone();
    }

    public double frameScore(int frame) {
        return frameScores[frame];
    }

    public int frameCount() {
        return frameScores.length;
    }

    /** The objects with their combined and per-task scores, in input order. */
    public List<ScoredObject> objects() {
        return objects;
    }

    /** The settings that produced these scores; print them with any metric computed from them. */
    public ScoringSettings settings() {
        return settings;
    }

    /**
     * The smoothed block map of a frame, row-major, {@link #mapRows()} × {@link #mapCols()} blocks of
     * {@code blockSize} pixels; present when {@link ScoringSettings#keepMaps()} was set.
     */
    public Optional<float[]> anomalyMap(int frame) {
        return maps == null ? Optional.empty() : Optional.of(maps.frame(frame));
    }

    /** Rows of the block map (0 when maps were not kept). */
    public int mapRows() {
        return maps == null ? 0 : maps.rows;
    }

    /** Columns of the block map (0 when maps were not kept). */
    public int mapCols() {
        return maps == null ? 0 : maps.cols;
    }
}
