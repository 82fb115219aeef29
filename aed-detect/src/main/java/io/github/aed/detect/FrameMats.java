package io.github.aed.detect;

import io.github.aed.core.video.Frame;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** Conversions from {@link Frame}s to OpenCV images shared by the OpenCV-based detectors. */
public final class FrameMats {

    private FrameMats() {
    }

    /**
     * Writes the frame's grey image ({@code CV_8UC1}, OpenCV's BT.601 weights for colour frames) into {@code dst},
     * which is reallocated as needed, so that a detector can reuse one buffer for every frame.
     */
    public static void toGrey(Frame frame, Mat dst) {
        try (Mat src = frame.toMat()) {
            if (frame.channels() == 1) {
                src.copyTo(dst);
            } else {
                opencv_imgproc.cvtColor(src, dst, opencv_imgproc.COLOR_BGR2GRAY);
            }
        }
    }

    /** The logistic function, mapping a detector's unbounded margin or weight to a confidence in (0, 1). */
    public static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
