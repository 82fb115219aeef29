package io.github.aed.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class NmsProperties {

    private static final Gen<Detection> DETECTION = SourceDSL.integers().between(0, 60)
            .zip(SourceDSL.integers().between(0, 60), SourceDSL.integers().between(1, 40), (x, y, w) -> new int[] {x, y, w})
            .zip(SourceDSL.integers().between(1, 40), SourceDSL.integers().between(0, 2), (xyw, h, cls) ->
                    new int[] {xyw[0], xyw[1], xyw[2], h, cls})
            .zip(SourceDSL.integers().between(0, 20), (v, conf) ->
                    Detection.of(0, Box.ofSize(v[0], v[1], v[2], v[3]), v[4], "c" + v[4], conf / 20.0));

    private static final Gen<List<Detection>> DETECTIONS = SourceDSL.lists().of(DETECTION).ofSizeBetween(0, 25);
    private static final Gen<Double> THRESHOLD = SourceDSL.integers().between(0, 10).map(i -> i / 10.0);

    @Test
    void perClassNmsIsIdempotent() {
        qt().forAll(DETECTIONS, THRESHOLD).checkAssert((ds, t) -> {
            List<Detection> once = Nms.perClass(ds, t);
            assertEquals(once, Nms.perClass(once, t));
        });
    }

    @Test
    void acrossClassNmsIsIdempotent() {
        qt().forAll(DETECTIONS, THRESHOLD).checkAssert((ds, t) -> {
            List<Detection> once = Nms.acrossClasses(ds, t);
            assertEquals(once, Nms.acrossClasses(once, t));
        });
    }

    @Test
    void outputIsASubsetOfTheInput() {
        qt().forAll(DETECTIONS, THRESHOLD).check((ds, t) -> new HashSet<>(ds).containsAll(Nms.perClass(ds, t))
                && new HashSet<>(ds).containsAll(Nms.acrossClasses(ds, t)));
    }

    @Test
    void noTwoKeptBoxesOfOneClassOverlapAboveTheThreshold() {
        qt().forAll(DETECTIONS, THRESHOLD).check((ds, t) -> {
            List<Detection> kept = Nms.perClass(ds, t);
            for (int i = 0; i < kept.size(); i++) {
                for (int j = i + 1; j < kept.size(); j++) {
                    if (kept.get(i).classId() == kept.get(j).classId() && kept.get(i).box().iou(kept.get(j).box()) > t) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    @Test
    void theMostConfidentDetectionOfEachClassSurvives() {
        qt().forAll(DETECTIONS, THRESHOLD).check((ds, t) -> {
            List<Detection> kept = Nms.perClass(ds, t);
            for (int cls = 0; cls <= 2; cls++) {
                int c = cls;
                double best = ds.stream().filter(d -> d.classId() == c).mapToDouble(Detection::confidence).max().orElse(-1);
                double keptBest = kept.stream().filter(d -> d.classId() == c).mapToDouble(Detection::confidence).max().orElse(-1);
                if (best != keptBest) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        qt().forAll(DETECTIONS, THRESHOLD).checkAssert((ds, t) -> {
            List<Detection> reversed = new ArrayList<>(ds);
            java.util.Collections.reverse(reversed);
            assertEquals(Nms.perClass(ds, t), Nms.perClass(reversed, t));
        });
    }
}
