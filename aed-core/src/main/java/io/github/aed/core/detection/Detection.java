package io.github.aed.core.detection;

import io.github.aed.core.geometry.Box;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One object found in one frame by an object detector.
 *
 * @param frameIndex  0-based index of the frame in its video
 * @param box         the object's box, half-open pixel coordinates (see {@link Box})
 * @param classId     the detector's class id, 0-based (e.g. 0 = "person" in COCO); {@link #UNKNOWN_CLASS} when the
 *                    detector has no classes (background subtraction)
 * @param className   the class's name, e.g. "person"; "object" for class-less detectors
 * @param confidence  the detector's confidence in [0, 1]
 * @param classScores optional per-class scores of the detector for this box (length = number of classes), used as a
 *                    distillation target; {@code null} when the detector gives none
 */
public record Detection(int frameIndex, Box box, int classId, String className, double confidence, float[] classScores) {

    /** The class id of detectors without classes. */
    public static final int UNKNOWN_CLASS = -1;

    /** Validates the fields and copies the score vector. */
    public Detection {
        if (frameIndex < 0) {
            throw new IllegalArgumentException("detection frame index must be >= 0, got " + frameIndex);
        }
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(className, "className");
        if (classId < UNKNOWN_CLASS) {
            throw new IllegalArgumentException("frame " + frameIndex + ": class id must be >= 0 or UNKNOWN_CLASS, got " + classId);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("frame " + frameIndex + ": confidence must be in [0, 1], got " + confidence);
        }
        if (classScores != null) {
            classScores = classScores.clone();
            for (int i = 0; i < classScores.length; i++) {
                if (!Float.isFinite(classScores[i])) {
                    throw new IllegalArgumentException("frame " + frameIndex + ": class score " + i + " is not finite");
                }
            }
        }
    }

    /** A detection without classes or score vector (e.g. from background subtraction). */
    public static Detection unclassified(int frameIndex, Box box, double confidence) {
        return new Detection(frameIndex, box, UNKNOWN_CLASS, "object", confidence, null);
    }

    /** A detection with a class and no score vector. */
    public static Detection of(int frameIndex, Box box, int classId, String className, double confidence) {
        return new Detection(frameIndex, box, classId, className, confidence, null);
    }

    /** A copy of the per-class score vector, if the detector gave one. */
    @Override
    public float[] classScores() {
        return classScores == null ? null : classScores.clone();
    }

    /** The per-class score vector, if any, as an Optional copy. */
    public Optional<float[]> classScoreVector() {
        return Optional.ofNullable(classScores());
    }

    /** This detection with another box (e.g. after padding or clipping). */
    public Detection withBox(Box newBox) {
        return new Detection(frameIndex, newBox, classId, className, confidence, classScores);
    }

    /** This detection moved to another frame index. */
    public Detection withFrameIndex(int newFrameIndex) {
        return new Detection(newFrameIndex, box, classId, className, confidence, classScores);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detection d && frameIndex == d.frameIndex && classId == d.classId
                && Double.compare(confidence, d.confidence) == 0 && box.equals(d.box)
                && className.equals(d.className) && Arrays.equals(classScores, d.classScores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frameIndex, box, classId, className, confidence) * 31 + Arrays.hashCode(classScores);
    }

    @Override
    public String toString() {
        return "Detection[frame " + frameIndex + ", " + box + ", " + className + " (" + classId + "), conf "
                + String.format(java.util.Locale.ROOT, "%.3f", confidence)
                + (classScores == null ? "" : ", " + classScores.length + " class scores") + "]";
    }
}
