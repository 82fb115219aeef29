package io.github.aed.nn.model;

import io.github.aed.core.cube.CubeSettings;
import io.github.aed.nn.network.MultiTaskNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained multi-task network with the provenance a result needs: the cube settings of training and test, the
 * detector and teacher it was trained with, every task's scores on normal validation objects, and a summary of
 * the training run. What a model file ({@link ModelFile}) holds.
 *
 * @param network         the network
 * @param trainingCubes   the cubes training samples were drawn from (k = 15 in the reference)
 * @param testCubes       the cubes to score at test time (k = 3, same size and colour)
 * @param detector        {@link io.github.aed.detect.ObjectDetector#describe()} of the detector used in training
 * @param teacher         the teacher's description, or "none"
 * @param validationScores every task's raw score on the validation objects (may be empty)
 * @param training        free-form facts about the run (epochs, best epoch, losses, seed, videos), in order
 */
public record TrainedModel(MultiTaskNetwork network, CubeSettings trainingCubes, CubeSettings testCubes, String detector,
                           String teacher, ValidationScores validationScores, Map<String, String> training) {

    /** Validates and copies the maps. */
    public TrainedModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(trainingCubes, "trainingCubes");
        Objects.requireNonNull(testCubes, "testCubes");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(validationScores, "validationScores");
        training = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
        if (testCubes.temporalRadius() < network.testRadius() || testCubes.size() != network.settings().cubeSize()
                || testCubes.channels() != network.settings().channels()) {
            throw new IllegalArgumentException("test cubes " + testCubes + " do not fit the network " + network.settings());
        }
    }
}
