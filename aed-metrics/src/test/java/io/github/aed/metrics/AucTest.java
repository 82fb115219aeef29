package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AucTest {

    private static final boolean[] Y = {false, false, true, true};
    private static final double[] S = {.5, .6, .4, .7};

    @Test
    void referenceVectorGivesOneHalf() {
        assertEquals(0.5, Auc.auc(Y, S), 0.0);
    }

    @Test
    void referenceVectorWithSsmtlPaddingGivesSevenNinths() {
        MacroAuc padded = Auc.macro(List.of("v"), List.of(Y), List.of(S), SingleClassVideoPolicy.SSMTL_PAD);
        assertEquals(7.0 / 9.0, padded.value().getAsDouble(), 1e-15);
        assertEquals(Auc.auc(new boolean[] {false, false, false, true, true, true}, new double[] {0, .5, .6, .4, .7, 1}),
                padded.value().getAsDouble(), 0.0);
    }

    @Test
    void tiesCountOneHalf() {
        assertEquals(0.5, Auc.auc(new boolean[] {false, true}, new double[] {3, 3}), 0.0);
        assertEquals(0.75, Auc.auc(new boolean[] {false, false, true}, new double[] {1, 2, 2}), 0.0);
    }

    @Test
    void oneClassIsUndefinedNotNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Auc.auc(new boolean[] {true, true}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("all 2 frames are abnormal"), e.getMessage());
        assertTrue(Auc.aucIfDefined(new boolean[] {false}, new double[] {1}).isEmpty());
    }

    @Test
    void nonFiniteScoreIsRejectedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Auc.auc(new boolean[] {true, false, true}, new double[] {1, Double.NaN, 2}));
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
    }

    @Test
    void negativeZeroTiesWithZero() {
        assertEquals(0.5, Auc.auc(new boolean[] {false, true}, new double[] {0.0, -0.0}), 0.0);
    }

    @Test
    void macroSkipsOneClassVideosAndNamesThem() {
        MacroAuc m = Auc.macro(List.of("a", "b", "c"),
                List.of(Y, new boolean[] {true, true}, new boolean[] {false, true}),
                List.of(S, new double[] {.1, .2}, new double[] {.1, .9}), SingleClassVideoPolicy.SKIP);
        assertEquals(0.75, m.value().getAsDouble(), 0.0);
        assertEquals(2, m.videosAveraged());
        assertEquals(List.of("b"), m.skippedVideos());
    }

    @Test
    void paddingMakesAFullyAbnormalVideoPerfectWhateverItsScores() {
        MacroAuc m = Auc.macro(List.of("all-abnormal"), List.of(new boolean[] {true, true, true}),
                List.of(new double[] {0.9, 0.01, 0.5}), SingleClassVideoPolicy.SSMTL_PAD);
        assertEquals(1.0, m.value().getAsDouble(), 0.0);
    }

    @Test
    void macroOfOnlyOneClassVideosIsEmpty() {
        MacroAuc m = Auc.macro(List.of("x"), List.of(new boolean[] {false}), List.of(new double[] {1}), SingleClassVideoPolicy.SKIP);
        assertTrue(m.value().isEmpty());
        assertEquals(List.of("x"), m.skippedVideos());
    }

    @Test
    void rocCurveGroupsTiesAndEndsAtOneOne() {
        RocCurve roc = Auc.rocCurve(new boolean[] {false, true, false, true}, new double[] {0.1, 0.8, 0.8, 0.3});
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.3, 0.1}, roc.thresholds(), 0.0);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1}, roc.falsePositiveRates(), 0.0);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.truePositiveRates(), 0.0);
        // pairs (abnormal, normal): (0.8, 0.1) 1, (0.8, 0.8) ½, (0.3, 0.1) 1, (0.3, 0.8) 0 -> 2.5 / 4
        assertEquals(0.625, roc.area(), 0.0);
        assertEquals(0.625, Auc.auc(new boolean[] {false, true, false, true}, new double[] {0.1, 0.8, 0.8, 0.3}), 0.0);
    }

    @Test
    void equalErrorRateOfAPerfectAndOfAnInvertedRanking() {
        RocCurve perfect = Auc.rocCurve(new boolean[] {false, false, true, true}, new double[] {1, 2, 3, 4});
        assertEquals(0.0, perfect.equalErrorRate(), 0.0);
        assertEquals(3.0, perfect.equalErrorThreshold(), 0.0);
        RocCurve inverted = Auc.rocCurve(new boolean[] {true, true, false, false}, new double[] {1, 2, 3, 4});
        assertEquals(1.0, inverted.equalErrorRate(), 0.0);
        RocCurve tied = Auc.rocCurve(new boolean[] {true, false}, new double[] {5, 5});
        assertEquals(0.5, tied.equalErrorRate(), 0.0);
    }
}
