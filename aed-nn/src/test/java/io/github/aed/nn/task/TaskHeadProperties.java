package io.github.aed.nn.task;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Properties of the head declarations: output lengths, losses and validation. */
class TaskHeadProperties {

    @Test
    void outputLengthsFollowTheDeclarationAndTheCubeGeometry() {
        qt().forAll(integers().between(2, 64), integers().between(1, 3), integers().between(1, 64), doubles().between(0, 10))
                .check((n, channels, size, weight) ->
                        TaskHead.classScores(n, weight).outputLength(channels, size) == n
                        && TaskHead.regression(n, OutputActivation.IDENTITY, LossKind.MEAN_SQUARED_ERROR, weight)
                                .outputLength(channels, size) == n
                        && TaskHead.reconstructedCrop(weight).outputLength(channels, size) == channels * size * size
                        && TaskHead.classScores(n, weight).loss() == LossKind.SOFTMAX_CROSS_ENTROPY
                        && TaskHead.reconstructedCrop(weight).loss() == LossKind.MEAN_ABSOLUTE_ERROR
                        && TaskHead.classScores(n, weight).weight() == weight);
    }

    @Test
    void aNegativeOrNonFiniteWeightIsRefused() {
        qt().forAll(doubles().between(-1e6, -1e-9)).checkAssert(w -> {
            assertThrows(IllegalArgumentException.class, () -> TaskHead.reconstructedCrop(w));
            assertThrows(IllegalArgumentException.class, () -> TaskHead.classScores(2, w));
        });
        assertThrows(IllegalArgumentException.class, () -> TaskHead.classScores(2, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TaskHead.classScores(2, Double.POSITIVE_INFINITY));
    }

    @Test
    void malformedHeadsAreRefusedNamingTheField() {
        var classes = assertThrows(IllegalArgumentException.class, () -> TaskHead.classScores(1, 1));
        assertThrows(IllegalArgumentException.class, () -> TaskHead.regression(0, OutputActivation.RELU, LossKind.MEAN_ABSOLUTE_ERROR, 1));
        var loss = assertThrows(IllegalArgumentException.class,
                () -> TaskHead.regression(3, OutputActivation.RELU, LossKind.SOFTMAX_CROSS_ENTROPY, 1));
        assertTrue(classes.getMessage().startsWith("classes")
                && loss.getMessage().startsWith("loss"), classes.getMessage() + " / " + loss.getMessage());
    }
}
