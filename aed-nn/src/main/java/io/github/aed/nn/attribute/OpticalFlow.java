package io.github.aed.nn.attribute;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.FrameMats;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Dense optical flow between two frames with OpenCV's DIS algorithm (Kroeger et al., "Fast Optical Flow using Dense
 * Inverse Search", ECCV 2016) on the grey images, at the {@code MEDIUM} preset: about 4 ms for a 360×240 frame pair on
 * one Zen 4 core. Owns native buffers: close it. Not thread-safe (one per scoring pipeline).
 */
public final class OpticalFlow implements AutoCloseable {

    private final DISOpticalFlow dis = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
    private final Mat from = new Mat();
    private final Mat to = new Mat();
    private final Mat flow = new Mat();
    private boolean closed;

    /**
     * The flow from {@code earlier} to {@code later}, two frames of one video with {@code later.index() > earlier.index()}
     * (usually the next frame; frames further apart give the flow of the video played faster).
     *
     * @throws InvalidInputException if the frames differ in size or are not in order
     */
    public FlowField between(Frame earlier, Frame later) {
        if (closed) {
            throw new IllegalStateException("optical flow already closed");
        }
        if (earlier.width() != later.width() || earlier.height() != later.height()) {
            throw new InvalidInputException(later.source() + ": frame " + later.index() + " is " + later.width() + "x"
                    + later.height() + ", frame " + earlier.index() + " " + earlier.width() + "x" + earlier.height()
                    + "; optical flow needs frames of one size");
        }
        if (later.index() <= earlier.index()) {
            throw new IllegalArgumentException("optical flow goes forward in time: frame " + earlier.index() + " to "
                    + later.index());
        }
        FrameMats.toGrey(earlier, from);
        FrameMats.toGrey(later, to);
        dis.calc(from, to, flow);
        if (flow.type() != opencv_core.CV_32FC2 || !flow.isContinuous()) {
            throw new IllegalStateException("DIS optical flow returned type " + flow.type() + ", expected continuous CV_32FC2");
        }
        float[] values = new float[earlier.width() * earlier.height() * 2];
        new FloatPointer(flow.data()).get(values);
        return FlowField.adopt(earlier.width(), earlier.height(), values);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            flow.close();
            to.close();
            from.close();
            dis.close();
        }
    }
}
