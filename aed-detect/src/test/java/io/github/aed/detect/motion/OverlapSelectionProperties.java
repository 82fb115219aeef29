package io.github.aed.detect.motion;

import static org.quicktheories.QuickTheory.qt;

import io.github.aed.core.geometry.Box;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class OverlapSelectionProperties {

    private static final Gen<Box> BOX = SourceDSL.integers().between(0, 60)
            .zip(SourceDSL.integers().between(0, 60), SourceDSL.integers().between(1, 40), (x, y, w) -> new int[] {x, y, w})
            .zip(SourceDSL.integers().between(1, 40), (v, h) -> Box.ofSize(v[0], v[1], v[2], h));
    private static final Gen<List<Box>> BOXES = SourceDSL.lists().of(BOX).ofSizeBetween(0, 25);
    private static final Gen<Integer> CAP = SourceDSL.integers().between(0, 15);
    private static final Gen<Double> NMS = SourceDSL.integers().between(0, 10).map(i -> i / 10.0);
    private static final Gen<Double> EXPONENT = SourceDSL.integers().between(1, 10).map(i -> i / 2.0);

    @Test
    void neverMoreThanTheCapAndOnlyDistinctProposals() {
        qt().forAll(BOXES, CAP, NMS, EXPONENT).check((boxes, cap, nms, p) -> {
            List<Integer> chosen = OverlapSelection.select(boxes, cap, nms, p);
            Set<Integer> distinct = new HashSet<>(chosen);
            return chosen.size() <= cap && distinct.size() == chosen.size()
                    && chosen.stream().allMatch(i -> i >= 0 && i < boxes.size());
        });
    }

    @Test
    void noTwoChosenBoxesOverlapAboveTheNmsIou() {
        qt().forAll(BOXES, CAP, NMS, EXPONENT).check((boxes, cap, nms, p) -> {
            List<Integer> chosen = OverlapSelection.select(boxes, cap, nms, p);
            for (int a = 0; a < chosen.size(); a++) {
                for (int b = a + 1; b < chosen.size(); b++) {
                    if (boxes.get(chosen.get(a)).iou(boxes.get(chosen.get(b))) > nms) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    @Test
    void placesStayEmptyOnlyWhenEveryOtherBoxIsSuppressed() {
        qt().forAll(BOXES, CAP, NMS, EXPONENT).check((boxes, cap, nms, p) -> {
            List<Integer> chosen = OverlapSelection.select(boxes, cap, nms, p);
            if (chosen.size() == cap) {
                return true;
            }
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                if (!chosen.contains(i) && chosen.stream().noneMatch(k -> boxes.get(k).iou(b) > nms)) {
                    return false;
                }
            }
            return true;
        });
    }
}
