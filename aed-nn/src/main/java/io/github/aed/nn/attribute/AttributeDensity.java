package io.github.aed.nn.attribute;

import io.github.aed.nn.scoring.Normalisation;
import io.github.aed.nn.scoring.ScoreStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One attribute's anomaly score: the k-nearest-neighbour distance of an object's feature vector to the normal
 * training objects ({@link DensityBank}), calibrated on held-out normal objects so that the scores of different
 * attributes are comparable: 0 is the median held-out normal object, 1 its {@value #UPPER_QUANTILE} quantile (or its
 * farthest, when the quantile equals the median; or one standardised unit beyond the median, when all held-out objects
 * are at one distance), so a score of 3 means three times as far beyond the typical normal object as the rare normal
 * ones go. Immutable and thread-safe.
 *
 * @param attribute the attribute
 * @param bank      the normal training objects' vectors
 * @param median    median distance of the held-out normal objects
 * @param upper     their {@value #UPPER_QUANTILE} quantile distance, greater than {@code median}
 */
public record AttributeDensity(ObjectAttribute attribute, DensityBank bank, double median, double upper) {

    /** The held-out quantile that calibrates a score to 1 (the scoring's {@link ScoreStatistics#UPPER_QUANTILE}). */
    public static final double UPPER_QUANTILE = ScoreStatistics.UPPER_QUANTILE;

    /** Validates the calibration. */
    public AttributeDensity {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(bank, "bank");
        if (bank.dimension() != attribute.dimension()) {
            throw new IllegalArgumentException("attribute " + attribute.name() + " has " + attribute.dimension()
                    + " dimensions, its bank " + bank.dimension());
        }
        if (!Double.isFinite(median) || !Double.isFinite(upper) || !(upper > median)) {
            throw new IllegalArgumentException("attribute " + attribute.name() + ": calibration needs finite median < upper, got "
                    + median + ", " + upper);
        }
    }

    /**
     * Builds the bank from training objects and calibrates it on held-out ones.
     *
     * @param training features of normal training objects
     * @param heldOut  features of other normal objects (at least 2), never in the bank
     * @param settings k, bank size and seed
     * @throws IllegalArgumentException if there are too few objects
     */
    public static AttributeDensity fit(ObjectAttribute attribute, List<float[]> training, List<float[]> heldOut,
                                       AttributeSettings settings) {
        DensityBank bank = DensityBank.fit(training, settings.neighboursFor(training.size()), settings.bankSize(),
                settings.seed(), attribute.standardised());
        return calibrated(attribute, bank, heldOut.stream().mapToDouble(bank::distance).toArray());
    }

    /**
     * A bank calibrated by the distances of held-out normal objects, measured by the caller: to this bank, or to a
     * bank in the same units that stands for the training objects as a new video would see them (without the held-out
     * object's own video, say).
     *
     * @param heldOutDistances k-NN distances of at least 2 held-out normal objects
     * @throws IllegalArgumentException if there are fewer than 2 distances
     */
    public static AttributeDensity calibrated(ObjectAttribute attribute, DensityBank bank, double[] heldOutDistances) {
        if (heldOutDistances.length < 2) {
            throw new IllegalArgumentException("attribute " + attribute.name() + ": calibration needs at least 2 held-out normal "
                    + "objects, got " + heldOutDistances.length);
        }
        double[] anchors = Normalisation.TRAINING_QUANTILES.anchors(heldOutDistances);
        double median = anchors[0];
        return new AttributeDensity(attribute, bank, median, anchors[1] > median ? anchors[1] : median + 1);
    }

    /** The calibrated score of a k-NN distance (as {@link DensityBank#distance} measures it). */
    public double scoreOfDistance(double distance) {
        return (distance - median) / (upper - median);
    }

    /** The calibrated score of a feature vector. */
    public double score(float[] features) {
        return scoreOfDistance(bank.distance(features));
    }

    /** The calibrated score of an object; 0 (the median normal object) for one the attribute does not describe. */
    public double score(ObjectView object) {
        return attribute.describes(object) ? score(attribute.features(object)) : 0;
    }

    public String name() {
        return attribute.name();
    }

    /** The attribute, its bank and calibration, on one line. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: k=%d of %.0f normal objects in %d vectors, held-out median %.4g, q%.0f %.4g",
                attribute, bank.k(), bank.objects(), bank.size(), median, UPPER_QUANTILE * 100, upper);
    }

}
