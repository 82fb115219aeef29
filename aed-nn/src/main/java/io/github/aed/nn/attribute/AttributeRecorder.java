package io.github.aed.nn.attribute;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the attribute features of a video's objects as its frames go by, with those of their pseudo-anomalous
 * versions ({@link PseudoAnomaly}): what training needs to build the density banks, calibrate them and weigh them.
 * Holds the last {@value PseudoAnomaly#SPEED_UP} frames. Owns native buffers: close it. Not thread-safe.
 */
public final class AttributeRecorder implements AutoCloseable {

    private final List<ObjectAttribute> attributes;
    private final ObjectViews views = new ObjectViews();
    private final ArrayDeque<Frame> window = new ArrayDeque<>();
    private final List<List<Detection>> detections = new ArrayList<>();
    private final List<float[][][]> normal = new ArrayList<>();
    private final List<float[][][]> faster = new ArrayList<>();
    private final List<float[][][]> larger = new ArrayList<>();
    private boolean finished;

    /** @param attributes the attributes to record, in order */
    public AttributeRecorder(List<ObjectAttribute> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    /** The next frame (indices 0, 1, 2, … in order) and its objects. */
    public void push(Frame frame, List<Detection> frameDetections) {
        if (finished || frame.index() != detections.size()) {
            throw new IllegalStateException("frames must come in order from 0 before finish(); got " + frame.index()
                    + " after " + detections.size() + " frames");
        }
        window.addLast(frame);
        detections.add(List.copyOf(frameDetections));
        normal.add(null);
        faster.add(null);
        larger.add(null);
        if (frame.index() >= 1) {
            record(frame.index() - 1);
        }
        if (frame.index() >= PseudoAnomaly.SPEED_UP) {
            Frame earlier = window.peekFirst();
            faster.set(earlier.index(), describe(detections.get(earlier.index()), d -> views.fasterView(d, earlier, frame)));
        }
        while (window.size() > PseudoAnomaly.SPEED_UP) {
            window.removeFirst();
        }
    }

    /** Records the last frame's objects (flow from the frame before). */
    public void finish() {
        if (!finished && !detections.isEmpty()) {
            record(detections.size() - 1);
        }
        finished = true;
    }

    /** Frames pushed. */
    public int frames() {
        return detections.size();
    }

    /** Per detection of the frame, per attribute, the features of the object as it is. */
    public float[][][] normal(int frame) {
        return normal.get(frame);
    }

    /**
     * Per detection of the frame, per attribute, the features of the object in the video played
     * {@value PseudoAnomaly#SPEED_UP} times faster; null for the last frames, which have no frame that far ahead.
     */
    public float[][][] faster(int frame) {
        return faster.get(frame);
    }

    /** Per detection of the frame, per attribute, the features of the object with a box twice its size. */
    public float[][][] larger(int frame) {
        return larger.get(frame);
    }

    private void record(int t) {
        Frame frame = at(t);
        normal.set(t, describe(detections.get(t), d -> views.view(d, this::at)));
        larger.set(t, describe(detections.get(t), d -> views.view(
                d.withBox(PseudoAnomaly.larger(d.box(), frame.width(), frame.height())), this::at)));
    }

    private Frame at(int index) {
        for (Frame f : window) {
            if (f.index() == index) {
                return f;
            }
        }
        return null;
    }

    private float[][][] describe(List<Detection> ds, java.util.function.Function<Detection, ObjectView> view) {
        float[][][] out = new float[ds.size()][attributes.size()][];
        for (int i = 0; i < ds.size(); i++) {
            ObjectView v = view.apply(ds.get(i));
            for (int a = 0; a < attributes.size(); a++) {
                out[i][a] = attributes.get(a).features(v);
            }
        }
        return out;
    }

    @Override
    public void close() {
        views.close();
    }
}
