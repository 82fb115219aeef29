package io.github.aed.detect.motion;

/** The OpenCV background model behind a {@link MotionDetector}. */
public enum SubtractorKind {
    /**
     * Zivkovic's adaptive Gaussian mixture ({@code BackgroundSubtractorMOG2}); the threshold is the squared
     * Mahalanobis distance above which a pixel is foreground (OpenCV's default 16).
     */
    MOG2(16),
    /**
     * K-nearest-neighbours ({@code BackgroundSubtractorKNN}); the threshold is the squared distance between a pixel and
     * its stored samples (OpenCV's default 400).
     */
    KNN(400);

    private final double defaultThreshold;

    SubtractorKind(double defaultThreshold) {
        this.defaultThreshold = defaultThreshold;
    }

    /** OpenCV's default threshold for this model. */
    public double defaultThreshold() {
        return defaultThreshold;
    }
}
