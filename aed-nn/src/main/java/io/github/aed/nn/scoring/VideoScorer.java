package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the raw per-task scores of a whole video's objects into frame scores and region scores (SSMTL §6.2–6.6):
 *
 * <ol>
 *   <li>each task's score is scaled to [0, 1] (ranges from the video or from training, per {@link Normalisation}),
 *       the scaled scores are summed, and the sum is scaled again: the object score S;</li>
 *   <li>S is splatted into a block map (blocks under the box take the maximum of the scores on them);</li>
 *   <li>the map is smoothed by a cubic mean filter over frames, rows and columns (optional);</li>
 *   <li>a frame's score is the maximum of its blocks; frames without objects score 0 before smoothing;</li>
 *   <li>the frame scores are smoothed in time ({@link TemporalFilter}).</li>
 * </ol>
 *
 * For live streams use {@link StreamingVideoScorer}, which gives the same numbers frame by frame. Immutable and
 * thread-safe.
 */
public final class VideoScorer {

    private final ScoringSettings settings;
    private final ScoreCombiner combiner;

    /**
     * @param settings   the scoring levers
     * @param statistics anchors of normal objects' scores; required when {@link Normalisation#fromTraining()}, ignored
     *                   otherwise (may be null then)
     */
    public VideoScorer(ScoringSettings settings, ScoreStatistics statistics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.combiner = new ScoreCombiner(settings, statistics);
    }

    public ScoringSettings settings() {
        return settings;
    }

    /**
     * Scores one whole video.
     *
     * @param video   the video's name, for messages and results
     * @param frames  number of frames of the video (every frame gets a score)
     * @param width   frame width in pixels
     * @param height  frame height in pixels
     * @param objects the raw task scores of every object of the video, all with the same tasks
     */
    public VideoScores score(String video, int frames, int width, int height, List<ObjectScores> objects) {
        if (frames < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException(video + ": needs at least one frame and a positive size, got "
                    + frames + " frames of " + width + "x" + height);
        }
        List<List<FramePipeline.Combined>> byFrame = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            byFrame.add(new ArrayList<>());
        }
        for (ObjectScores o : objects) {
            checkObject(video, frames, width, height, o);
        }
        for (FramePipeline.Combined c : combiner.combine(objects, video)) {
            byFrame.get(c.detection().frameIndex()).add(c);
        }
        FramePipeline pipeline = new FramePipeline(settings, width, height);
        List<ScoredFrame> out = new ArrayList<>(frames);
        for (List<FramePipeline.Combined> frameObjects : byFrame) {
            out.addAll(pipeline.push(frameObjects));
        }
        out.addAll(pipeline.finish());
        return new VideoScores(video, out, settings);
    }

    static void checkObject(String video, int frames, int width, int height, ObjectScores o) {
        int f = o.detection().frameIndex();
        if (f >= frames) {
            throw new InvalidInputException(video + ": object in frame " + f + ", but the video has " + frames + " frames");
        }
        Box b = o.detection().box();
        if (!b.isInside(width, height) || b.isEmpty()) {
            throw new InvalidInputException(video + " frame " + f + ": object box " + b
                    + " is empty or outside the " + width + "x" + height + " frame");
        }
    }
}
