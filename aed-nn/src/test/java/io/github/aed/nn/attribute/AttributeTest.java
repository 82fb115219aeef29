package io.github.aed.nn.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeTest {

    private static final int W = 64;
    private static final int H = 48;

    private static FlowField uniform(float dx, float dy) {
        float[] f = new float[W * H * 2];
        for (int i = 0; i < W * H; i++) {
            f[2 * i] = dx;
            f[2 * i + 1] = dy;
        }
        return new FlowField(W, H, f);
    }

    private static ObjectView view(Box box, FlowField flow, float[] classScores) {
        Frame frame = new Frame("v", 0, W, H, 1, new byte[W * H]);
        return new ObjectView(new Detection(0, box, classScores == null ? -1 : 0, "x", 0.9, classScores), frame, flow);
    }

    private static final Velocity DIRECTIONS = new Velocity(8);

    @Test
    void kIsAShareOfTheTrainingObjectsButAtLeastTheMinimum() {
        AttributeSettings d = AttributeSettings.defaults();
        assertEquals(5, d.neighboursFor(100));
        assertEquals(5, d.neighboursFor(500));
        assertEquals(59, d.neighboursFor(5810));
        assertEquals(3, d.neighboursFor(3), "never more than the objects there are");
        assertEquals(5, d.withNeighbours(5, 0).neighboursFor(100_000));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withNeighbours(5, 1.0)).getMessage()
                .contains("neighbourShare must be in [0, 1)"));
        assertTrue(d.toString().contains("k=max(5, 1.0 % of the training objects)"), d.toString());
    }

    @Test
    void heldOutObjectsAreMeasuredAgainstTheOtherVideosUnlessToldOtherwise() {
        AttributeSettings d = AttributeSettings.defaults();
        assertEquals(AttributeSettings.Calibration.OTHER_VIDEOS, d.calibration());
        assertEquals(AttributeSettings.Calibration.OTHER_VIDEOS,
                new AttributeSettings(d.attributes(), 5, 0.01, 2000, 42).calibration(), "the constructor without it");
        AttributeSettings whole = d.withCalibration(AttributeSettings.Calibration.WHOLE_BANK);
        assertEquals(AttributeSettings.Calibration.WHOLE_BANK, whole.withNeighbours(3, 0).withAttributes(List.of()).calibration(),
                "kept by the other withers");
        assertTrue(d.toString().endsWith("calibrated against the other training videos"), d.toString());
        assertTrue(whole.toString().endsWith("calibrated against the whole bank"), whole.toString());
        assertEquals("calibration", assertThrows(NullPointerException.class, () -> d.withCalibration(null)).getMessage());
    }

    @Test
    void velocityByDefaultIsTheMeanFlowMagnitude() {
        Box box = Box.ofSize(10, 10, 8, 6);
        assertArrayEquals(new float[] {5f}, new Velocity().features(view(box, uniform(3, -4), null)), 1e-6f);
        assertEquals(1, new Velocity().dimension());
        assertEquals(9, DIRECTIONS.dimension());
        assertThrows(IllegalArgumentException.class, () -> new Velocity(0));
    }

    @Test
    void velocityAtPositionEndsWithTheFootPoint() {
        Box box = Box.ofSize(10, 10, 8, 6);
        Velocity atPosition = new Velocity(1, 2, true);
        assertArrayEquals(new float[] {5f, 14f / W, 16f / H}, atPosition.features(view(box, uniform(3, -4), null)), 1e-6f,
                "speed, then the centre of the bottom edge as fractions of the frame");
        assertEquals(3, atPosition.dimension());
        assertEquals(11, new Velocity(8, 2, true).dimension(), "8 bins, the magnitude, the foot point");
        assertEquals(5f, new Velocity(8, 2, true).features(view(box, uniform(3, -4), null))[8], 1e-6f, "the magnitude after the bins");
        assertArrayEquals(Arrays.copyOfRange(new SizeAtPosition().features(view(box, uniform(0, 0), null)), 0, 2),
                Arrays.copyOfRange(atPosition.features(view(box, uniform(0, 0), null)), 1, 3), 0f, "velocity's foot point is size's");
    }

    @Test
    void withAttributeReplacesTheAttributeOfTheSameNameInItsPlace() {
        AttributeSettings d = AttributeSettings.defaults();
        AttributeSettings at = d.withAttribute(new Velocity(1, 2, true));
        assertEquals(d.attributes().stream().map(ObjectAttribute::name).toList(), at.attributes().stream().map(ObjectAttribute::name).toList());
        assertTrue(((Velocity) at.attributes().get(0)).atPosition());
        assertFalse(((Velocity) d.attributes().get(0)).atPosition(), "the settings it came from are unchanged");
        assertEquals(List.of("velocity", "direction", "size", "class"),
                d.withAttribute(new ClassEvidence(80)).attributes().stream().map(ObjectAttribute::name).toList(), "added after the others");
    }

    /** Walkers seen in perspective: far ones (top of the frame, small boxes) cover 1 px/frame, near ones 3. */
    private static ObjectView walker(Random r, boolean far, float speed) {
        Box box = far ? Box.ofSize(2 + r.nextInt(50), 4 + r.nextInt(6), 4, 6) : Box.ofSize(2 + r.nextInt(50), 26 + r.nextInt(8), 8, 12);
        return view(box, uniform(0, speed), null);
    }

    @Test
    void velocityAtPositionFlagsAFarObjectMovingAsFastAsTheNearWalkers() {
        Random r = new Random(7);
        for (boolean atPosition : new boolean[] {true, false}) {
            Velocity velocity = new Velocity(1, 0, atPosition);
            List<float[]> bank = new ArrayList<>();
            List<float[]> heldOut = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                boolean far = i % 2 == 0;
                float speed = (float) ((far ? 1 : 3) * (1 + 0.1 * r.nextGaussian()));
                (i < 400 ? bank : heldOut).add(velocity.features(walker(r, far, speed)));
            }
            AttributeDensity density = AttributeDensity.fit(velocity, bank, heldOut, AttributeSettings.defaults());
            double farCyclist = density.score(walker(r, true, 3));
            double nearWalker = density.score(walker(r, false, 3));
            assertTrue(nearWalker < 1, atPosition + ": a near walker at 3 px/frame is normal: " + nearWalker);
            if (atPosition) {
                assertTrue(farCyclist > 3, "far, 3 px/frame is three times the far walkers' speed: " + farCyclist);
            } else {
                assertTrue(farCyclist < 1, "speed alone: 3 px/frame is the near walkers' speed: " + farCyclist);
            }
        }
    }

    @Test
    void velocityPutsTheFlowInItsDirectionBinWithItsMagnitude() {
        Box box = Box.ofSize(10, 10, 8, 6);
        float[] right = DIRECTIONS.features(view(box, uniform(2, 0), null));
        assertEquals(2, right[0], 1e-6);
        assertEquals(2, right[DIRECTIONS.bins()], 1e-6);
        float[] up = DIRECTIONS.features(view(box, uniform(0, -3), null));
        assertEquals(3, up[2], 1e-6, "upwards on screen is 90 degrees anticlockwise: bin 2");
        float[] leftDown = DIRECTIONS.features(view(box, uniform(-1, 1), null));
        assertEquals(Math.sqrt(2), leftDown[5], 1e-6, "left and down is 225 degrees: bin 5");
    }

    @Test
    void velocityBinsSumToTheMeanMagnitude() {
        qt().forAll(floats().between(-20f, 20f), floats().between(-20f, 20f)).check((dx, dy) -> {
            float[] v = DIRECTIONS.features(view(Box.ofSize(3, 4, 10, 12), uniform(dx, dy), null));
            double sum = 0;
            for (int i = 0; i < DIRECTIONS.bins(); i++) {
                sum += v[i];
            }
            return Math.abs(sum - v[DIRECTIONS.bins()]) < 1e-4 && Math.abs(v[DIRECTIONS.bins()] - Math.hypot(dx, dy)) < 1e-4;
        });
    }

    @Test
    void directionIsTheUnitHeadingOfACoherentMotionWhateverItsSpeed() {
        Box box = Box.ofSize(10, 10, 8, 6);
        Direction d = new Direction();
        assertArrayEquals(new float[] {1, 0}, d.features(view(box, uniform(0.5f, 0), null)), 1e-6f);
        assertArrayEquals(new float[] {1, 0}, d.features(view(box, uniform(7, 0), null)), 1e-6f, "speed does not matter");
        assertArrayEquals(new float[] {0, 1}, d.features(view(box, uniform(0, -3), null)), 1e-6f, "upwards on screen is +y");
        assertArrayEquals(new float[] {-0.6f, -0.8f}, d.features(view(box, uniform(-3, 4), null)), 1e-6f);
        assertArrayEquals(new float[2], d.features(view(box, uniform(0, 0), null)), "no flow, no heading");
    }

    @Test
    void directionShrinksTowardsZeroWhenTheBoxMovesEveryWay() {
        qt().forAll(floats().between(-20f, 20f), floats().between(-20f, 20f)).check((dx, dy) -> {
            float[] f = new float[W * H * 2];
            for (int i = 0; i < W * H; i++) {
                // left half of the frame moves one way, right half the opposite way
                float sign = (i % W) < W / 2 ? 1 : -1;
                f[2 * i] = sign * dx;
                f[2 * i + 1] = sign * dy;
            }
            float[] opposed = new Direction().features(view(Box.ofSize(W / 2 - 4, 4, 8, 8), new FlowField(W, H, f), null));
            float[] coherent = new Direction().features(view(Box.ofSize(4, 4, 8, 8), new FlowField(W, H, f), null));
            double coherentLength = Math.hypot(coherent[0], coherent[1]);
            return Math.hypot(opposed[0], opposed[1]) < 1e-5
                    && (dx == 0 && dy == 0 ? coherentLength == 0 : Math.abs(coherentLength - 1) < 1e-5);
        });
    }

    @Test
    void sizeAtPositionDescribesFootPointAndLogSize() {
        float[] s = new SizeAtPosition().features(view(new Box(16, 8, 24, 40), uniform(0, 0), null));
        assertArrayEquals(new float[] {20f / W, 40f / H, (float) Math.log(8), (float) Math.log(32)}, s, 1e-6f);
    }

    @Test
    void sizeAtPositionCanLeaveOutBoxesCutByTheFramesEdge() {
        SizeAtPosition interior = new SizeAtPosition(false);
        assertTrue(interior.describes(view(new Box(1, 1, W - 1, H - 1), uniform(0, 0), null)));
        for (Box cut : List.of(new Box(0, 8, 6, 40), new Box(16, 0, 24, 40), new Box(56, 8, W, 40), new Box(16, 8, 24, H))) {
            ObjectView v = view(cut, uniform(0, 0), null);
            assertFalse(interior.describes(v), cut + " touches the edge");
            assertTrue(new SizeAtPosition().describes(v), cut + ": edges are described by default");
        }
        assertEquals(Map.of("edges", "false"), interior.options());
        assertFalse(((SizeAtPosition) AttributeProvider.create("size", interior.options())).edges());
        assertTrue(((SizeAtPosition) AttributeProvider.create("size", Map.of())).edges(), "saved before the option");
    }

    @Test
    void anObjectTheAttributeDoesNotDescribeScoresAsTheMedianNormalObject() {
        List<float[]> bank = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bank.add(new float[] {0.5f, 0.5f, (float) Math.log(8 + i % 5), (float) Math.log(30 + i % 7)});
        }
        AttributeDensity d = AttributeDensity.fit(new SizeAtPosition(false), bank.subList(0, 30), bank.subList(30, 40),
                AttributeSettings.defaults());
        Box sliver = new Box(0, 8, 2, 40);
        assertTrue(d.score(new SizeAtPosition().features(view(sliver, uniform(0, 0), null))) > 1, "a sliver is unusual");
        assertEquals(0, d.score(view(sliver, uniform(0, 0), null)), "but not described");
    }

    @Test
    void classEvidenceIsTheScoreVectorsSquareRootOrZerosWithoutOne() {
        ClassEvidence c = new ClassEvidence(3);
        float[] scores = {0.09f, 0.64f, 0.25f};
        assertArrayEquals(new float[] {0.3f, 0.8f, 0.5f}, c.features(view(Box.ofSize(0, 0, 4, 4), uniform(0, 0), scores)), 1e-6f);
        assertFalse(c.standardised(), "Hellinger: compared in their own units");
        assertArrayEquals(new float[3], c.features(view(Box.ofSize(0, 0, 4, 4), uniform(0, 0), null)));
        assertThrows(IllegalArgumentException.class, () -> c.features(view(Box.ofSize(0, 0, 4, 4), uniform(0, 0), new float[2])));
        ClassEvidence raw = new ClassEvidence(3, false);
        assertArrayEquals(scores, raw.features(view(Box.ofSize(0, 0, 4, 4), uniform(0, 0), scores)));
        assertTrue(raw.standardised());
    }

    @Test
    void providersMakeTheBuiltInAttributesAgain() {
        assertEquals(8, ((Velocity) AttributeProvider.create("velocity", Map.of())).bins(), "saved before bins were an option");
        assertEquals(1, ((Velocity) AttributeProvider.create("velocity", new Velocity().options())).bins());
        assertEquals(4, ((Velocity) AttributeProvider.create("velocity", new Velocity(4).options())).bins());
        assertTrue(((Velocity) AttributeProvider.create("velocity", new Velocity(1, 2, true).options())).atPosition());
        assertFalse(((Velocity) AttributeProvider.create("velocity", new Velocity().options())).atPosition());
        assertFalse(((Velocity) AttributeProvider.create("velocity", Map.of("bins", "1", "radius", "2"))).atPosition(),
                "saved before the position was an option: the speed alone");
        assertEquals(1, AttributeProvider.create("velocity", Map.of("bins", "1", "radius", "2")).dimension());
        assertEquals(80, AttributeProvider.create("class", new ClassEvidence(80).options()).dimension());
        assertTrue(((ClassEvidence) AttributeProvider.create("class", new ClassEvidence(80).options())).hellinger());
        assertFalse(((ClassEvidence) AttributeProvider.create("class", Map.of("classes", "80"))).hellinger(),
                "saved before the option: standardised raw scores");
        var badFlag = assertThrows(IllegalArgumentException.class,
                () -> AttributeProvider.create("class", Map.of("classes", "80", "hellinger", "yes")));
        assertTrue(badFlag.getMessage().contains("'hellinger'"), badFlag.getMessage());
        assertEquals(2, AttributeProvider.create("direction", Map.of()).dimension());
        assertEquals(0, AttributeProvider.create("velocity", Map.of("bins", "1")).flowRadius(), "saved before the radius: one frame");
        assertEquals(0, AttributeProvider.create("direction", Map.of()).flowRadius(), "saved before the radius: one frame");
        assertEquals(3, AttributeProvider.create("velocity", new Velocity(1, 3).options()).flowRadius());
        assertEquals(4, AttributeProvider.create("direction", new Direction(4).options()).flowRadius());
        assertEquals(Velocity.DEFAULT_RADIUS, new Velocity().flowRadius());
        assertEquals(Velocity.DEFAULT_RADIUS, new Direction().flowRadius());
        var badRadius = assertThrows(IllegalArgumentException.class, () -> new Direction(ObjectViews.MAX_RADIUS + 1));
        assertTrue(badRadius.getMessage().contains("direction: radius must be in [0, " + ObjectViews.MAX_RADIUS + "]"),
                badRadius.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Velocity(1, -1));
        var unknown = assertThrows(IllegalArgumentException.class, () -> AttributeProvider.create("colour", Map.of()));
        assertTrue(unknown.getMessage().contains("[brightness, class, direction, size, velocity]"), unknown.getMessage());
        var badOption = assertThrows(IllegalArgumentException.class, () -> AttributeProvider.create("class", Map.of("classes", "many")));
        assertTrue(badOption.getMessage().contains("'classes'"), badOption.getMessage());
    }

    @Test
    void velocityAveragesTheBoxsFlowOverItsRadiusOfFramesWhereTheViewHasThem() {
        Box box = Box.ofSize(10, 10, 8, 6);
        Frame frame = new Frame("v", 0, W, H, 1, new byte[W * H]);
        ObjectView v = new ObjectView(Detection.unclassified(0, box, 1), frame, uniform(3, 0),
                List.of(uniform(2, 0), uniform(1, 0)), List.of(uniform(0, 10)));
        assertEquals(List.of(3f), speeds(v.flows(0)));
        assertEquals(List.of(2f, 3f, 10f), speeds(v.flows(1)), "nearest first on either side, in time order");
        assertEquals(List.of(1f, 2f, 3f, 10f), speeds(v.flows(2)), "one flow after the frame: the video ends there");
        assertArrayEquals(new float[] {3f}, new Velocity(1, 0).features(v), 1e-6f);
        assertArrayEquals(new float[] {5f}, new Velocity(1, 1).features(v), 1e-6f);
        assertArrayEquals(new float[] {4f}, new Velocity(1, 2).features(v), 1e-6f);
        assertArrayEquals(new float[] {1, 0}, new Direction(0).features(v), 1e-6f);
        assertArrayEquals(new float[] {5f / 15, -10f / 15}, new Direction(1).features(v), 1e-6f,
                "(2 + 3 + 0, 0 + 0 − 10) / (2 + 3 + 10), y up the screen: heading and how steadily it was kept");
        ObjectView turning = new ObjectView(Detection.unclassified(0, box, 1), frame, uniform(1, 0), List.of(uniform(-1, 0)), List.of());
        assertArrayEquals(new float[] {0, 0}, new Direction(1).features(turning), 1e-6f, "back and forth: no net motion");
    }

    private static List<Float> speeds(List<FlowField> flows) {
        return flows.stream().map(f -> (float) Math.hypot(f.dx(0, 0), f.dy(0, 0))).toList();
    }

    @Test
    void opticalFlowFollowsAShiftedTexture() {
        Random r = new Random(1);
        byte[] texture = new byte[(W + 8) * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W + 8; x++) {
                texture[y * (W + 8) + x] = (byte) (128 + 100 * Math.sin(x * 0.7 + r.nextDouble() * 0.3) * Math.cos(y * 0.5));
            }
        }
        Frame a = crop(texture, 4, 0);
        Frame b = crop(texture, 1, 1);
        try (OpticalFlow flow = new OpticalFlow()) {
            FlowField f = flow.between(a, b);
            float[] v = DIRECTIONS.features(view(Box.ofSize(16, 12, 32, 24), f, null));
            assertEquals(3, v[DIRECTIONS.bins()], 0.5, "the texture moved 3 px right");
            assertTrue(v[0] > 0.8 * v[DIRECTIONS.bins()], "mostly in the 'right' bin: " + java.util.Arrays.toString(v));
        }
    }

    private static Frame crop(byte[] texture, int x0, int index) {
        byte[] px = new byte[W * H];
        for (int y = 0; y < H; y++) {
            System.arraycopy(texture, y * (W + 8) + x0, px, y * W, W);
        }
        return new Frame("v", index, W, H, 1, px);
    }

    @Test
    void calibrationPutsTheHeldOutMedianAtZeroAndTheUpperQuantileAtOne() {
        Random r = new Random(2);
        List<float[]> bank = new ArrayList<>();
        List<float[]> heldOut = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            (i < 500 ? bank : heldOut).add(new float[] {(float) r.nextGaussian(), (float) r.nextGaussian(), 0, 0});
        }
        AttributeDensity d = AttributeDensity.fit(new SizeAtPosition(), bank, heldOut, AttributeSettings.defaults());
        double[] s = heldOut.stream().mapToDouble(d::score).sorted().toArray();
        assertEquals(0, io.github.aed.nn.scoring.ScoreStatistics.quantile(s, 0.5), 1e-9);
        assertEquals(1, io.github.aed.nn.scoring.ScoreStatistics.quantile(s, AttributeDensity.UPPER_QUANTILE), 1e-9);
        assertTrue(d.score(new float[] {8, 8, 0, 0}) > 3);
    }
}
