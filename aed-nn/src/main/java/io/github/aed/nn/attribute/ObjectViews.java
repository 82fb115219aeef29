package io.github.aed.nn.attribute;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Makes the {@link ObjectView}s of a video's objects, computing each frame's optical flow once: the flow of frame t is
 * the flow from t to t + 1, or from t − 1 to t for the last frame, or zero for a one-frame video. A view holds the
 * flows of up to {@link #radius()} frames on either side as well ({@link ObjectView#before()}, {@link ObjectView#after()}),
 * those of the frames at hand whose successor is at hand too: the caller keeps frames {@code t − radius} to
 * {@code t + radius + 1} at hand where the video has them. Keeps the flow of the last {@value #CACHED} frames asked for,
 * and the last sped-up flow. Owns an {@link OpticalFlow}: close it. Not thread-safe.
 */
public final class ObjectViews implements AutoCloseable {

    private static final int CACHED = 16;
    /** The largest {@link #radius()}: flows of more frames than cached would be computed twice. */
    public static final int MAX_RADIUS = (CACHED - 1) / 2;

    private final int radius;
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

    /** Views of one frame's flow alone ({@link #radius()} 0). */
    public ObjectViews() {
        this(0);
    }

    /**
     * @param radius flows on either side of an object's frame that its views hold
     * @throws IllegalArgumentException if {@code radius} is not in [0, {@value #MAX_RADIUS}]
     */
    public ObjectViews(int radius) {
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("object views: flow radius must be in [0, " + MAX_RADIUS + "], got " + radius);
        }
        this.radius = radius;
    }

    /**
     * The largest flow radius of these attributes ({@link ObjectAttribute#flowRadius()}): what their views must hold.
     *
     * @throws IllegalArgumentException naming the attribute if a radius is not in [0, {@value #MAX_RADIUS}]
     */
    public static int radiusOf(List<? extends ObjectAttribute> attributes) {
        int radius = 0;
        for (ObjectAttribute a : attributes) {
            if (a.flowRadius() < 0 || a.flowRadius() > MAX_RADIUS) {
                throw new IllegalArgumentException("attribute '" + a.name() + "' asks for a flow radius of " + a.flowRadius()
                        + " frames; it must be in [0, " + MAX_RADIUS + "]");
            }
            radius = Math.max(radius, a.flowRadius());
        }
        return radius;
    }

    /** Flows on either side of an object's frame that the views hold. */
    public int radius() {
        return radius;
    }

    /**
     * The view of one object.
     *
     * @param frameAt the video's frames by index: the object's frame and the next one (or, for the last frame, the
     *                previous one), and those of {@link #radius()} frames around it; null for a frame the video does
     *                not have
     */
    public ObjectView view(Detection detection, IntFunction<Frame> frameAt) {
        int t = detection.frameIndex();
        Frame frame = frameAt.apply(t);
        if (frame == null) {
            throw new IllegalStateException("frame " + t + " of " + detection + " is not at hand");
        }
        FlowField own = flows.computeIfAbsent(t, i -> flowOf(frame, frameAt));
        if (radius == 0) {
            return new ObjectView(detection, frame, own);
        }
        boolean last = frameAt.apply(t + 1) == null;
        List<FlowField> before = new ArrayList<>(radius);
        for (int j = last ? t - 2 : t - 1; j >= t - radius && j >= 0 && forward(j, frameAt); j--) {
            before.add(flows.computeIfAbsent(j, i -> flowOf(frameAt.apply(i), frameAt)));
        }
        List<FlowField> after = new ArrayList<>(radius);
        for (int j = t + 1; j <= t + radius && forward(j, frameAt); j++) {
            after.add(flows.computeIfAbsent(j, i -> flowOf(frameAt.apply(i), frameAt)));
        }
        return new ObjectView(detection, frame, own, before, after);
    }

    /** Whether frame j and its successor are both at hand, so that j's flow runs forward from j. */
    private static boolean forward(int j, IntFunction<Frame> frameAt) {
        return frameAt.apply(j) != null && frameAt.apply(j + 1) != null;
    }

    /**
     * The view of {@code detection} in its video played faster: the flow from its frame to a later one, as if the two
     * were consecutive (frames three apart show the object three times as fast). That one flow only: the view holds no
     * flows around it, whatever the {@link #radius()}.
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
