package io.github.aed.nn.attribute;

import io.github.aed.detect.ObjectDetector;
import java.util.List;
import java.util.Objects;

/**
 * Which attributes an anomaly detector scores objects by, and how their density banks are built.
 *
 * <ul>
 * <li>{@code attributes}: {@link #defaults()} has {@link Velocity}, {@link Direction} and {@link SizeAtPosition}, {@link #forDetector} (the
 *     anomaly detector's default) adds {@link ClassEvidence} for a detector with classes; empty ({@link #none()}) = no
 *     attribute scores, the paper's proxy tasks alone;</li>
 * <li>{@code neighbours} k = 5: nearest bank vectors averaged (a 1-NN distance is dominated by noisy boxes and
 *     outliers among the training objects);</li>
 * <li>{@code bankSize} = 2000: larger banks are compressed by k-means to this many centres;</li>
 * <li>{@code seed}: of the k-means draws.</li>
 * </ul>
 *
 * @param attributes the attributes, names unique
 * @param neighbours k of the k-NN distance
 * @param bankSize   largest bank kept per attribute
 * @param seed       seed of the bank compression
 */
public record AttributeSettings(List<ObjectAttribute> attributes, int neighbours, int bankSize, long seed) {

    /** Validates the settings. */
    public AttributeSettings {
        attributes = List.copyOf(attributes);
        if (neighbours < 1 || bankSize < neighbours) {
            throw new IllegalArgumentException("attributes: neighbours must be >= 1 and bankSize >= neighbours, got "
                    + neighbours + " and " + bankSize);
        }
        if (attributes.stream().map(ObjectAttribute::name).distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("attributes: two attributes share a name in "
                    + attributes.stream().map(ObjectAttribute::name).toList());
        }
    }

    /** Velocity, direction and size at position, k = 5, banks of at most 2000 vectors, seed 42. */
    public static AttributeSettings defaults() {
        return new AttributeSettings(List.of(new Velocity(), new Direction(), new SizeAtPosition()), 5, 2000, 42);
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
        return new AttributeSettings(List.of(), 5, 2000, 42);
    }

    /** These settings with other attributes. */
    public AttributeSettings withAttributes(List<ObjectAttribute> other) {
        return new AttributeSettings(Objects.requireNonNull(other, "attributes"), neighbours, bankSize, seed);
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    @Override
    public String toString() {
        return attributes.isEmpty() ? "none" : attributes.stream().map(ObjectAttribute::name).toList() + ", k=" + neighbours
                + ", bank <= " + bankSize;
    }
}
