package io.github.aed.nn.scoring;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class VideoScorerProperties {

    private static final int FRAMES = 12;

    private static Gen<ObjectScores> objects() {
        return integers().between(0, FRAMES - 1).zip(integers().between(0, 50), integers().between(0, 30),
                integers().between(0, 1000), (f, x, y, s) -> new ObjectScores(
                        Detection.unclassified(f, Box.ofSize(x, y, 1 + s % 9, 1 + s % 7), 1), Map.of("t", s / 1000.0)));
    }

    @Test
    void withoutFiltersAFrameScoresTheMaximumOfItsObjects() {
        ScoringSettings s = ScoringSettings.builder().normalisation(Normalisation.NONE).blockSize(5).meanFilterSize(0).build();
        qt().forAll(lists().of(objects()).ofSizeBetween(0, 20)).check(list -> {
            VideoScores v = new VideoScorer(s, null).score("v", FRAMES, 60, 40, list);
            for (int f = 0; f < FRAMES; f++) {
                double expected = 0;
                for (ObjectScores o : list) {
                    if (o.detection().frameIndex() == f) {
                        expected = Math.max(expected, o.score("t"));
                    }
                }
                if (Math.abs(v.frameScore(f) - expected) > 1e-6) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void perVideoScoresLieInUnitRangeAndTheMaximumObjectScoresOne() {
        qt().forAll(lists().of(objects()).ofSizeBetween(2, 20)).check(list -> {
            VideoScores v = new VideoScorer(ScoringSettings.builder().normalisation(Normalisation.PER_VIDEO_MIN_MAX).build(), null)
                    .score("v", FRAMES, 60, 40, list);
            double max = 0;
            for (ScoredObject o : v.objects()) {
                if (o.score() < 0 || o.score() > 1) {
                    return false;
                }
                max = Math.max(max, o.score());
            }
            boolean allEqual = list.stream().mapToDouble(o -> o.score("t")).distinct().count() == 1;
            return allEqual ? max == 0 : Math.abs(max - 1) < 1e-12;
        });
    }

    @Test
    void meanFilterKeepsScoresWithinTheInputRange() {
        ScoringSettings s = ScoringSettings.builder().normalisation(Normalisation.NONE).blockSize(4).meanFilterSize(5).build();
        qt().withExamples(50).forAll(lists().of(objects()).ofSizeBetween(1, 10)).check(list -> {
            VideoScores v = new VideoScorer(s, null).score("v", FRAMES, 60, 40, list);
            double hi = list.stream().mapToDouble(o -> o.score("t")).max().orElse(0);
            for (double x : v.frameScores()) {
                if (x < -1e-9 || x > hi + 1e-6) {
                    return false;
                }
            }
            return true;
        });
    }
}
