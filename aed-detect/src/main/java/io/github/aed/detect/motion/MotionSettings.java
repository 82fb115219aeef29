package io.github.aed.detect.motion;

import io.github.aed.detect.Check;
import java.util.Locale;
import java.util.Objects;

/**
 * The immutable settings of a {@link MotionDetector}, and their {@link Builder}, which gives each setting's meaning and
 * default. Get them from {@link MotionDetector#settings()}; make a detector with {@link MotionDetector#builder()}.
 */
public final class MotionSettings {

    /** Frames a stopped object is held out of the background by default ({@code holdFrames}). */
    public static final int DEFAULT_HOLD_FRAMES = 200;

    SubtractorKind kind = SubtractorKind.MOG2;
    int history = 500;
    double threshold = Double.NaN;
    boolean detectShadows;
    double learningRate = -1;
    int blurSize;
    int medianSize = 5;
    int openSize;
    int closeSize = 3;
    int minComponentArea = 10;
    int minArea = 40;
    double maxAreaFraction = 0.5;
    int mergeGapX = 1;
    int mergeGapY = 3;
    double padFraction = 0.05;
    int padPixels = 1;
    int primeFrames = 400;
    int splitSize = 9;
    double nmsIou = 0.7;
    int maxDetections = 12;
    int frameDifference = 15;
    double valleySplit = 0.75;
    double overlapExponent = 5;
    int holdFrames = DEFAULT_HOLD_FRAMES;
    boolean lightCompensation = true;

    MotionSettings copy() {
        MotionSettings c = new MotionSettings();
        c.kind = kind;
        c.history = history;
        c.threshold = threshold;
        c.detectShadows = detectShadows;
        c.learningRate = learningRate;
        c.blurSize = blurSize;
        c.medianSize = medianSize;
        c.openSize = openSize;
        c.closeSize = closeSize;
        c.minComponentArea = minComponentArea;
        c.minArea = minArea;
        c.maxAreaFraction = maxAreaFraction;
        c.mergeGapX = mergeGapX;
        c.mergeGapY = mergeGapY;
        c.padFraction = padFraction;
        c.padPixels = padPixels;
        c.primeFrames = primeFrames;
        c.splitSize = splitSize;
        c.nmsIou = nmsIou;
        c.maxDetections = maxDetections;
        c.frameDifference = frameDifference;
        c.valleySplit = valleySplit;
        c.overlapExponent = overlapExponent;
        c.holdFrames = holdFrames;
        c.lightCompensation = lightCompensation;
        return c;
    }

    public SubtractorKind kind() {
        return kind;
    }

    public int history() {
        return history;
    }

    /** The model's foreground threshold (the kind's default unless set). */
    public double threshold() {
        return Double.isNaN(threshold) ? kind.defaultThreshold() : threshold;
    }

    public boolean detectShadows() {
        return detectShadows;
    }

    public double learningRate() {
        return learningRate;
    }

    public int blurSize() {
        return blurSize;
    }

    public int medianSize() {
        return medianSize;
    }

    public int openSize() {
        return openSize;
    }

    public int closeSize() {
        return closeSize;
    }

    public int minComponentArea() {
        return minComponentArea;
    }

    public int minArea() {
        return minArea;
    }

    public double maxAreaFraction() {
        return maxAreaFraction;
    }

    public int mergeGapX() {
        return mergeGapX;
    }

    public int mergeGapY() {
        return mergeGapY;
    }

    public double padFraction() {
        return padFraction;
    }

    public int padPixels() {
        return padPixels;
    }

    public int primeFrames() {
        return primeFrames;
    }

    public int splitSize() {
        return splitSize;
    }

    public double nmsIou() {
        return nmsIou;
    }

    public int maxDetections() {
        return maxDetections;
    }

    public int frameDifference() {
        return frameDifference;
    }

    public double valleySplit() {
        return valleySplit;
    }

    public double overlapExponent() {
        return overlapExponent;
    }

    public int holdFrames() {
        return holdFrames;
    }

    public boolean lightCompensation() {
        return lightCompensation;
    }

    String describe() {
        return String.format(Locale.ROOT,
                "%s, history=%d, threshold=%s, shadows=%s, learningRate=%s, blur=%d, median=%d, open=%d, close=%d, "
                        + "minComponent=%dpx, minArea=%dpx, maxArea=%.3f of frame, mergeGap=%dx%dpx, pad=%.3f+%dpx, "
                        + "primeFrames=%d, split=%d, nms=%.2f, maxPerFrame=%s, frameDifference=%d, valleySplit=%s, "
                        + "overlapExponent=%s%s, light=%s",
                kind.name().toLowerCase(Locale.ROOT), history, trim(threshold()),
                detectShadows ? "detected and removed" : "not detected (foreground)",
                learningRate < 0 ? "auto" : trim(learningRate), blurSize, medianSize, openSize, closeSize, minComponentArea,
                minArea, maxAreaFraction, mergeGapX, mergeGapY, padFraction, padPixels, primeFrames, splitSize, nmsIou,
                maxDetections == 0 ? "unlimited" : Integer.toString(maxDetections), frameDifference, trim(valleySplit),
                trim(overlapExponent), holdFrames == 0 ? "" : ", holdFrames=" + holdFrames,
                lightCompensation ? "compensated" : "as filmed");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Settings of a {@link MotionDetector}. All are optional; the defaults suit fixed cameras at about 360x240 with
     * objects of 15-60 pixels (UCSD Ped2), and were chosen as described in docs/detect.md.
     */
    public static final class Builder {
        MotionSettings s = new MotionSettings();

        Builder() {
        }

        /** The background model. Default {@link SubtractorKind#MOG2}. */
        public Builder subtractor(SubtractorKind kind) {
            s.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Frames the model remembers (OpenCV's {@code history}). Default 500. */
        public Builder history(int frames) {
            s.history = Check.atLeast("history", frames, 1);
            return this;
        }

        /** The model's foreground threshold (see {@link SubtractorKind}). Default: the kind's OpenCV default. */
        public Builder threshold(double value) {
            s.threshold = Check.positive("background threshold", value);
            return this;
        }

        /**
         * Whether OpenCV detects shadows, whose pixels are then removed from the foreground. Default {@code false}: on
         * grey video the shadow test also claims the darkened pixels of objects themselves and loses many of them.
         */
        public Builder detectShadows(boolean value) {
            s.detectShadows = value;
            return this;
        }

        /** The model's learning rate in [0, 1], or a negative value for OpenCV's automatic rate. Default automatic. */
        public Builder learningRate(double value) {
            if (!(value <= 1) || Double.isNaN(value)) {
                throw new IllegalArgumentException("learning rate must be <= 1 (negative = automatic), got " + value);
            }
            s.learningRate = value < 0 ? -1 : value;
            return this;
        }

        /** Side of the Gaussian blur applied before subtraction, odd, or 0 for none. Default 0. */
        public Builder blur(int size) {
            s.blurSize = oddOrZero("blur size", size);
            return this;
        }

        /**
         * Side of the median filter applied to the foreground mask, odd, or 0 for none: it removes isolated specks and
         * fills speckled objects without growing them. Default 5.
         */
        public Builder median(int size) {
            s.medianSize = oddOrZero("median size", size);
            return this;
        }

        /** Side of the elliptic opening that removes specks, or 0 for none. Default 0 (the median filter does it). */
        public Builder open(int size) {
            s.openSize = nonNegative("opening size", size);
            return this;
        }

        /** Side of the elliptic closing that fills holes, or 0 for none. Default 3. */
        public Builder close(int size) {
            s.closeSize = nonNegative("closing size", size);
            return this;
        }

        /** Components with fewer foreground pixels are noise, dropped before merging. Default 10. */
        public Builder minComponentArea(int pixels) {
            s.minComponentArea = nonNegative("minimum component area", pixels);
            return this;
        }

        /** Objects (after merging) with fewer foreground pixels are dropped. Default 40. */
        public Builder minArea(int pixels) {
            s.minArea = nonNegative("minimum area", pixels);
            return this;
        }

        /** Objects whose box covers more than this fraction of the frame are dropped (e.g. a light change). Default 0.5. */
        public Builder maxAreaFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maximum area fraction must be in (0, 1], got " + fraction);
            }
            s.maxAreaFraction = fraction;
            return this;
        }

        /** Fragments at most this many pixels apart horizontally and vertically are merged. Default 1 x 3. */
        public Builder mergeGap(int xPixels, int yPixels) {
            s.mergeGapX = nonNegative("horizontal merge gap", xPixels);
            s.mergeGapY = nonNegative("vertical merge gap", yPixels);
            return this;
        }

        /** Padding of each box: a fraction of its size on every side, plus a number of pixels. Default 0.05 + 1 px. */
        public Builder padding(double fraction, int pixels) {
            if (!(fraction >= 0) || Double.isInfinite(fraction)) {
                throw new IllegalArgumentException("padding fraction must be >= 0, got " + fraction);
            }
            s.padFraction = fraction;
            s.padPixels = nonNegative("padding pixels", pixels);
            return this;
        }

        /** The most frames {@link MotionDetector#prime} keeps from the normal videos (0 turns priming off). Default 400. */
        public Builder primeFrames(int frames) {
            s.primeFrames = nonNegative("prime frames", frames);
            return this;
        }

        /**
         * Side of the elliptic erosion whose components (grown back by its radius) are proposed as well, odd, or 0 for
         * none: objects joined by a bridge thinner than the kernel come apart. Default 9.
         */
        public Builder split(int size) {
            s.splitSize = oddOrZero("split erosion size", size);
            return this;
        }

        /** A proposal whose IoU with a more confident one is above this is dropped. Default 0.7. */
        public Builder nmsIou(double iou) {
            s.nmsIou = Check.unitInterval("NMS IoU threshold", iou);
            return this;
        }

        /**
         * At most this many detections per frame, or 0 for no limit, chosen greedily by how well the chosen boxes
         * overlap all the proposals (docs/detect.md). Default 12.
         */
        public Builder maxDetections(int n) {
            s.maxDetections = nonNegative("maximum detections per frame", n);
            return this;
        }

        /**
         * Frame differencing fused with the background model: pixels whose grey level changed by more than this
         * many levels since the previous frame are foreground too (fast movers the model partly absorbs), or 0 for
         * none. Default 15.
         */
        public Builder frameDifference(int greyLevels) {
            s.frameDifference = Check.atLeast("frame difference threshold", greyLevels, 0);
            if (greyLevels > 254) {
                throw new IllegalArgumentException("frame difference threshold must be at most 254 grey levels, got "
                        + greyLevels);
            }
            return this;
        }

        /**
         * Valley split: each merged object is also cut where its foreground count per column (then per row) falls to at
         * most this fraction of the highest counts on either side, and the pieces are proposed with their boxes
         * shrunk to their foreground pixels (a cyclist beside a walker), or 0 for none. In [0, 1). Default 0.75, chosen
         * on Ped2's Test001-006 (docs/detect.md).
         */
        public Builder valleySplit(double ratio) {
            if (!(ratio >= 0 && ratio < 1)) {
                throw new IllegalArgumentException("valley split ratio must be in [0, 1), got " + ratio);
            }
            s.valleySplit = ratio;
            return this;
        }

        /**
         * The power of the IoU that measures how well a kept box serves a proposal when the per-frame cap is filled:
         * larger values count a loose fit for less. Positive. Default 5.
         */
        public Builder overlapExponent(double exponent) {
            s.overlapExponent = Check.positive("overlap exponent", exponent);
            return this;
        }

        /**
         * Selective background update: the foreground inside the boxes detected in a frame whose object stands still
         * is kept out of the background model's learning at the next frame, for at most this many frames in a row per
         * pixel, so that a person who stops stays detected that long; then the pixel is learnt again (a parked object
         * or a false detection joins the background). Boxes over 1/16 of the frame and frames whose foreground covers
         * over a fifth of them (light changes) are learnt as usual. 0 turns it off (every pixel is learnt, and a
         * stopped person is absorbed within a few seconds). In [0, 254]. Default 200 (docs/detect.md).
         */
        public Builder holdFrames(int frames) {
            s.holdFrames = Check.atLeast("hold frames", frames, 0);
            if (frames > 254) {
                throw new IllegalArgumentException("hold frames must be at most 254, got " + frames);
            }
            return this;
        }

        /**
         * Light compensation: each frame is divided by the light's global gain against the background model (the
         * median ratio of frame to background image) before subtraction, so that a sudden change of light (a cloud,
         * a lamp) does not turn textured ground into foreground; gains within 1 % are left alone. Default on
         * (docs/detect.md); off feeds the frames as filmed, as before this setting existed.
         */
        public Builder lightCompensation(boolean on) {
            s.lightCompensation = on;
            return this;
        }

        public MotionDetector build() {
            return new MotionDetector(s.copy());
        }

        private static int nonNegative(String what, int v) {
            return Check.atLeast(what, v, 0);
        }

        private static int oddOrZero(String what, int v) {
            if (v < 0 || (v > 1 && v % 2 == 0)) {
                throw new IllegalArgumentException(what + " must be 0 or an odd number, got " + v);
            }
            return v;
        }
    }
}
