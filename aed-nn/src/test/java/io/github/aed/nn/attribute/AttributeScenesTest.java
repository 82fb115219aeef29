package io.github.aed.nn.attribute;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneFamily;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flow attributes on generated street scenes, with the scenes' true boxes as detections: density banks of the
 * normal walkers of two normal videos, calibrated on every fifth of them, then the objects of a test video. A person
 * crossing the walkway lies beyond the normal walkers' 99th percentile in direction but not in speed; a runner in speed
 * but not in direction. Speed at the foot point ({@code new Velocity(1, 2, true)}) also flags the crosser: off the
 * walkway it moves where no normal walker does, so no normal speed is known there.
 */
class AttributeScenesTest {

    private static final SceneGenerator STREET = SceneGenerator.builder().family(SceneFamily.street()).frames(100).walkers(5)
            .seed(3).build();
    private static final int SPEED = 0;
    private static final int DIRECTION = 1;
    private static final int SPEED_AT_POSITION = 2;
    private static final List<ObjectAttribute> ATTRIBUTES = List.of(new Velocity(), new Direction(),
            new Velocity(Velocity.DEFAULT_BINS, Velocity.DEFAULT_RADIUS, true));
    private static final List<AttributeDensity> densities = new ArrayList<>();

    @BeforeAll
    static void fitOnNormalWalkers() {
        List<List<float[]>> bank = ATTRIBUTES.stream().map(a -> (List<float[]>) new ArrayList<float[]>()).toList();
        List<List<float[]>> heldOut = ATTRIBUTES.stream().map(a -> (List<float[]>) new ArrayList<float[]>()).toList();
        int n = 0;
        for (int variant = 0; variant < 2; variant++) {
            for (float[][] features : features(STREET.generate("Train" + variant, variant))) {
                for (int a = 0; a < ATTRIBUTES.size(); a++) {
                    (n % 5 == 0 ? heldOut : bank).get(a).add(features[a]);
                }
                n++;
            }
        }
        for (int a = 0; a < ATTRIBUTES.size(); a++) {
            densities.add(AttributeDensity.fit(ATTRIBUTES.get(a), bank.get(a), heldOut.get(a), AttributeSettings.defaults()));
        }
    }

    @Test
    void aPersonCrossingTheWalkwayIsUnusualInDirectionNotInSpeed() {
        double[][] crosser = medianScores(AnomalyKind.CROSSER);
        assertTrue(crosser[DIRECTION][0] > 1, "crosser's median direction score " + crosser[DIRECTION][0]);
        assertTrue(crosser[SPEED][0] < 1, "crosser's median speed score " + crosser[SPEED][0]);
        assertTrue(crosser[DIRECTION][1] < 1, "the walkers' median direction score " + crosser[DIRECTION][1]);
    }

    @Test
    void speedAtTheFootPointFlagsObjectsWhereNoNormalWalkerGoes() {
        double[][] crosser = medianScores(AnomalyKind.CROSSER);
        assertTrue(crosser[SPEED_AT_POSITION][0] > 1, "crosser's median velocity score " + crosser[SPEED_AT_POSITION][0]);
        assertTrue(crosser[SPEED_AT_POSITION][1] < 1, "the walkers' median velocity score " + crosser[SPEED_AT_POSITION][1]);
    }

    @Test
    void aRunnerIsUnusualInSpeedNotInDirection() {
        double[][] runner = medianScores(AnomalyKind.RUNNER);
        for (int speed : new int[] {SPEED, SPEED_AT_POSITION}) {
            assertTrue(runner[speed][0] > 1, ATTRIBUTES.get(speed) + ": runner's median score " + runner[speed][0]);
            assertTrue(runner[speed][1] < 1, ATTRIBUTES.get(speed) + ": the walkers' median score " + runner[speed][1]);
        }
        assertTrue(runner[DIRECTION][0] < 1, "runner's median direction score " + runner[DIRECTION][0]);
    }

    /** Per attribute: {median score of the anomaly's boxes, median score of the other figures' boxes}. */
    private static double[][] medianScores(AnomalyKind kind) {
        GeneratedVideo v = STREET.toBuilder().anomaly(kind, 10, 80).build().generate("Test_" + kind, 7);
        var track = v.tracks().get(0).boxes();
        Predicate<Detection> anomalous = d -> d.box().equals(track.get(d.frameIndex()));
        List<Detection> all = detections(v);
        double[][] out = new double[ATTRIBUTES.size()][2];
        try (ObjectViews views = new ObjectViews(ObjectViews.radiusOf(ATTRIBUTES))) {
            List<List<Double>> scores = new ArrayList<>();
            for (int i = 0; i < 2 * ATTRIBUTES.size(); i++) {
                scores.add(new ArrayList<>());
            }
            for (Detection d : all) {
                ObjectView view = views.view(d, i -> i < v.frames().size() ? v.frames().get(i) : null);
                for (int a = 0; a < ATTRIBUTES.size(); a++) {
                    scores.get(2 * a + (anomalous.test(d) ? 0 : 1)).add(densities.get(a).score(view));
                }
            }
            for (int a = 0; a < ATTRIBUTES.size(); a++) {
                out[a][0] = median(scores.get(2 * a));
                out[a][1] = median(scores.get(2 * a + 1));
            }
        }
        return out;
    }

    /** Every figure's box in every frame where it is fully in view, as a detection. */
    private static List<Detection> detections(GeneratedVideo v) {
        List<Detection> out = new ArrayList<>();
        for (int f = 0; f < v.frames().size(); f++) {
            Frame frame = v.frames().get(f);
            for (Box b : v.objects().get(f)) {
                Box clipped = b.clipTo(frame.width(), frame.height());
                if (!clipped.isEmpty() && clipped.equals(b)) {
                    out.add(Detection.unclassified(f, b, 1));
                }
            }
        }
        return out;
    }

    /** The attributes' feature vectors of every figure fully in view. */
    private static List<float[][]> features(GeneratedVideo v) {
        List<float[][]> out = new ArrayList<>();
        try (ObjectViews views = new ObjectViews(ObjectViews.radiusOf(ATTRIBUTES))) {
            for (Detection d : detections(v)) {
                ObjectView view = views.view(d, i -> i < v.frames().size() ? v.frames().get(i) : null);
                out.add(ATTRIBUTES.stream().map(a -> a.features(view)).toArray(float[][]::new));
            }
        }
        return out;
    }

    private static double median(List<Double> values) {
        assertTrue(!values.isEmpty(), "no boxes");
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
