package io.github.aed.detect;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configurable post-processing stage applied to one frame's detections, in this fixed order:
 * <ol>
 *   <li>boxes are clipped to the frame; boxes with nothing left inside the frame are dropped;</li>
 *   <li>class filter: only the listed class ids are kept (all when the list is empty);</li>
 *   <li>confidence filter: {@code confidence >= minConfidence};</li>
 *   <li>area filter: {@code minArea <= width * height <= maxArea}, in pixels of the frame;</li>
 *   <li>aspect filter: {@code minAspect <= width / height <= maxAspect};</li>
 *   <li>non-maximum suppression ({@link NmsMode}, IoU threshold);</li>
 *   <li>overlap removal: a box of which at least the given fraction of its area lies inside a more confident kept box
 *       is dropped (nested boxes that NMS lets through because their IoU is small);</li>
 *   <li>at most {@code maxPerFrame} detections, the most confident, are kept.</li>
 * </ol>
 * The result is sorted by descending confidence. Instances are immutable and thread-safe. {@link #NONE} only clips.
 */
public final class PostProcessor {

    /** Clips boxes to the frame and changes nothing else. */
    public static final PostProcessor NONE = builder().build();

    private final double minConfidence;
    private final Set<Integer> classes;
    private final long minArea;
    private final long maxArea;
    private final double minAspect;
    private final double maxAspect;
    private final NmsMode nmsMode;
    private final double nmsIou;
    private final double containedFraction;
    private final int maxPerFrame;

    private PostProcessor(Builder b) {
        this.minConfidence = b.minConfidence;
        this.classes = Set.copyOf(b.classes);
        this.minArea = b.minArea;
        this.maxArea = b.maxArea;
        this.minAspect = b.minAspect;
        this.maxAspect = b.maxAspect;
        this.nmsMode = b.nmsMode;
        this.nmsIou = b.nmsIou;
        this.containedFraction = b.containedFraction;
        this.maxPerFrame = b.maxPerFrame;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this stage's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.minConfidence = minConfidence;
        b.classes = new TreeSet<>(classes);
        b.minArea = minArea;
        b.maxArea = maxArea;
        b.minAspect = minAspect;
        b.maxAspect = maxAspect;
        b.nmsMode = nmsMode;
        b.nmsIou = nmsIou;
        b.containedFraction = containedFraction;
        b.maxPerFrame = maxPerFrame;
        return b;
    }

    /**
     * Applies the stage to the detections of one frame.
     *
     * @param frameWidth  width of the frame the boxes belong to, in pixels
     * @param frameHeight height of that frame
     */
    public List<Detection> apply(List<Detection> detections, int frameWidth, int frameHeight) {
        List<Detection> kept = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            Box clipped = d.box().clipTo(frameWidth, frameHeight);
            if (clipped.isEmpty() || !passesFilters(d, clipped)) {
                continue;
            }
            kept.add(clipped.equals(d.box()) ? d : d.withBox(clipped));
        }
        kept = switch (nmsMode) {
            case NONE -> sortedCopy(kept);
            case PER_CLASS -> Nms.perClass(kept, nmsIou);
            case ACROSS_CLASSES -> Nms.acrossClasses(kept, nmsIou);
        };
        if (containedFraction <= 1) {
            kept = removeContained(kept);
        }
        return kept.size() > maxPerFrame ? List.copyOf(kept.subList(0, maxPerFrame)) : kept;
    }

    private boolean passesFilters(Detection d, Box box) {
        if (!classes.isEmpty() && !classes.contains(d.classId())) {
            return false;
        }
        if (d.confidence() < minConfidence) {
            return false;
        }
        long area = box.area();
        if (area < minArea || area > maxArea) {
            return false;
        }
        double aspect = (double) box.width() / box.height();
        return aspect >= minAspect && aspect <= maxAspect;
    }

    private static List<Detection> sortedCopy(List<Detection> ds) {
        List<Detection> s = new ArrayList<>(ds);
        s.sort(Nms.BY_CONFIDENCE);
        return s;
    }

    private List<Detection> removeContained(List<Detection> sorted) {
        List<Detection> kept = new ArrayList<>(sorted.size());
        for (Detection d : sorted) {
            boolean inside = false;
            for (Detection k : kept) {
                if (k.box().intersection(d.box()).area() >= containedFraction * d.box().area()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(d);
            }
        }
        return kept;
    }

    public double minConfidence() {
        return minConfidence;
    }

    /** The class ids kept; empty means every class. */
    public Set<Integer> classes() {
        return classes;
    }

    public long minArea() {
        return minArea;
    }

    public long maxArea() {
        return maxArea;
    }

    public double minAspect() {
        return minAspect;
    }

    public double maxAspect() {
        return maxAspect;
    }

    public NmsMode nmsMode() {
        return nmsMode;
    }

    public double nmsIou() {
        return nmsIou;
    }

    /** The contained-area fraction above which a box is removed, if overlap removal is on. */
    public OptionalDouble containedFraction() {
        return containedFraction <= 1 ? OptionalDouble.of(containedFraction) : OptionalDouble.empty();
    }

    public int maxPerFrame() {
        return maxPerFrame;
    }

    /** Every setting, e.g. {@code post[conf>=0.30, classes=all, area=100..max, ...]}. */
    public String describe() {
        StringBuilder s = new StringBuilder("post[");
        s.append(String.format(Locale.ROOT, "conf>=%.3f", minConfidence));
        s.append(", classes=").append(classes.isEmpty() ? "all" : new TreeSet<>(classes).toString());
        s.append(", area=").append(minArea).append("..").append(maxArea == Long.MAX_VALUE ? "max" : Long.toString(maxArea));
        s.append(String.format(Locale.ROOT, ", aspect=%.3f..%s", minAspect,
                Double.isInfinite(maxAspect) ? "max" : String.format(Locale.ROOT, "%.3f", maxAspect)));
        s.append(", nms=").append(nmsMode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (nmsMode != NmsMode.NONE) {
            s.append(String.format(Locale.ROOT, "@%.3f", nmsIou));
        }
        s.append(", contained=").append(containedFraction <= 1
                ? String.format(Locale.ROOT, ">=%.3f removed", containedFraction) : "kept");
        s.append(", max/frame=").append(maxPerFrame == Integer.MAX_VALUE ? "all" : Integer.toString(maxPerFrame));
        return s.append(']').toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostProcessor p && describe().equals(p.describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    /** Settings of a {@link PostProcessor}; every one is optional, and the defaults change nothing but clipping. */
    public static final class Builder {
        private double minConfidence;
        private Set<Integer> classes = new TreeSet<>();
        private long minArea;
        private long maxArea = Long.MAX_VALUE;
        private double minAspect;
        private double maxAspect = Double.POSITIVE_INFINITY;
        private NmsMode nmsMode = NmsMode.NONE;
        private double nmsIou = 0.5;
        private double containedFraction = Double.POSITIVE_INFINITY;
        private int maxPerFrame = Integer.MAX_VALUE;

        private Builder() {
        }

        /** Drops detections below this confidence, in [0, 1]. Default 0. */
        public Builder minConfidence(double value) {
            minConfidence = Check.unitInterval("minimum confidence", value);
            return this;
        }

        /** Keeps only these class ids (replacing any earlier list); an empty list keeps every class (the default). */
        public Builder classes(Set<Integer> classIds) {
            for (Integer c : Objects.requireNonNull(classIds, "classIds")) {
                if (c == null || c < Detection.UNKNOWN_CLASS) {
                    throw new IllegalArgumentException("class ids must be >= -1 (UNKNOWN_CLASS), got " + c);
                }
            }
            classes = new TreeSet<>(classIds);
            return this;
        }

        /** Keeps boxes whose area in pixels lies in [min, max]. Default: any area. */
        public Builder area(long min, long max) {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("area range must satisfy 0 <= min <= max, got " + min + ".." + max);
            }
            minArea = min;
            maxArea = max;
            return this;
        }

        /** Keeps boxes whose width / height lies in [min, max]; {@code Double.POSITIVE_INFINITY} for no upper limit. */
        public Builder aspect(double min, double max) {
            if (!(min >= 0) || !(max >= min)) {
                throw new IllegalArgumentException("aspect range must satisfy 0 <= min <= max, got " + min + ".." + max);
            }
            minAspect = min;
            maxAspect = max;
            return this;
        }

        /** Non-maximum suppression with this mode and IoU threshold in [0, 1]. Default: none. */
        public Builder nms(NmsMode mode, double iouThreshold) {
            nmsMode = Objects.requireNonNull(mode, "mode");
            nmsIou = Check.unitInterval("NMS IoU threshold", iouThreshold);
            return this;
        }

        /**
         * Removes a box when at least {@code fraction} (in (0, 1]) of its area lies inside a more confident kept box.
         * Default: off.
         */
        public Builder removeContained(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("contained fraction must be in (0, 1], got " + fraction);
            }
            containedFraction = fraction;
            return this;
        }

        /** Keeps at most this many detections per frame, the most confident. Default: all. */
        public Builder maxPerFrame(int max) {
            maxPerFrame = Check.atLeast("max detections per frame", max, 1);
            return this;
        }

        public PostProcessor build() {
            return new PostProcessor(this);
        }
    }
}
