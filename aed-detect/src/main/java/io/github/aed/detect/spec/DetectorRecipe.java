package io.github.aed.detect.spec;

import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.PrimedState;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What rebuilds a detector exactly: the {@link DetectorSpec} text of its kind and settings, and the state its
 * {@link ObjectDetector#prime} learned. A model file keeps the recipe of the detector it was trained with, so that
 * loading the model gives back the same detector.
 *
 * @param spec  the spec, parsed by {@link DetectorSpec#parse}
 * @param state what priming learned ({@link PrimedState#NONE} for an unprimed detector)
 */
public record DetectorRecipe(String spec, PrimedState state) {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorRecipe.class);

    /** Validates the parts. */
    public DetectorRecipe {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        if (spec.isBlank()) {
            throw new IllegalArgumentException("a detector recipe needs a spec");
        }
    }

    /**
     * The recipe of {@code detector}, when one exists: the detector has a {@link ObjectDetector#spec()}, and the
     * detector that spec and its primed state rebuild describes itself exactly as {@code detector} does (its
     * {@link ObjectDetector#describe()} names every setting that changes the output). Empty otherwise, e.g. for a
     * motion detector with settings the spec syntax cannot express. Builds the detector once to check.
     */
    public static Optional<DetectorRecipe> of(ObjectDetector detector) {
        return verified(detector).map(v -> {
            v.copy().close();
            return v.recipe();
        });
    }

    /**
     * A new detector that detects exactly as {@code detector} does (its recipe rebuilt, primed state included), for
     * another thread; empty when {@code detector} has no recipe ({@link #of}). The caller owns and closes it.
     */
    public static Optional<ObjectDetector> copyOf(ObjectDetector detector) {
        return verified(detector).map(Verified::copy);
    }

    /** A recipe and the detector it rebuilt, which describes itself as the original does. */
    private record Verified(DetectorRecipe recipe, ObjectDetector copy) {
    }

    private static Optional<Verified> verified(ObjectDetector detector) {
        Optional<String> spec = detector.spec();
        if (spec.isEmpty()) {
            LOG.debug("no recipe for {}: it has no spec", detector.describe());
            return Optional.empty();
        }
        DetectorRecipe recipe = new DetectorRecipe(spec.get(), detector.primedState());
        ObjectDetector rebuilt;
        try {
            rebuilt = recipe.rebuild();
        } catch (RuntimeException e) {
            LOG.debug("no recipe for {}: its spec '{}' does not rebuild it: {}", detector.describe(), spec.get(), e.toString());
            return Optional.empty();
        }
        if (rebuilt.describe().equals(detector.describe())) {
            return Optional.of(new Verified(recipe, rebuilt));
        }
        LOG.debug("no recipe for {}: its spec '{}' rebuilds {}", detector.describe(), spec.get(), rebuilt.describe());
        rebuilt.close();
        return Optional.empty();
    }

    /**
     * A new detector from the spec, with the primed state restored.
     *
     * @throws IllegalArgumentException if the spec does not parse or the state does not fit the detector it names
     */
    public ObjectDetector rebuild() {
        ObjectDetector detector = DetectorSpec.parse(spec);
        try {
            detector.restore(state);
            return detector;
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }
}
