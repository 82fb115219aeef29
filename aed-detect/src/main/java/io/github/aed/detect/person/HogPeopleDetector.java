package io.github.aed.detect.person;

import io.github.aed.detect.Check;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * OpenCV's built-in HOG + linear SVM people detector (Dalal and Triggs; the 64x128 window and the default people SVM
 * compiled into OpenCV), usable fully offline. People smaller than about 100 pixels need an upscale factor (about 2.5
 * for UCSD Ped2). Detections are class 0 "person" with confidence logistic(SVM margin). Holds native objects: close
 * it. Not thread-safe.
 */
public final class HogPeopleDetector extends UpscalingPersonDetector {

    private final HOGDescriptor hog = new HOGDescriptor();
    private final Mat svm;
    private final Builder s;

    private HogPeopleDetector(Builder s) {
        super(s.upscale);
        this.s = s.copy();
        this.svm = new Mat(HOGDescriptor.getDefaultPeopleDetector());
        hog.setSVMDetector(svm);
    }

    /** Defaults: upscale 1, hit threshold 0, window stride 8, padding 8, scale step 1.05, grouping threshold 2. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return s.copy();
    }

    @Override
    void detectRaw(Mat image, RectVector found, List<Double> weights) {
        try (DoublePointer w = new DoublePointer()) {
            hog.detectMultiScale(image, found, w, s.hitThreshold, new Size(s.stride, s.stride),
                    new Size(s.padding, s.padding), s.scaleStep, s.groupThreshold, false);
            for (long i = 0; i < found.size() && i < w.limit(); i++) {
                weights.add(w.get(i));
            }
        }
    }

    @Override
    void release() {
        hog.close();
        svm.close();
    }

    /** {@code hog:UPSCALE}; the spec syntax has no other settings. */
    @Override
    public Optional<String> spec() {
        return Optional.of("hog:" + upscale());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "hog[opencv default people SVM, upscale=%.2f, hitThreshold=%.2f, stride=%d, "
                + "padding=%d, scaleStep=%.3f, groupThreshold=%.1f]", upscale(), s.hitThreshold, s.stride, s.padding,
                s.scaleStep, s.groupThreshold);
    }

    /** Settings of a {@link HogPeopleDetector}. */
    public static final class Builder {
        private double upscale = 1;
        private double hitThreshold;
        private int stride = 8;
        private int padding = 8;
        private double scaleStep = 1.05;
        private double groupThreshold = 2;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.upscale = upscale;
            b.hitThreshold = hitThreshold;
            b.stride = stride;
            b.padding = padding;
            b.scaleStep = scaleStep;
            b.groupThreshold = groupThreshold;
            return b;
        }

        /** Frames are enlarged by this factor before detection (boxes are scaled back). Default 1. */
        public Builder upscale(double factor) {
            upscale = Check.positive("upscale factor", factor);
            return this;
        }

        /** The SVM margin a window needs; higher finds fewer, surer people. Default 0. */
        public Builder hitThreshold(double value) {
            hitThreshold = value;
            return this;
        }

        /** The window step in pixels of the (scaled) image. Default 8 (a multiple of the 8-pixel HOG cell). */
        public Builder stride(int pixels) {
            stride = Check.atLeast("stride", pixels, 1);
            return this;
        }

        /** Padding around the image in pixels. Default 8. */
        public Builder padding(int pixels) {
            padding = Check.atLeast("padding", pixels, 0);
            return this;
        }

        /** The factor between pyramid levels, above 1. Default 1.05. */
        public Builder scaleStep(double value) {
            scaleStep = Check.above("scale step", value, 1);
            return this;
        }

        /** Overlapping windows needed to keep a group (OpenCV's finalThreshold); 0 keeps every window. Default 2. */
        public Builder groupThreshold(double value) {
            groupThreshold = value == 0 ? 0 : Check.positive("group threshold", value);
            return this;
        }

        public HogPeopleDetector build() {
            return new HogPeopleDetector(this);
        }
    }
}
