package io.github.aed.nn.model;

import io.github.aed.detect.spec.DetectorRecipe;
import io.github.aed.detect.ObjectDetector;
import java.util.Objects;
import java.util.Optional;

/**
 * The object detector a model was trained with: its description (every setting that changes its output, printed with
 * results) and, when the detector can be rebuilt exactly, its {@link DetectorRecipe} (spec and primed state), so that
 * a loaded model scores with the same detector.
 *
 * @param description {@link ObjectDetector#describe()} at the end of priming
 * @param recipe      what rebuilds it; empty for detectors the spec syntax cannot express (a user's own detector)
 */
public record DetectorProvenance(String description, Optional<DetectorRecipe> recipe) {

    /** Validates the parts. */
    public DetectorProvenance {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipe, "recipe");
    }

    /** The provenance of {@code detector} as it is now (primed or not); builds it once to check its recipe. */
    public static DetectorProvenance of(ObjectDetector detector) {
        return new DetectorProvenance(detector.describe(), DetectorRecipe.of(detector));
    }
}
