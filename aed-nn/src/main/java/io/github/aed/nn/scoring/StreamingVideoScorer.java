package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * Scores a live stream frame by frame: push each frame's objects as they are scored, get back the frames whose
 * results are final. A frame's result comes {@link #delay()} frames after it is pushed (the mean filter's and the
 * temporal filter's look-ahead); memory is bounded by that window. The numbers equal those of {@link VideoScorer} on
 * the whole video. Needs a non-transductive {@link Normalisation}. One instance per stream; not thread-safe.
 */
public final class StreamingVideoScorer {

    private final String stream;
    private final int width;
    private final int height;
    private final ScoreCombiner combiner;
    private final FramePipeline pipeline;
    private int next;

    /**
     * @param stream     the stream's name, for messages
     * @param width      frame width in pixels
     * @param height     frame height in pixels
     * @param settings   scoring levers; {@link Normalisation#PER_VIDEO_MIN_MAX} is rejected (it needs the whole video)
     * @param statistics training score anchors, required when {@link Normalisation#fromTraining()}
     */
    public StreamingVideoScorer(String stream, int width, int height, ScoringSettings settings, ScoreStatistics statistics) {
        Objects.requireNonNull(settings, "settings");
        if (settings.isTransductive()) {
            throw new IllegalArgumentException(settings.normalisation() + " normalisation needs the whole video; "
                    + "use VideoScorer, or TRAINING_QUANTILES for streams");
        }
        this.stream = Objects.requireNonNull(stream, "stream");
        this.width = width;
        this.height = height;
        this.combiner = new ScoreCombiner(settings, statistics);
        this.pipeline = new FramePipeline(settings, width, height);
    }

    /** Frames between pushing a frame and receiving its result. */
    public int delay() {
        return pipeline.delay();
    }

    /**
     * Adds the next frame's objects (possibly none) and returns the frames whose results became final.
     *
     * @param frame   the frame's index; frames must come in order from 0
     * @param objects the raw task scores of the frame's objects
     */
    public List<ScoredFrame> push(int frame, List<ObjectScores> objects) {
        if (frame != next) {
            throw new InvalidInputException(stream + ": expected frame " + next + ", got " + frame);
        }
        for (ObjectScores o : objects) {
            if (o.detection().frameIndex() != frame) {
                throw new InvalidInputException(stream + " frame " + frame + ": pushed with an object of frame " + o.detection().frameIndex());
            }
            VideoScorer.checkObject(stream, Integer.MAX_VALUE, width, height, o);
        }
        next++;
        return pipeline.push(combiner.combine(objects, stream));
    }

    /** Ends the stream and returns the remaining frames. */
    public List<ScoredFrame> finish() {
        return pipeline.finish();
    }
}
