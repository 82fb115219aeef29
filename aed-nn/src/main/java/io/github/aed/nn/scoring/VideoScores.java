package io.github.aed.nn.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The scores of one video: a score per frame (0-based, one per frame of the video), the scored objects and the settings
 * that produced them. Higher means more abnormal; the scale depends on {@link ScoringSettings#normalisation()}.
 */
public final class VideoScores {

    private final String video;
    private final List<ScoredFrame> frames;
    private final ScoringSettings settings;

    VideoScores(String video, List<ScoredFrame> frames, ScoringSettings settings) {
        this.video = video;
        this.frames = List.copyOf(frames);
        this.settings = settings;
    }

    public String video() {
        return video;
    }

    /** The per-frame results, in frame order. */
    public List<ScoredFrame> frames() {
        return frames;
    }

    /** The frame scores, one per frame. */
    public double[] frameScores() {
        return frames.stream().mapToDouble(ScoredFrame::score).toArray();
    }

    public double frameScore(int frame) {
        return frames.get(frame).score();
    }

    public int frameCount() {
        return frames.size();
    }

    /** Every object with its combined and per-task scores, in frame order. */
    public List<ScoredObject> objects() {
        return frames.stream().flatMap(f -> f.objects().stream()).toList();
    }

    /** The settings that produced these scores; print them with any metric computed from them. */
    public ScoringSettings settings() {
        return settings;
    }

    /** The smoothed block map of a frame, when {@link ScoringSettings#keepMaps()} was set. */
    public Optional<float[]> anomalyMap(int frame) {
        return frames.get(frame).map().map(float[]::clone);
    }
}
