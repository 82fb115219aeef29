package io.github.aed.nn.attribute;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Makes the {@link ObjectView}s of a video's objects, computing each frame's optical flow once: the flow of frame t is
 * the flow from t to t + 1, or from t − 1 to t for the last frame, or zero for a one-frame video. Keeps the flow of
 * the last {@value #CACHED} frames asked for, and the last sped-up flow. Owns an {@link OpticalFlow}: close it. Not
 * thread-safe.
 */
public final class ObjectViews implements AutoCloseable {

    private static final int CACHED = 16;

    private final OpticalFlow opticalFlow = new OpticalFlow();
    /** The last sped-up flow computed, and the frames it was computed between. */
    private FlowField faster;
    private int fasterFrom = -1;
    private int fasterTo = -1;
    private final Map<Integer, FlowField> flows = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, FlowField> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * The view of one object.
     *
     * @param frameAt the video's frames by index: the object's frame and the next one (or, for the last frame, the
     *                previous one); null for a frame the video does not have
     */
    public ObjectView view(Detection detection, IntFunction<Frame> frameAt) {
        int t = detection.frameIndex();
        Frame frame = frameAt.apply(t);
        if (frame == null) {
            throw new IllegalStateException("frame " + t + " of " + detection + " is not at hand");
        }
        return new ObjectView(detection, frame, flows.computeIfAbsent(t, i -> flowOf(frame, frameAt)));
    }

    /**
     * The view of {@code detection} in its video played faster: the flow from its frame to a later one, as if the two
     * were consecutive (frames three apart show the object three times as fast).
     */
    public ObjectView fasterView(Detection detection, Frame frame, Frame later) {
        if (fasterFrom != frame.index() || fasterTo != later.index()) {
            faster = opticalFlow.between(frame, later);
            fasterFrom = frame.index();
            fasterTo = later.index();
        }
        return new ObjectView(detection, frame, faster);
    }

    private FlowField flowOf(Frame frame, IntFunction<Frame> frameAt) {
        Frame next = frameAt.apply(frame.index() + 1);
        if (next != null) {
            return opticalFlow.between(frame, next);
        }
        Frame previous = frame.index() > 0 ? frameAt.apply(frame.index() - 1) : null;
        if (previous != null) {
            return opticalFlow.between(previous, frame);
        }
        return FlowField.adopt(frame.width(), frame.height(), new float[frame.width() * frame.height() * 2]);
    }

    @Override
    public void close() {
        flows.clear();
        opticalFlow.close();
    }
}
