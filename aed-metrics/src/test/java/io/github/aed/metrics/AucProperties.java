package io.github.aed.metrics;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the frame AUC on random inputs with many ties: each element encodes a label (lowest bit) and a score
 * from a small set (the other bits), and inputs without both classes are discarded.
 */
class AucProperties {

    private static final Gen<List<Integer>> FRAMES = lists().of(integers().between(0, 13)).ofSizeBetween(2, 80);

    private static boolean[] labels(List<Integer> frames) {
        boolean[] y = new boolean[frames.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (frames.get(i) & 1) == 1;
        }
        return y;
    }

    private static double[] scores(List<Integer> frames) {
        double[] s = new double[frames.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (frames.get(i) >> 1) * 0.37 - 1.1;
        }
        return s;
    }

    private static boolean bothClasses(List<Integer> frames) {
        return frames.stream().anyMatch(v -> (v & 1) == 1) && frames.stream().anyMatch(v -> (v & 1) == 0);
    }

    /** The definition, pair by pair: P(s+ > s-) + ½ P(s+ = s-). */
    private static double bruteForce(boolean[] y, double[] s) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    @Test
    void agreesWithThePairwiseDefinition() {
        qt().forAll(FRAMES).assuming(AucProperties::bothClasses).check(f ->
                Math.abs(Auc.auc(labels(f), scores(f)) - bruteForce(labels(f), scores(f))) < 1e-12);
    }

    @Test
    void invariantUnderStrictlyIncreasingTransforms() {
        qt().forAll(FRAMES).assuming(AucProperties::bothClasses).check(f -> {
            double[] s = scores(f);
            double[] t = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                t[i] = Math.exp(3 * s[i]) + 7;
            }
            return Auc.auc(labels(f), s) == Auc.auc(labels(f), t);
        });
    }

    @Test
    void flippingTheLabelsGivesOneMinusTheAuc() {
        qt().forAll(FRAMES).assuming(AucProperties::bothClasses).check(f -> {
            boolean[] y = labels(f);
            boolean[] flipped = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                flipped[i] = !y[i];
            }
            return Math.abs(Auc.auc(flipped, scores(f)) - (1 - Auc.auc(y, scores(f)))) < 1e-12;
        });
    }

    @Test
    void rocAreaEqualsTheAuc() {
        qt().forAll(FRAMES).assuming(AucProperties::bothClasses).check(f ->
                Math.abs(Auc.rocCurve(labels(f), scores(f)).area() - Auc.auc(labels(f), scores(f))) < 1e-12);
    }

    @Test
    void equalErrorRateLiesOnTheCurveBetweenZeroAndOne() {
        qt().forAll(FRAMES).assuming(AucProperties::bothClasses).check(f -> {
            double eer = Auc.rocCurve(labels(f), scores(f)).equalErrorRate();
            return eer >= 0 && eer <= 1;
        });
    }
}
