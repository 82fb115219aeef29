package io.github.aed.core.cube;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameWindow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Object cubes from one video or live stream, frame by frame, with memory bounded by a window of 2k + 1 frames.
 *
 * <p>Push each frame with its detections in order; each call returns the cubes that became complete, i.e. those of
 * the frame k frames earlier (a delay of k frames). {@link #finish()} returns the cubes of the last k frames (with
 * {@link EdgePolicy#CLAMP}) and checks that the video was long enough. With {@link EdgePolicy#SKIP} the detections
 * in the first and last k frames make no cube; they are counted in {@link #skippedDetections()}.
 *
 * <p>One instance per video; not thread-safe. Close it to release the extractor's native buffers.
 */
public final class StreamingCubeExtractor implements AutoCloseable {

    private final CubeSettings settings;
    private final CubeExtractor extractor;
    private final FrameWindow window;
    private final Deque<List<Detection>> pending = new ArrayDeque<>();
    private int nextPendingFrame;
    private int framesSeen;
    private int skipped;
    private String source = "video";
    private boolean finished;

    public StreamingCubeExtractor(CubeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.extractor = new CubeExtractor(settings);
        this.window = new FrameWindow(settings.depth());
    }

    /**
     * Adds the next frame and the detections found in it, and returns the cubes that are now complete (possibly
     * none). Detections must belong to this frame ({@code detection.frameIndex() == frame.index()}).
     *
     * @throws InvalidInputException if frames arrive out of order or change size, or a detection names another frame
     *                               or has a box outside the frame
     */
    public CubeBatch push(Frame frame, List<Detection> detections) {
        if (finished) {
            throw new IllegalStateException(source + ": finish() was already called");
        }
        for (Detection d : detections) {
            if (d.frameIndex() != frame.index()) {
                throw new InvalidInputException(frame.describe() + ": pushed with a detection of frame " + d.frameIndex());
            }
        }
        if (framesSeen == 0) {
            source = frame.source();
            nextPendingFrame = frame.index();
        }
        window.add(frame);
        framesSeen++;
        pending.addLast(List.copyOf(detections));
        return drainReady();
    }

    /**
     * Ends the video and returns the cubes of its last frames.
     *
     * @throws InvalidInputException if the video had fewer than 2k + 1 frames
     */
    public CubeBatch finish() {
        if (finished) {
            throw new IllegalStateException(source + ": finish() was already called");
        }
        finished = true;
        if (framesSeen < settings.depth()) {
            throw new InvalidInputException(source + " has " + framesSeen + " frames; cubes with k="
                    + settings.temporalRadius() + " need a video of at least " + settings.depth() + " frames");
        }
        window.markEnd();
        return drainReady();
    }

    /** Detections that made no cube because of {@link EdgePolicy#SKIP}. */
    public int skippedDetections() {
        return skipped;
    }

    /** Frames pushed so far. */
    public int framesSeen() {
        return framesSeen;
    }

    public CubeSettings settings() {
        return settings;
    }

    private CubeBatch drainReady() {
        List<Detection> ready = new ArrayList<>();
        int k = settings.temporalRadius();
        while (!pending.isEmpty()) {
            int f = nextPendingFrame;
            boolean nearStart = f - k < window.videoStart();
            boolean nearEnd = window.isEnded() && f + k > window.lastIndex();
            boolean skip = settings.edgePolicy() == EdgePolicy.SKIP && (nearStart || nearEnd);
            if (!skip && !extractor.isReady(window, f)) {
                break;
            }
            List<Detection> ds = pending.removeFirst();
            nextPendingFrame++;
            if (skip) {
                skipped += ds.size();
            } else {
                ready.addAll(ds);
            }
        }
        return extractor.extractBatch(window, ready);
    }

    @Override
    public void close() {
        extractor.close();
    }
}
