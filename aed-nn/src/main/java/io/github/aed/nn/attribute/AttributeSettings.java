package io.github.aed.nn.attribute;

import io.github.aed.detect.ObjectDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which attributes an anomaly detector scores objects by, and how their density banks are built.
 *
 * <ul>
 * <li>{@code attributes}: {@link #defaults()} has {@link Velocity}, {@link Direction} and {@link SizeAtPosition}, {@link #forDetector} (the
 *     anomaly detector's default) adds {@link ClassEvidence} for a detector with classes; empty ({@link #none()}) = no
 *     attribute scores, the paper's proxy tasks alone;</li>
 * <li>{@code neighbours} = 5 and {@code neighbourShare} = 1 %: the k-NN distance averages the nearest
 *     {@code max(neighbours, neighbourShare × training objects)} normal objects. A 1-NN distance is dominated by noisy
 *     boxes and outliers among the training objects, and so is any fixed small k once a bank holds thousands of
 *     objects: a few dozen odd ones (a walker whose optical flow failed, a sliver at the frame's edge) make their
 *     corner of feature space look normal. Averaging over a share of the bank makes an object normal only where at
 *     least that share of the training objects lies near it, the share the calibration's upper quantile leaves to
 *     rare normal objects;</li>
 * <li>{@code bankSize} = 2000: larger banks are compressed by k-means to this many centres;</li>
 * <li>{@code seed}: of the k-means draws;</li>
 * <li>{@code calibration} = {@link Calibration#OTHER_VIDEOS}: what the held-out normal objects that calibrate each
 *     attribute are measured against.</li>
 * </ul>
 *
 * @param attributes the attributes, names unique
 * @param neighbours     least k of the k-NN distance
 * @param neighbourShare k as a share of the training objects, in [0, 1); 0 = k is {@code neighbours}
 * @param bankSize       largest bank kept per attribute
 * @param seed       seed of the bank compression
 * @param calibration    what the held-out objects are measured against
 */
public record AttributeSettings(List<ObjectAttribute> attributes, int neighbours, double neighbourShare, int bankSize,
                                long seed, Calibration calibration) {

    /**
     * What the held-out normal objects (the training videos' validation objects) that calibrate an attribute's score
     * are measured against. A held-out object continues tracks whose earlier frames are in the bank, nearly identical
     * to it, so against the whole bank it looks more typical than a new video's normal objects do.
     */
    public enum Calibration {
        /**
         * Each held-out object against a bank of the other training videos' objects (in the whole bank's units, k the
         * same share of that bank), as an object of a new video is measured; with a single training video, against the
         * whole bank. With more than 16 training videos they are dealt into 16 groups (video i into group i mod 16) and
         * a held-out object is measured against the other groups' videos, so training builds at most 16 such banks per
         * attribute however many videos there are. The default.
         */
        OTHER_VIDEOS,
        /** Every held-out object against the whole bank, its own video's objects included (the former default). */
        WHOLE_BANK
    }

    /**
     * Settings calibrated against the other training videos ({@link Calibration#OTHER_VIDEOS}), as before the
     * calibration was a setting.
     */
    public AttributeSettings(List<ObjectAttribute> attributes, int neighbours, double neighbourShare, int bankSize, long seed) {
        this(attributes, neighbours, neighbourShare, bankSize, seed, Calibration.OTHER_VIDEOS);
    }

    /** The default {@code neighbourShare}. */
    public static final double DEFAULT_NEIGHBOUR_SHARE = 0.01;

    /** Validates the settings. */
    public AttributeSettings {
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(calibration, "calibration");
        if (neighbours < 1 || bankSize < neighbours) {
            throw new IllegalArgumentException("attributes: neighbours must be >= 1 and bankSize >= neighbours, got "
                    + neighbours + " and " + bankSize);
        }
        if (!(neighbourShare >= 0 && neighbourShare < 1)) {
            throw new IllegalArgumentException("attributes: neighbourShare must be in [0, 1), got " + neighbourShare);
        }
        if (attributes.stream().map(ObjectAttribute::name).distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("attributes: two attributes share a name in "
                    + attributes.stream().map(ObjectAttribute::name).toList());
        }
    }

    /**
     * Velocity, direction and size at position, k = max(5, 1 % of the training objects), banks of at most 2000 vectors,
     * seed 42, calibrated against the other training videos.
     */
    public static AttributeSettings defaults() {
        return new AttributeSettings(List.of(new Velocity(), new Direction(), new SizeAtPosition()), 5,
                DEFAULT_NEIGHBOUR_SHARE, 2000, 42, Calibration.OTHER_VIDEOS);
    }

    /**
     * {@link #defaults()} for this detector: velocity, direction and size at position, and class evidence when the detector has
     * classes. The anomaly detector's default.
     */
    public static AttributeSettings forDetector(ObjectDetector detector) {
        List<ObjectAttribute> a = new java.util.ArrayList<>(defaults().attributes());
        if (!detector.classNames().isEmpty()) {
            a.add(new ClassEvidence(detector.classNames().size()));
        }
        return defaults().withAttributes(a);
    }

    /** No attribute scores: the proxy tasks alone, as in the paper. */
    public static AttributeSettings none() {
        return defaults().withAttributes(List.of());
    }

    /** These settings with other attributes. */
    public AttributeSettings withAttributes(List<ObjectAttribute> other) {
        return new AttributeSettings(Objects.requireNonNull(other, "attributes"), neighbours, neighbourShare, bankSize, seed,
                calibration);
    }

    /**
     * These settings with {@code replacement} in the place of the attribute of the same name, or after the others if
     * there is none: e.g. {@code withAttribute(new Velocity(1, 2, true))} for speed at the foot point.
     */
    public AttributeSettings withAttribute(ObjectAttribute replacement) {
        Objects.requireNonNull(replacement, "replacement");
        List<ObjectAttribute> out = new ArrayList<>(attributes);
        int at = out.stream().map(ObjectAttribute::name).toList().indexOf(replacement.name());
        if (at < 0) {
            out.add(replacement);
        } else {
            out.set(at, replacement);
        }
        return withAttributes(out);
    }

    /** These settings with k = max({@code neighbours}, {@code neighbourShare} × training objects). */
    public AttributeSettings withNeighbours(int neighbours, double neighbourShare) {
        return new AttributeSettings(attributes, neighbours, neighbourShare, bankSize, seed, calibration);
    }

    /** These settings with another calibration. */
    public AttributeSettings withCalibration(Calibration other) {
        return new AttributeSettings(attributes, neighbours, neighbourShare, bankSize, seed, other);
    }

    /** The k of the k-NN distance for a bank of this many training objects: at least {@code neighbours}, at most all. */
    public int neighboursFor(int trainingObjects) {
        long share = (long) Math.ceil(neighbourShare * trainingObjects - 1e-9);
        return (int) Math.min(trainingObjects, Math.max(neighbours, share));
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    @Override
    public String toString() {
        return attributes.isEmpty() ? "none" : attributes.stream().map(ObjectAttribute::name).toList() + ", k=max(" + neighbours
                + ", " + neighbourShare * 100 + " % of the training objects), bank <= " + bankSize + ", calibrated against "
                + (calibration == Calibration.OTHER_VIDEOS ? "the other training videos" : "the whole bank");
    }
}
