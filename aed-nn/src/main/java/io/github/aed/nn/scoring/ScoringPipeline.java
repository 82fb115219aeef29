package io.github.aed.nn.scoring;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.progress.ProgressListener;
import io.github.aed.core.progress.ProgressMeter;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.DetectedFrames;
import io.github.aed.detect.DetectedFrames.DetectedFrame;
import io.github.aed.detect.DetectorLease;
import io.github.aed.detect.ObjectDetector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a video through every stage: detection → object cubes → per-task scores → frame scores. Whole videos go
 * through {@link #score(Video)}; live streams through {@link #stream}, which hands out each frame's result as soon as
 * it is final.
 *
 * <p><b>Threads.</b> Uses one detector and one scorer, so one pipeline scores one video at a time, and it is not
 * thread-safe. It holds its detector for the whole of each call ({@link DetectorLease}): a second call that reaches
 * the same detector instance meanwhile (this pipeline from another thread, another pipeline sharing the detector, or
 * a nested call from a sink) fails at once with an {@link IllegalStateException} naming the detector, instead of
 * corrupting its per-video state. The scorer is not guarded: give each pipeline its own. Progress (frames done/total,
 * frames/s, ETA) goes to the listeners every few seconds, on the calling thread. Frames are read and detected up to
 * {@code detectAhead} frames ahead on a reading thread ({@link DetectedFrames}), so that detection overlaps with cutting
 * and scoring cubes; the scores are the same for every {@code detectAhead}.
 */
public final class ScoringPipeline {

    private final ObjectDetector detector;
    private final CubeScorer scorer;
    private final ScoringSettings settings;
    private final ScoreStatistics statistics;
    private final List<ProgressListener> listeners;
    private final int batchSize;
    private final Box frameSize;
    private final int detectAhead;

    /**
     * @param detector   finds the objects; reset before each video
     * @param scorer     scores the objects' cubes
     * @param settings   the scoring levers
     * @param statistics training score anchors (needed when {@link Normalisation#fromTraining()})
     * @param listeners  progress listeners
     * @param batchSize  cubes scored together in whole-video scoring (at least 1)
     * @param frameSize  the size every frame must have (e.g. the one the model was trained on, as a box at the
     *                   origin), or null to accept any size
     * @param detectAhead frames read and detected before the scorer needs them, on a thread of their own (at least 0;
     *                   0 detects on the calling thread)
     */
    public ScoringPipeline(ObjectDetector detector, CubeScorer scorer, ScoringSettings settings, ScoreStatistics statistics,
                           List<ProgressListener> listeners, int batchSize, Box frameSize, int detectAhead) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.statistics = statistics;
        this.listeners = List.copyOf(listeners);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.frameSize = frameSize;
        this.detectAhead = DetectedFrames.checkedAhead(detectAhead);
        if (settings.normalisation().fromTraining() && statistics == null) {
            throw new IllegalArgumentException(settings.normalisation() + " normalisation needs the training score statistics");
        }
    }

    /**
     * Scores a whole video.
     *
     * @throws InvalidInputException if the video has no frames or is shorter than a cube
     * @throws IllegalStateException if the detector is busy with another video (see the class comment)
     */
    public VideoScores score(Video video) {
        List<ObjectScores> objects = new ArrayList<>();
        int frameCount;
        int width;
        int height;
        try (DetectorLease lease = DetectorLease.take(detector, "scoring " + video.name());
             DetectedFrames frames = detectAhead(video.open());
             StreamingCubeExtractor cubes = new StreamingCubeExtractor(scorer.cubeSettings())) {
            if (!frames.hasNext()) {
                throw new InvalidInputException(video + " has no frames");
            }
            ProgressMeter meter = meter("scoring " + frames.name(), frames.frameCount().orElse(-1));
            List<CubeBatch> pending = new ArrayList<>();
            RecentFrames recent = new RecentFrames();
            int pendingCubes = 0;
            Frame frame = null;
            while (frames.hasNext()) {
                DetectedFrame detected = frames.next();
                frame = detected.frame();
                recent.add(frame);
                CubeBatch ready = cubes.push(frame, detected.detections());
                if (!ready.isEmpty()) {
                    pending.add(ready);
                    pendingCubes += ready.size();
                }
                if (pendingCubes >= batchSize) {
                    objects.addAll(scorer.score(CubeBatch.concat(pending), recent::get));
                    pending.clear();
                    pendingCubes = 0;
                }
                int k = scorer.cubeSettings().temporalRadius();
                int oldestNeeded = pending.isEmpty() ? frame.index() - k : pending.get(0).detections().get(0).frameIndex();
                recent.dropBefore(oldestNeeded - k);
                meter.advance(1);
            }
            CubeBatch last = cubes.finish();
            if (!last.isEmpty()) {
                pending.add(last);
            }
            if (!pending.isEmpty()) {
                objects.addAll(scorer.score(CubeBatch.concat(pending), recent::get));
            }
            meter.finish();
            frameCount = frame.index() + 1;
            width = frame.width();
            height = frame.height();
        }
        return new VideoScorer(settings, statistics).score(video.name(), frameCount, width, height, objects);
    }

    /**
     * Scores a live stream, handing each frame's final result to {@code sink} as soon as it is known: the cube's k
     * frames plus {@link StreamingVideoScorer#delay()} frames after the frame arrived. Needs a non-transductive
     * normalisation. Its own buffers (frames, pending cubes and scores, block maps) hold only the cube's and the
     * filters' reach, however long the stream runs.
     *
     * @throws IllegalStateException if the detector is busy with another video (see the class comment)
     */
    public void stream(FrameSource source, Consumer<ScoredFrame> sink) {
        try (source; DetectorLease lease = DetectorLease.take(detector, "scoring the stream " + source.name());
             DetectedFrames frames = detectAhead(source);
             StreamingCubeExtractor cubes = new StreamingCubeExtractor(scorer.cubeSettings())) {
            ProgressMeter meter = meter("scoring " + frames.name(), frames.frameCount().orElse(-1));
            StreamingVideoScorer frameScorer = null;
            PendingFrames pending = new PendingFrames();
            RecentFrames recent = new RecentFrames();
            int k = scorer.cubeSettings().temporalRadius();
            while (frames.hasNext()) {
                DetectedFrame detected = frames.next();
                Frame frame = detected.frame();
                if (frameScorer == null) {
                    frameScorer = new StreamingVideoScorer(frames.name(), frame.width(), frame.height(), settings, statistics);
                }
                recent.add(frame);
                pending.add();
                pending.record(scorer, cubes.push(frame, detected.detections()), recent);
                pending.release(frameScorer, frame.index() - k, sink);
                recent.dropBefore(frame.index() - 2 * k);
                meter.advance(1);
            }
            if (frameScorer == null) {
                throw new InvalidInputException(frames.name() + " has no frames");
            }
            pending.record(scorer, cubes.finish(), recent);
            pending.release(frameScorer, Integer.MAX_VALUE, sink);
            frameScorer.finish().forEach(sink);
            meter.finish();
        }
    }

    /** The scored objects of frames whose cubes may still be coming; frames leave once all their cubes are cut. */
    private static final class PendingFrames {
        private final ArrayDeque<List<ObjectScores>> frames = new ArrayDeque<>();
        private int first;

        void add() {
            frames.addLast(new ArrayList<>());
        }

        void record(CubeScorer scorer, CubeBatch ready, RecentFrames recent) {
            if (ready.isEmpty()) {
                return;
            }
            List<List<ObjectScores>> view = new ArrayList<>(frames);
            for (ObjectScores o : scorer.score(ready, recent::get)) {
                view.get(o.detection().frameIndex() - first).add(o);
            }
        }

        /** Pushes every held frame up to {@code complete} to the frame scorer. */
        void release(StreamingVideoScorer frameScorer, int complete, Consumer<ScoredFrame> sink) {
            while (!frames.isEmpty() && first <= complete) {
                frameScorer.push(first, frames.removeFirst()).forEach(sink);
                first++;
            }
        }
    }

    /**
     * The frames whose objects may still be scored (those not older than the oldest pending cube's middle frame) and the
     * cube's radius k of frames before them: a scorer may look at the full frames its cubes span (the attributes' flow
     * around an object, {@link CubeScorer#score}).
     */
    private static final class RecentFrames {
        private final ArrayDeque<Frame> frames = new ArrayDeque<>();

        void add(Frame frame) {
            frames.addLast(frame);
        }

        /** The frame of this index, or null when it is not held (already dropped, not yet read, or not in the video). */
        Frame get(int index) {
            for (Frame f : frames) {
                if (f.index() == index) {
                    return f;
                }
            }
            return null;
        }

        void dropBefore(int index) {
            while (!frames.isEmpty() && frames.peekFirst().index() < index) {
                frames.removeFirst();
            }
        }
    }

    /** Resets the detector for a new video and starts detecting {@code source}'s frames (closing it if that fails). */
    private DetectedFrames detectAhead(FrameSource source) {
        try {
            detector.reset();
            return DetectedFrames.open(source, this::detect, detectAhead);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private List<Detection> detect(Frame frame) {
        if (frameSize != null && !frame.bounds().equals(frameSize)) {
            throw new InvalidInputException(frame.source() + " has " + frame.width() + "x" + frame.height() + " frames, but "
                    + frameSize.width() + "x" + frameSize.height() + " frames are expected (the size the model was trained on; "
                    + "object sizes and the anomaly map depend on it)");
        }
        List<Detection> found = detector.detect(frame);
        for (Detection d : found) {
            if (d.frameIndex() != frame.index() || d.box().isEmpty() || !d.box().isInside(frame.width(), frame.height())) {
                throw new IllegalStateException(detector.describe() + " returned " + d + " for " + frame
                        + "; detectors must return non-empty boxes inside the frame, with the frame's index");
            }
        }
        return found;
    }

    private ProgressMeter meter(String task, long total) {
        return new ProgressMeter(task, "frames", total, ProgressMeter.REPORT_INTERVAL, listeners);
    }
}
