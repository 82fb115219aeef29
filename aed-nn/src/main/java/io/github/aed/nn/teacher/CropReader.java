package io.github.aed.nn.teacher;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** Cuts a detection's box out of a frame at the frame's resolution and resizes it (bilinear), for teachers. */
final class CropReader {

    private CropReader() {
    }

    /** The crop as a new BGR (or grey, for grey frames) Mat of {@code width × height}; the caller closes it. */
    static Mat crop(Frame frame, Detection detection, int width, int height) {
        var b = detection.box();
        if (b.isEmpty() || !b.isInside(frame.width(), frame.height())) {
            throw new InvalidInputException(frame.describe() + ": teacher got box " + b + " outside the "
                    + frame.width() + "x" + frame.height() + " frame or empty");
        }
        Mat out = new Mat();
        try (Mat full = frame.toMat(); Rect r = new Rect(b.xMin(), b.yMin(), b.width(), b.height());
             Mat roi = new Mat(full, r); Size size = new Size(width, height)) {
            opencv_imgproc.resize(roi, out, size, 0, 0, opencv_imgproc.INTER_LINEAR);
        }
        return out;
    }
}
