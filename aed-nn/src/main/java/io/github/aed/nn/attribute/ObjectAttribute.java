package io.github.aed.nn.attribute;

import java.util.Map;

/**
 * One interpretable property of an object ("how fast and which way it moves", "how large it is for where it stands",
 * "what class it looks like"), as a fixed-length feature vector. The library scores each attribute by the density of
 * normal training objects around an object's vector ({@link AttributeDensity}), so an attribute only describes; it
 * never decides what is normal.
 *
 * <p>The seam users extend: implement it, give it a provider ({@link AttributeProvider}, listed in
 * {@code META-INF/services/io.github.aed.nn.attribute.AttributeProvider}) so that a model file can make it again, and
 * add it with {@code AnomalyDetector.builder().addAttribute(...)}. Implementations must be stateless (the same view
 * always gives the same vector) and thread-safe.
 */
public interface ObjectAttribute {

    /** The attribute's name: a key of the scores, the {@code --objects} CSV's column, unique among tasks and attributes. */
    String name();

    /** The length of every feature vector. */
    int dimension();

    /**
     * The object's feature vector: {@link #dimension()} finite values. Distances between vectors are Euclidean after
     * each dimension is standardised over the training objects (unless {@link #standardised()} says otherwise), so
     * units need not match across dimensions.
     */
    float[] features(ObjectView object);

    /**
     * Whether the attribute describes this object at all; true by default. An object it does not describe scores 0 (the
     * median normal object: no evidence either way) and is left out of the density bank and its calibration, e.g. the
     * size of a box cut by the frame's edge, which shows part of its object ({@link SizeAtPosition}).
     */
    default boolean describes(ObjectView object) {
        return true;
    }

    /**
     * Whether each dimension is standardised by the normal training objects' mean and standard deviation before
     * distances are taken; true by default. Return false when every dimension shares one unit and a dimension that
     * hardly varies in training must not be magnified by its small spread: a class that normal objects almost never
     * show would otherwise turn a score of 0.01 into many standard deviations ({@link ClassEvidence}).
     */
    default boolean standardised() {
        return true;
    }

    /**
     * How many frames on either side of the object's frame the attribute looks at through
     * {@link ObjectView#flows(int)}; 0 by default (the object's frame's flow alone). The views hold at least this many
     * (at most {@link ObjectViews#MAX_RADIUS}), training and scoring keep the frames for them, and the test cubes reach
     * at least one frame further.
     */
    default int flowRadius() {
        return 0;
    }

    /** The options a provider needs to make this attribute again (saved in model files); empty by default. */
    default Map<String, String> options() {
        return Map.of();
    }
}
