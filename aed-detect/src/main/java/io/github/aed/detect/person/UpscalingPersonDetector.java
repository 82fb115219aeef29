package io.github.aed.detect.person;

import io.github.aed.detect.Check;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.FrameMats;
import io.github.aed.detect.ObjectDetector;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The part the built-in OpenCV person detectors share: the frame is turned grey and enlarged by an upscale factor (the
 * detectors' smallest window is 64x128 or 14x28 pixels, larger than the people of surveillance video such as Ped2),
 * the detector runs, and each found rectangle is scaled back to the frame, clipped, and reported as class 0
 * {@code "person"} (COCO's id) with a confidence of logistic(weight) of the detector's score.
 */
abstract class UpscalingPersonDetector implements ObjectDetector {

    /** COCO's class id of people, used for every detection of these detectors. */
    static final int PERSON = 0;

    private final double upscale;
    private final Mat grey = new Mat();
    private final Mat scaled = new Mat();
    private boolean closed;

    UpscalingPersonDetector(double upscale) {
        this.upscale = Check.positive("upscale factor", upscale);
    }

    /** Runs the detector on the (scaled, grey) image, filling rectangles and one weight per rectangle. */
    abstract void detectRaw(Mat image, RectVector found, List<Double> weights);

    /** Releases the detector's own native objects. */
    abstract void release();

    @Override
    public final List<Detection> detect(Frame frame) {
        if (closed) {
            throw new IllegalStateException(describe() + " is closed");
        }
        FrameMats.toGrey(frame, grey);
        Mat image = grey;
        if (upscale != 1.0) {
            opencv_imgproc.resize(grey, scaled, new Size((int) Math.round(frame.width() * upscale),
                    (int) Math.round(frame.height() * upscale)), 0, 0, opencv_imgproc.INTER_LINEAR);
            image = scaled;
        }
        List<Double> weights = new ArrayList<>();
        List<Detection> out = new ArrayList<>();
        try (RectVector found = new RectVector()) {
            detectRaw(image, found, weights);
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                Box box = Box.enclosing(r.x() / upscale, r.y() / upscale, (r.x() + r.width()) / upscale,
                        (r.y() + r.height()) / upscale).clipTo(frame.width(), frame.height());
                if (!box.isEmpty()) {
                    double w = i < weights.size() ? weights.get((int) i) : 0;
                    out.add(Detection.of(frame.index(), box, PERSON, "person", FrameMats.logistic(w)));
                }
            }
        }
        return out;
    }

    double upscale() {
        return upscale;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
            grey.close();
            scaled.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
