package io.github.aed.detect.person;

import io.github.aed.detect.Check;
import io.github.aed.core.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * One of OpenCV's Haar body cascades ({@link BodyCascade}), loaded from the OpenCV jar. Detections are class 0
 * "person" with confidence logistic(level weight) of the cascade's last stage. Holds native objects: close it. Not
 * thread-safe.
 */
public final class CascadePersonDetector extends UpscalingPersonDetector {

    private final CascadeClassifier cascade;
    private final Builder s;

    private CascadePersonDetector(Builder s, CascadeClassifier cascade) {
        super(s.upscale);
        this.s = s.copy();
        this.cascade = cascade;
    }

    /** Defaults: upscale 1, scale step 1.1, 3 neighbours, no minimum size. */
    public static Builder builder(BodyCascade which) {
        Builder b = new Builder();
        b.which = Objects.requireNonNull(which, "which");
        return b;
    }

    public Builder toBuilder() {
        return s.copy();
    }

    @Override
    void detectRaw(Mat image, RectVector found, List<Double> weights) {
        try (IntPointer levels = new IntPointer(); DoublePointer w = new DoublePointer()) {
            cascade.detectMultiScale3(image, found, levels, w, s.scaleStep, s.minNeighbours, 0,
                    new Size(s.minSize, s.minSize), new Size(), true);
            for (long i = 0; i < found.size() && i < w.limit(); i++) {
                weights.add(w.get(i));
            }
        }
    }

    @Override
    void release() {
        cascade.close();
    }

    /** {@code cascade:fullbody|upperbody,UPSCALE}; the spec syntax has no other settings. */
    @Override
    public Optional<String> spec() {
        return Optional.of("cascade:" + (s.which == BodyCascade.FULL_BODY ? "fullbody" : "upperbody") + "," + upscale());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "cascade[%s, upscale=%.2f, scaleStep=%.3f, minNeighbours=%d, minSize=%d]",
                s.which.fileName(), upscale(), s.scaleStep, s.minNeighbours, s.minSize);
    }

    /** Settings of a {@link CascadePersonDetector}. */
    public static final class Builder {
        private BodyCascade which;
        private double upscale = 1;
        private double scaleStep = 1.1;
        private int minNeighbours = 3;
        private int minSize;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.which = which;
            b.upscale = upscale;
            b.scaleStep = scaleStep;
            b.minNeighbours = minNeighbours;
            b.minSize = minSize;
            return b;
        }

        /** Frames are enlarged by this factor before detection (boxes are scaled back). Default 1. */
        public Builder upscale(double factor) {
            upscale = Check.positive("upscale factor", factor);
            return this;
        }

        /** The factor between pyramid levels, above 1. Default 1.1. */
        public Builder scaleStep(double value) {
            scaleStep = Check.above("scale step", value, 1);
            return this;
        }

        /** Overlapping hits a detection needs. Default 3. */
        public Builder minNeighbours(int value) {
            minNeighbours = Check.atLeast("min neighbours", value, 0);
            return this;
        }

        /** The smallest window side in pixels of the (scaled) image; 0 for the cascade's own. Default 0. */
        public Builder minSize(int pixels) {
            minSize = Check.atLeast("min size", pixels, 0);
            return this;
        }

        /**
         * Extracts the cascade from the OpenCV jar (cached by JavaCPP) and loads it.
         *
         * @throws InvalidInputException if the cascade cannot be found or loaded
         */
        public CascadePersonDetector build() {
            String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + which.fileName();
            File file;
            try {
                file = Loader.cacheResource(opencv_core.class, resource);
            } catch (IOException e) {
                throw new InvalidInputException("cannot extract " + resource + " from the OpenCV jar (" + e.getMessage() + ")", e);
            }
            if (file == null) {
                throw new InvalidInputException(resource + " is not in the OpenCV jar on the class path");
            }
            CascadeClassifier c = new CascadeClassifier(file.getAbsolutePath());
            if (c.empty()) {
                c.close();
                throw new InvalidInputException(file + ": OpenCV cannot load the cascade");
            }
            return new CascadePersonDetector(this, c);
        }
    }
}
