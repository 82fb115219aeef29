package io.github.aed.nn.attribute;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import java.util.Objects;

/**
 * What an {@link ObjectAttribute} may look at for one object: its detection, the frame it was found in, and the
 * optical flow from that frame to a later one of its video (the next frame; over a gap of several frames for a sped-up
 * pseudo-anomaly; from the previous frame for a video's last frame).
 *
 * @param detection the object (box in half-open pixel coordinates of {@code frame})
 * @param frame     the full frame the object was detected in
 * @param flow      the dense optical flow of that frame, same size as the frame
 */
public record ObjectView(Detection detection, Frame frame, FlowField flow) {

    /** Checks that the three agree in frame index and size. */
    public ObjectView {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(flow, "flow");
        if (detection.frameIndex() != frame.index()) {
            throw new IllegalArgumentException("object of frame " + detection.frameIndex() + " viewed in frame " + frame.index());
        }
        if (flow.width() != frame.width() || flow.height() != frame.height()) {
            throw new IllegalArgumentException(frame.source() + " frame " + frame.index() + ": flow field of " + flow.width()
                    + "x" + flow.height() + " for a " + frame.width() + "x" + frame.height() + " frame");
        }
        if (!detection.box().isInside(frame.width(), frame.height()) || detection.box().isEmpty()) {
            throw new IllegalArgumentException(frame.source() + " frame " + frame.index() + ": box " + detection.box()
                    + " is empty or outside the " + frame.width() + "x" + frame.height() + " frame");
        }
    }
}
