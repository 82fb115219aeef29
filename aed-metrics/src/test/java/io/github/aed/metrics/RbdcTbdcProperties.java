package io.github.aed.metrics;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of RBDC/TBDC on random small scenes: ground-truth tracks on a 4-frame, 2-video grid of 10-pixel cells,
 * and detections on the same grid (so that hits, misses, repeats and ties all occur). Each integer of a list encodes
 * one box: video, frame, cell x, cell y, and a coarse score.
 */
class RbdcTbdcProperties {

    private static final Gen<List<Integer>> TRUTH = lists().of(integers().between(0, 2 * 4 * 3 * 3 * 3 - 1)).ofSizeBetween(1, 12);
    private static final Gen<List<Integer>> DETECTIONS = lists().of(integers().between(0, 2 * 4 * 3 * 3 * 5 - 1)).ofSizeBetween(0, 30);

    private static Box cell(int cx, int cy) {
        return Box.fromInclusive(cx * 10, cy * 10, cx * 10 + 14, cy * 10 + 14);
    }

    /** Video (2) × frame (4) × cell x (3) × cell y (3) × track (3). */
    private static AnomalyTracks truth(List<Integer> codes) {
        AnomalyTracks.Builder b = AnomalyTracks.builder();
        for (int c : codes) {
            b.add("v" + c % 2, c / 72, c / 2 % 4, cell(c / 8 % 3, c / 24 % 3));
        }
        return b.build();
    }

    /** Video (2) × frame (4) × cell x (3) × cell y (3) × score (5 levels). */
    private static List<ScoredRegion> detections(List<Integer> codes) {
        List<ScoredRegion> d = new ArrayList<>();
        for (int c : codes) {
            d.add(new ScoredRegion("v" + c % 2, c / 2 % 4, cell(c / 8 % 3, c / 24 % 3), c / 72 * 0.2));
        }
        return d;
    }

    @Test
    void bothCriteriaAreFractions() {
        qt().forAll(TRUTH, DETECTIONS, integers().between(1, 12)).check((t, d, frames) -> {
            RbdcTbdcResult r = RbdcTbdc.compute(truth(t), ScoredRegions.of(detections(d)), frames, 0.1, 0.1);
            return r.rbdc() >= 0 && r.rbdc() <= 1 && r.tbdc() >= 0 && r.tbdc() <= 1;
        });
    }

    @Test
    void addingATrueDetectionAtTheTopNeverLowersEither() {
        qt().forAll(TRUTH, DETECTIONS, integers().between(1, 12), integers().between(0, 11)).check((t, d, frames, pick) -> {
            AnomalyTracks gt = truth(t);
            List<ScoredRegion> before = detections(d);
            TrackRegion target = gt.regions().get(pick % gt.regionCount());
            List<ScoredRegion> after = new ArrayList<>(before);
            after.add(0, new ScoredRegion(target.video(), target.frame(), target.box(), 10.0));
            RbdcTbdcResult a = RbdcTbdc.compute(gt, ScoredRegions.of(before), frames, 0.1, 0.1);
            RbdcTbdcResult b = RbdcTbdc.compute(gt, ScoredRegions.of(after), frames, 0.1, 0.1);
            return b.rbdc() >= a.rbdc() - 1e-12 && b.tbdc() >= a.tbdc() - 1e-12;
        });
    }

    @Test
    void detectingEveryRegionFirstGivesOne() {
        qt().forAll(TRUTH, DETECTIONS).check((t, d) -> {
            AnomalyTracks gt = truth(t);
            List<ScoredRegion> all = new ArrayList<>();
            for (TrackRegion r : gt.regions()) {
                all.add(new ScoredRegion(r.video(), r.frame(), r.box(), 10.0));
            }
            all.addAll(detections(d));
            RbdcTbdcResult r = RbdcTbdc.compute(gt, ScoredRegions.of(all), 1000, 0.1, 0.1);
            return r.rbdc() == 1.0 && r.tbdc() == 1.0;
        });
    }
}
