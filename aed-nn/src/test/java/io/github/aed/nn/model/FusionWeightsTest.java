package io.github.aed.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionWeightsTest {

    @Test
    void aucCountsWinsAndHalfTies() {
        assertEquals(1.0, FusionWeights.auc(new double[] {0, 1}, new double[] {2, 3}), 0);
        assertEquals(0.0, FusionWeights.auc(new double[] {2, 3}, new double[] {0, 1}), 0);
        assertEquals(0.5, FusionWeights.auc(new double[] {1, 1}, new double[] {1}), 0);
        assertEquals(0.75, FusionWeights.auc(new double[] {0, 2}, new double[] {1, 3}), 0);
    }

    @Test
    void aScoreThatCannotSeparateGetsNoWeight() {
        FusionWeights w = FusionWeights.fromSeparation(Map.of("good", new double[] {0, 1, 2}, "useless", new double[] {5, 6, 7}),
                Map.of("good", new double[] {3, 4}, "useless", new double[] {1, 2}));
        assertEquals(1.0, w.weights().get("good"), 0);
        assertEquals(0.0, w.weights().get("useless"), 0);
        assertEquals(0.0, w.separation().get("useless"), 0);
    }

    @Test
    void whenNothingSeparatesEveryScoreWeighsOne() {
        FusionWeights w = FusionWeights.fromSeparation(Map.of("a", new double[] {1, 2}), Map.of("a", new double[] {1, 2}));
        assertEquals(1.0, w.weights().get("a"), 0);
    }

    @Test
    void missingPseudoAnomalyScoresAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FusionWeights.fromSeparation(Map.of("a", new double[] {1}), Map.of()));
        assertEquals("no pseudo-anomaly scores for 'a'", e.getMessage());
    }
}
