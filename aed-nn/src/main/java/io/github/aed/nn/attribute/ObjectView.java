package io.github.aed.nn.attribute;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link ObjectAttribute} may look at for one object: its detection, the frame it was found in, the optical
 * flow from that frame to a later one of its video (the next frame; over a gap of several frames for a sped-up
 * pseudo-anomaly; from the previous frame for a video's last frame), and the flows of the frames around it, so that an
 * attribute can measure motion over several frames in the object's box, as its cube spans them ({@link #flows(int)}).
 *
 * @param detection the object (box in half-open pixel coordinates of {@code frame})
 * @param frame     the full frame the object was detected in
 * @param flow      the dense optical flow of that frame, same size as the frame
 * @param before    the flows between the consecutive frames before, nearest first ({@code t − 1 → t}, then
 *                  {@code t − 2 → t − 1}, …; for a video's last frame, whose own flow is {@code t − 1 → t}, from
 *                  {@code t − 2 → t − 1}), as far as the video and the {@link ObjectViews} reach
 * @param after     the flows between the consecutive frames after, nearest first ({@code t + 1 → t + 2}, …), likewise
 */
public record ObjectView(Detection detection, Frame frame, FlowField flow, List<FlowField> before, List<FlowField> after) {

    /** Checks that the parts agree in frame index and size. */
    public ObjectView {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(flow, "flow");
        before = List.copyOf(before);
        after = List.copyOf(after);
        for (FlowField f : concat(before, flow, after)) {
            if (f.width() != frame.width() || f.height() != frame.height()) {
                throw new IllegalArgumentException(frame.source() + " frame " + frame.index() + ": flow field of " + f.width()
                        + "x" + f.height() + " for a " + frame.width() + "x" + frame.height() + " frame");
            }
        }
        if (detection.frameIndex() != frame.index()) {
            throw new IllegalArgumentException("object of frame " + detection.frameIndex() + " viewed in frame " + frame.index());
        }
        if (!detection.box().isInside(frame.width(), frame.height()) || detection.box().isEmpty()) {
            throw new IllegalArgumentException(frame.source() + " frame " + frame.index() + ": box " + detection.box()
                    + " is empty or outside the " + frame.width() + "x" + frame.height() + " frame");
        }
    }

    /** The view of one frame's flow alone, no flows around it. */
    public ObjectView(Detection detection, Frame frame, FlowField flow) {
        this(detection, frame, flow, List.of(), List.of());
    }

    /**
     * The object's own flow and up to {@code radius} flows on either side, in time order: what the object's box saw
     * move over the frames around it. Fewer near a video's ends, or where the view holds fewer.
     *
     * @throws IllegalArgumentException if {@code radius < 0}
     */
    public List<FlowField> flows(int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("flow radius must be >= 0, got " + radius);
        }
        List<FlowField> earlier = new ArrayList<>(before.subList(0, Math.min(radius, before.size())));
        Collections.reverse(earlier);
        return concat(earlier, flow, after.subList(0, Math.min(radius, after.size())));
    }

    private static List<FlowField> concat(List<FlowField> first, FlowField middle, List<FlowField> last) {
        List<FlowField> all = new ArrayList<>(first.size() + 1 + last.size());
        all.addAll(first);
        all.add(middle);
        all.addAll(last);
        return all;
    }
}
