package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbdcTbdcTest {

    static ScoredRegion det(String video, int frame, int x0, int y0, int x1, int y1, double score) {
        return new ScoredRegion(video, frame, Box.fromInclusive(x0, y0, x1, y1), score);
    }

    /**
     * The toy set of the AED evaluator (https://github.com/lilygeorgescu/AED, evaluation/toy_tracks and toy_anomalies,
     * CC BY-NC-ND 4.0, Georgescu et al.), numFrames = 10: one track in frames 0–4 at [10,10,20,20], detections at the
     * same box with score 0.5 in frames 0–4, and a 0.1-score box [0,0,20,20] in frame 3 that only re-hits a detected
     * region. Its readme states RBDC = TBDC = 1.
     */
    @Test
    void aedToySetGivesOneAndOne() {
        AnomalyTracks.Builder t = AnomalyTracks.builder();
        for (int f = 0; f <= 4; f++) {
            t.add("01", 0, f, Box.fromInclusive(10, 10, 20, 20));
        }
        List<ScoredRegion> d = new ArrayList<>();
        for (int f = 0; f <= 3; f++) {
            d.add(det("01", f, 10, 10, 20, 20, 0.5));
        }
        d.add(det("01", 3, 0, 0, 20, 20, 0.1));
        d.add(det("01", 4, 10, 10, 20, 20, 0.5));
        RbdcTbdcResult r = RbdcTbdc.compute(t.build(), ScoredRegions.of(d), 10, 0.1, 0.1);
        assertEquals(1.0, r.rbdc(), 0.0);
        assertEquals(1.0, r.tbdc(), 0.0);
        assertEquals(5, r.truePositives());
        assertEquals(0, r.falsePositives());
        assertEquals(1, r.repeatDetections());
    }

    /** The second vector of the reference (§10.2), with its curve after the cut. */
    @Test
    void referenceVectorTwo() {
        AnomalyTracks.Builder t = AnomalyTracks.builder();
        for (int f = 0; f <= 3; f++) {
            t.add("v", 0, f, Box.fromInclusive(0, 0, 9, 9));
        }
        for (int f = 2; f <= 3; f++) {
            t.add("v", 1, f, Box.fromInclusive(20, 20, 29, 29));
        }
        List<ScoredRegion> d = List.of(
                det("v", 0, 0, 0, 9, 9, .9),
                det("v", 5, 0, 0, 9, 9, .8),
                det("v", 2, 20, 20, 29, 29, .7),
                det("v", 2, 0, 0, 9, 9, .6),
                det("v", 2, 1, 1, 10, 10, .5),
                det("v", 3, 50, 50, 59, 59, .4));
        RbdcTbdcResult r = RbdcTbdc.compute(t.build(), ScoredRegions.of(d), 10, 0.1, 0.1);
        assertEquals(0.466667, r.rbdc(), 5e-7);
        assertEquals(0.95, r.tbdc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, .1, .1, .1, .1, .2, 1}, r.falsePositiveRates(), 1e-12);
        assertArrayEquals(new double[] {0, 1 / 6.0, 1 / 6.0, 2 / 6.0, 3 / 6.0, 3 / 6.0, 3 / 6.0, 3 / 6.0},
                r.regionDetectionRates(), 1e-12);
        assertArrayEquals(new double[] {0, .5, .5, 1, 1, 1, 1, 1}, r.trackDetectionRates(), 1e-12);
        assertEquals(1, r.repeatDetections());
        assertEquals(2, r.falsePositives());
    }

    @Test
    void equalScoresKeepTheirInputOrder() {
        AnomalyTracks gt = AnomalyTracks.builder().add("v", 0, 0, Box.fromInclusive(0, 0, 9, 9)).build();
        ScoredRegion miss = det("v", 1, 0, 0, 9, 9, 0.5);
        ScoredRegion hit = det("v", 0, 0, 0, 9, 9, 0.5);
        // numFrames 1: the false positive first puts FPR at 1 before the hit; the hit first gives a full square.
        assertEquals(0.0, RbdcTbdc.compute(gt, ScoredRegions.of(List.of(miss, hit)), 1, 0.1, 0.1).rbdc(), 0.0);
        assertEquals(1.0, RbdcTbdc.compute(gt, ScoredRegions.of(List.of(hit, miss)), 1, 0.1, 0.1).rbdc(), 0.0);
    }

    @Test
    void curveIsCutAtOneFalsePositivePerFrame() {
        AnomalyTracks gt = AnomalyTracks.builder().add("v", 0, 0, Box.fromInclusive(0, 0, 9, 9)).build();
        List<ScoredRegion> d = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            d.add(det("v", 1, 0, 0, 9, 9, 1 - i * 0.1));
        }
        d.add(det("v", 0, 0, 0, 9, 9, 0.01));
        RbdcTbdcResult r = RbdcTbdc.compute(gt, ScoredRegions.of(d), 2, 0.1, 0.1);
        assertArrayEquals(new double[] {0, .5, 1}, r.falsePositiveRates(), 0.0);
        assertEquals(0.0, r.rbdc(), 0.0);
        assertEquals(5, r.falsePositives());
        assertEquals(1, r.truePositives());
    }

    @Test
    void noRegionsGiveZero() {
        AnomalyTracks gt = AnomalyTracks.builder().add("v", 0, 0, Box.fromInclusive(0, 0, 9, 9)).build();
        RbdcTbdcResult r = RbdcTbdc.compute(gt, ScoredRegions.of(List.of()), 10, 0.1, 0.1);
        assertEquals(0.0, r.rbdc(), 0.0);
        assertArrayEquals(new double[] {0, 1}, r.falsePositiveRates(), 0.0);
    }

    @Test
    void iouIsInclusiveAndBetaIsInclusiveToo() {
        // [0,0,9,9] vs [0,0,9,0]: 10 of 100 pixels, IoU exactly 0.1, which matches at beta 0.1
        AnomalyTracks gt = AnomalyTracks.builder().add("v", 0, 0, Box.fromInclusive(0, 0, 9, 9)).build();
        RbdcTbdcResult r = RbdcTbdc.compute(gt, ScoredRegions.of(List.of(det("v", 0, 0, 0, 9, 0, 1))), 10, 0.1, 0.1);
        assertEquals(1, r.truePositives());
        RbdcTbdcResult strict = RbdcTbdc.compute(gt, ScoredRegions.of(List.of(det("v", 0, 0, 0, 9, 0, 1))), 10, 0.1, 0.11);
        assertEquals(0, strict.truePositives());
    }

    @Test
    void trackNeedsAlphaOfItsRegions() {
        AnomalyTracks.Builder b = AnomalyTracks.builder();
        for (int f = 0; f < 10; f++) {
            b.add("v", 0, f, Box.fromInclusive(0, 0, 9, 9));
        }
        ScoredRegions one = ScoredRegions.of(List.of(det("v", 0, 0, 0, 9, 9, 1)));
        assertEquals(1.0, RbdcTbdc.compute(b.build(), one, 10, 0.1, 0.1).tbdc(), 0.0);
        assertEquals(0.0, RbdcTbdc.compute(b.build(), one, 10, 0.2, 0.1).tbdc(), 0.0);
    }

    @Test
    void rejectsBadSettings() {
        AnomalyTracks gt = AnomalyTracks.builder().add("v", 0, 0, Box.fromInclusive(0, 0, 9, 9)).build();
        ScoredRegions none = ScoredRegions.of(List.of());
        assertThrows(IllegalArgumentException.class, () -> RbdcTbdc.compute(gt, none, 0, 0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> RbdcTbdc.compute(gt, none, 10, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> RbdcTbdc.compute(gt, none, 10, 0.1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> RbdcTbdc.compute(AnomalyTracks.builder().build(), none, 10, 0.1, 0.1));
    }
}
