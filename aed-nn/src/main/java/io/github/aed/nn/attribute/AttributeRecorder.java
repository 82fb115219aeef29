package io.github.aed.nn.attribute;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the attribute features of a video's objects as its frames go by: what training needs to build the density
 * banks and calibrate them. A frame's objects are recorded once the frames their views need have arrived (the next
 * frame, and {@link ObjectViews#radiusOf the attributes' flow radius} r more; at {@link #finish()} for the last ones);
 * holds 2r + 2 frames. Owns native buffers: close it. Not thread-safe.
 */
public final class AttributeRecorder implements AutoCloseable {

    private final List<ObjectAttribute> attributes;
    private final ObjectViews views;
    private final List<List<Detection>> detections = new ArrayList<>();
    private final List<float[][][]> features = new ArrayList<>();
    private final FrameWindow recent;
    private int nextToRecord;
    private boolean finished;

    /** @param attributes the attributes to record, in order */
    public AttributeRecorder(List<ObjectAttribute> attributes) {
        this.attributes = List.copyOf(attributes);
        this.views = new ObjectViews(ObjectViews.radiusOf(this.attributes));
        this.recent = new FrameWindow(2 * views.radius() + 2);
    }

    /** The next frame (indices 0, 1, 2, … in order) and its objects. */
    public void push(Frame frame, List<Detection> frameDetections) {
        if (finished || frame.index() != detections.size()) {
            throw new IllegalStateException("frames must come in order from 0 before finish(); got " + frame.index()
                    + " after " + detections.size() + " frames");
        }
        recent.add(frame);
        detections.add(List.copyOf(frameDetections));
        features.add(null);
        while (nextToRecord + views.radius() + 1 <= frame.index()) {
            record(nextToRecord++);
        }
    }

    /** Records the objects of the frames not recorded yet, the last with the flow from the frame before. */
    public void finish() {
        if (!finished) {
            while (nextToRecord < detections.size()) {
                record(nextToRecord++);
            }
        }
        finished = true;
    }

    /** Per detection of the frame, per attribute, the object's features; null where the attribute does not describe it. */
    public float[][][] features(int frame) {
        return features.get(frame);
    }

    private void record(int t) {
        List<Detection> ds = detections.get(t);
        float[][][] out = new float[ds.size()][][];
        for (int i = 0; i < ds.size(); i++) {
            ObjectView view = views.view(ds.get(i), this::at);
            out[i] = new float[attributes.size()][];
            for (int a = 0; a < attributes.size(); a++) {
                ObjectAttribute attribute = attributes.get(a);
                out[i][a] = attribute.describes(view) ? attribute.features(view) : null;
            }
        }
        features.set(t, out);
    }

    private Frame at(int index) {
        return recent.contains(index) ? recent.get(index) : null;
    }

    @Override
    public void close() {
        views.close();
    }
}
