package io.github.aed.detect;

import io.github.aed.core.detection.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy non-maximum suppression: detections are visited from the most to the least confident, and one is kept unless
 * its box overlaps an already kept box (of the same class, or of any class) by an intersection-over-union strictly
 * greater than the threshold.
 *
 * <p>Ties in confidence are broken by box position and class, so the result does not depend on the input order. The
 * result is sorted by descending confidence. Applying NMS to its own result changes nothing.
 */
public final class Nms {

    /** The visiting order: descending confidence, then top-left corner, size and class, for determinism. */
    public static final Comparator<Detection> BY_CONFIDENCE = Comparator
            .comparingDouble(Detection::confidence).reversed()
            .thenComparingInt((Detection d) -> d.box().yMin())
            .thenComparingInt(d -> d.box().xMin())
            .thenComparingInt(d -> d.box().yMax())
            .thenComparingInt(d -> d.box().xMax())
            .thenComparingInt(Detection::classId)
            .thenComparingInt(Detection::frameIndex);

    private Nms() {
    }

    /**
     * Suppression within each class: boxes of different classes never suppress each other.
     *
     * @param iouThreshold in [0, 1]; a box is dropped when its IoU with a kept box of its class is above it
     */
    public static List<Detection> perClass(List<Detection> detections, double iouThreshold) {
        return suppress(detections, iouThreshold, true, Integer.MAX_VALUE);
    }

    /** Suppression across classes: any kept box suppresses any other box, whatever its class. */
    public static List<Detection> acrossClasses(List<Detection> detections, double iouThreshold) {
        return suppress(detections, iouThreshold, false, Integer.MAX_VALUE);
    }

    /**
     * The general form.
     *
     * @param perClass          whether only boxes of one class suppress each other
     * @param maxKeptPerClass   at most this many detections of each class are kept (the most confident), at least 1
     */
    public static List<Detection> suppress(List<Detection> detections, double iouThreshold, boolean perClass,
            int maxKeptPerClass) {
        Check.unitInterval("NMS IoU threshold", iouThreshold);
        Check.atLeast("boxes kept per class", maxKeptPerClass, 1);
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(BY_CONFIDENCE);
        List<Detection> kept = new ArrayList<>();
        Map<Integer, Integer> keptPerClass = new HashMap<>();
        for (Detection candidate : sorted) {
            int count = keptPerClass.getOrDefault(candidate.classId(), 0);
            if (count >= maxKeptPerClass || overlapsKept(candidate, kept, iouThreshold, perClass)) {
                continue;
            }
            kept.add(candidate);
            keptPerClass.put(candidate.classId(), count + 1);
        }
        return kept;
    }

    private static boolean overlapsKept(Detection candidate, List<Detection> kept, double iouThreshold, boolean perClass) {
        for (Detection k : kept) {
            if ((!perClass || k.classId() == candidate.classId()) && k.box().iou(candidate.box()) > iouThreshold) {
                return true;
            }
        }
        return false;
    }
}
