package io.github.aed.detect.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.AnomalyTrack;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The motion detector on generated scenes: a textured static background with two shapes moving across it. */
class MotionDetectorTest {

    private static final int W = 200;
    private static final int H = 150;

    /**
     * The true boxes of the moving shapes in frame t: a dark 20x40 "person" and a bright 40x20 "cart", each with a
     * texture of its own that moves with it.
     */
    private static List<Box> shapes(int t) {
        return List.of(Box.ofSize(20 + 3 * t, 30, 20, 40), Box.ofSize(160 - 4 * t, 100, 40, 20));
    }

    private static Frame scene(String name, int t, boolean withShapes, long seed) {
        byte[] px = background(t, seed);
        if (withShapes) {
            List<Box> s = shapes(t);
            fill(px, s.get(0), 20);
            fill(px, s.get(1), 215);
        }
        return new Frame(name, t, W, H, 1, px);
    }

    /** The textured background with fresh sensor noise for frame t. */
    private static byte[] background(int t, long seed) {
        Random texture = new Random(7);
        Random noise = new Random(seed * 1000 + t);
        byte[] px = new byte[W * H];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (130 + texture.nextInt(40) + noise.nextInt(5) - 2);
        }
        return px;
    }

    /** Frame t with the given dark textured boxes drawn on the background. */
    private static Frame darkBoxes(int t, List<Box> boxes) {
        byte[] px = background(t, 3);
        for (Box b : boxes) {
            fill(px, b, 20);
        }
        return new Frame("test", t, W, H, 1, px);
    }

    /** Detections of a detector primed on two empty videos, on frame 12 of a scene whose boxes move 3 px per frame. */
    private static List<Detection> detectMoving(MotionSettings.Builder builder, List<Box> atStart) {
        try (MotionDetector d = builder.build()) {
            d.prime(List.of(empty("bg1", 40, 1), empty("bg2", 40, 2)));
            d.reset();
            List<Detection> last = List.of();
            for (int t = 0; t <= 12; t++) {
                int dx = 3 * t;
                last = d.detect(darkBoxes(t, atStart.stream().map(b -> b.translate(dx, 0)).toList()));
            }
            return last;
        }
    }

    /** The defaults without the extra proposals and without frame differencing: only the merged objects. */
    private static MotionSettings.Builder plain() {
        return MotionDetector.builder().split(0).valleySplit(0).frameDifference(0);
    }

    private static double bestIou(Box truth, List<Detection> ds) {
        return ds.stream().mapToDouble(x -> x.box().iou(truth)).max().orElse(0);
    }

    private static void fill(byte[] px, Box b, int base) {
        Random texture = new Random(base);
        for (int y = b.yMin(); y < b.yMax(); y++) {
            for (int x = b.xMin(); x < b.xMax(); x++) {
                px[y * W + x] = (byte) (base + texture.nextInt(40));
            }
        }
    }

    private static Video empty(String name, int frames, long seed) {
        List<Frame> fs = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            fs.add(scene(name, t, false, seed));
        }
        return Video.of(name, fs);
    }

    @Test
    void primedDetectorBoxesMatchTheMovingShapesFromTheFirstFrame() {
        try (MotionDetector d = MotionDetector.builder().build()) {
            d.prime(List.of(empty("bg1", 40, 1), empty("bg2", 40, 2)));
            assertEquals(80, d.primedFrameCount());
            d.reset();
            for (int t = 0; t < 40; t++) {
                List<Detection> ds = d.detect(scene("test", t, true, 3));
                assertEquals(2, ds.size(), "frame " + t + ": " + ds);
                for (Box truth : shapes(t)) {
                    assertFound(truth, ds, t);
                }
                for (Detection x : ds) {
                    assertEquals(Detection.UNKNOWN_CLASS, x.classId());
                    assertTrue(x.confidence() > 0.5, x.toString());
                }
            }
        }
    }

    @Test
    void unprimedDetectorFindsTheFastShapeOnceItLeavesItsFirstPosition() {
        // unprimed, the model learns from the first frames at a high rate and absorbs parts of slow, uniform objects;
        // the person (3 px/frame over its 20 px width) is found in full
        try (MotionDetector d = MotionDetector.builder().build()) {
            for (int t = 0; t < 40; t++) {
                List<Detection> ds = d.detect(scene("test", t, true, 3));
                if (t >= 20) {
                    assertFound(shapes(t).get(0), ds, t);
                }
            }
        }
    }

    private static void assertFound(Box truth, List<Detection> ds, int t) {
        double best = bestIou(truth, ds);
        assertTrue(best >= 0.5, "frame " + t + ": best IoU " + best + " for " + truth + " in " + ds);
    }

    @Test
    void resetMakesEveryVideoStartFromThePrimedState() {
        try (MotionDetector d = MotionDetector.builder().build()) {
            d.prime(List.of(empty("bg", 30, 1)));
            List<List<Detection>> first = new ArrayList<>();
            List<List<Detection>> second = new ArrayList<>();
            d.reset();
            for (int t = 0; t < 10; t++) {
                first.add(d.detect(scene("a", t, true, 5)));
            }
            d.reset();
            for (int t = 0; t < 10; t++) {
                second.add(d.detect(scene("a", t, true, 5)));
            }
            assertEquals(first, second);
        }
    }

    @Test
    void framesOfAnotherSizeThanThePrimedModelAreRejected() {
        try (MotionDetector d = MotionDetector.builder().build()) {
            d.prime(List.of(empty("bg", 10, 1)));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> d.detect(new Frame("small", 0, 100, 80, 1, new byte[8000])));
            assertTrue(e.getMessage().contains("small frame 0 is 100x80") && e.getMessage().contains("200x150"),
                    e.getMessage());
        }
        try (MotionDetector d = MotionDetector.builder().build()) {
            d.detect(scene("a", 0, false, 1));
            assertThrows(InvalidInputException.class, () -> d.detect(new Frame("a", 1, 100, 80, 1, new byte[8000])));
            d.reset();
            assertEquals(List.of(), d.detect(new Frame("b", 0, 100, 80, 1, new byte[8000])));
        }
    }

    @Test
    void fragmentsWithinTheGapsMergeAndOthersStayApart() {
        List<Blob> blobs = List.of(
                new Blob(new Box(10, 10, 20, 20), 50),
                new Blob(new Box(12, 24, 20, 40), 60), // 4 px below the first
                new Blob(new Box(23, 10, 30, 20), 30)); // 3 px right of the first
        List<Blob> merged = ProposalGenerator.merge(blobs, 2, 6);
        assertEquals(List.of(new Blob(new Box(10, 10, 20, 40), 110),
                new Blob(new Box(23, 10, 30, 20), 30)), merged);
        assertEquals(1, ProposalGenerator.merge(blobs, 3, 6).size());
        assertEquals(3, ProposalGenerator.merge(blobs, 0, 0).size());
    }

    @Test
    void fragmentsWithinTheMergeGapAreDetectedAsOneObject() {
        // two squares 3 px apart vertically: within the default merge gap, so one merged object
        Box top = Box.ofSize(20, 30, 20, 20);
        Box bottom = Box.ofSize(20, 53, 20, 20);
        Box both = top.union(bottom).translate(36, 0);
        List<Detection> mergedOnly = detectMoving(plain(), List.of(top, bottom));
        assertEquals(1, mergedOnly.size(), mergedOnly.toString());
        assertTrue(bestIou(both, mergedOnly) >= 0.5 && bestIou(top.translate(36, 0), mergedOnly) < 0.5,
                mergedOnly.toString());
    }

    @Test
    void theSplitErosionSeparatesObjectsJoinedByAThinBridge() {
        // two squares 6 px apart, joined by a 4 px high bridge: one connected component
        Box left = Box.ofSize(20, 40, 20, 20);
        Box right = Box.ofSize(46, 40, 20, 20);
        Box bridge = new Box(40, 48, 46, 52);
        List<Box> scene = List.of(left, right, bridge);
        List<Detection> unsplit = detectMoving(plain(), scene);
        assertEquals(1, unsplit.size(), unsplit.toString());
        List<Detection> split = detectMoving(plain().split(7), scene);
        for (Box b : List.of(left.translate(36, 0), right.translate(36, 0), left.union(right).translate(36, 0))) {
            assertTrue(bestIou(b, split) >= 0.5, b + " in " + split);
        }
    }

    /**
     * Two 16x40 objects side by side (or, transposed, 40x16 one above the other), joined by a 6 px long, 12 px thick
     * bridge: one connected component, and the bridge is too thick for the 9 px split erosion to cut.
     */
    private static List<Box> joinedPair(boolean sideBySide) {
        List<Box> pair = List.of(Box.ofSize(20, 40, 16, 40), Box.ofSize(42, 40, 16, 40), new Box(36, 54, 42, 66));
        return sideBySide ? pair : pair.stream().map(b -> new Box(b.yMin(), b.xMin(), b.yMax(), b.xMax())).toList();
    }

    @Test
    void theValleySplitSeparatesObjectsJoinedTooThicklyForTheErosion() {
        for (boolean sideBySide : List.of(true, false)) {
            List<Box> scene = joinedPair(sideBySide);
            List<Box> truths = scene.subList(0, 2).stream().map(b -> b.translate(36, 0)).toList();
            List<Detection> eroded = detectMoving(plain().split(9), scene);
            assertTrue(truths.stream().allMatch(t -> bestIou(t, eroded) < 0.5), "split alone: " + eroded);
            List<Detection> valleys = detectMoving(plain().split(9).valleySplit(0.6), scene);
            for (Box t : truths) {
                assertTrue(bestIou(t, valleys) >= 0.5, (sideBySide ? "side by side: " : "one above the other: ") + t
                        + " in " + valleys);
            }
            Box whole = truths.get(0).union(truths.get(1));
            assertTrue(bestIou(whole, valleys) >= 0.7, "the whole object stays proposed: " + valleys);
            // a valley must fall to the ratio: the bridge's 12 of 40 pixels (0.3) is no valley at 0.2
            List<Detection> shallow = detectMoving(plain().split(9).valleySplit(0.2), scene);
            assertTrue(truths.stream().allMatch(t -> bestIou(t, shallow) < 0.5), "ratio 0.2: " + shallow);
        }
    }

    @Test
    void onACrowdedGeneratedWalkwayTheValleySplitFindsMoreObjects() {
        // walkers crossing side by side merge into one blob; the valley split proposes each of them
        SceneGenerator scene = SceneGenerator.builder().frames(60).walkers(16).seed(5).build();
        GeneratedVideo test = scene.generate("crowd", 7);
        List<Video> normal = List.of(scene.generate("n1", 1).asVideo(), scene.generate("n2", 2).asVideo());
        int objects = test.objects().stream().mapToInt(List::size).sum();
        int without = objectsFound(MotionDetector.builder().valleySplit(0).maxDetections(0), normal, test);
        int with = objectsFound(MotionDetector.builder().valleySplit(0.6).maxDetections(0), normal, test);
        assertTrue(with >= without + 0.05 * objects, "objects found at IoU 0.5: " + with + " with the valley split, "
                + without + " without, of " + objects);
    }

    /** The number of the video's objects (over all frames) that a detection overlaps at IoU >= 0.5. */
    private static int objectsFound(MotionSettings.Builder builder, List<Video> normal, GeneratedVideo test) {
        int found = 0;
        try (MotionDetector d = builder.build()) {
            d.prime(normal);
            d.reset();
            for (Frame f : test.frames()) {
                List<Detection> ds = d.detect(f);
                for (Box truth : test.objects().get(f.index())) {
                    found += bestIou(truth, ds) >= 0.5 ? 1 : 0;
                }
            }
        }
        return found;
    }

    @Test
    void atMostMaxDetectionsAreKeptTheLargestFirst() {
        List<Box> squares = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int side = 10 + 2 * i;
            squares.add(Box.ofSize(5 + (i % 4) * 30, 10 + (i / 4) * 70, side, side));
        }
        List<Detection> five = detectMoving(plain().maxDetections(5), squares);
        assertEquals(5, five.size(), five.toString());
        for (Box largest : squares.subList(3, 8)) {
            assertTrue(bestIou(largest.translate(36, 0), five) >= 0.5, largest + " in " + five);
        }
        for (int i = 1; i < five.size(); i++) {
            assertTrue(five.get(i - 1).confidence() >= five.get(i).confidence(), five.toString());
        }
        assertEquals(8, detectMoving(plain().maxDetections(0), squares).size());
    }

    @Test
    void onAGeneratedWalkwayTheCyclistAndTheWalkersAreFoundWithinTheCap() {
        SceneGenerator scene = SceneGenerator.builder().frames(80).walkers(6).seed(3)
                .anomaly(AnomalyKind.FAST_MOVER, 10, 60).build();
        SceneGenerator normal = scene.toBuilder().clearAnomalies().build();
        GeneratedVideo test = scene.generate("test", 9);
        int anomalyFrames = 0;
        int anomalyFound = 0;
        int objects = 0;
        int objectsFound = 0;
        try (MotionDetector d = MotionDetector.builder().maxDetections(8).build()) {
            d.prime(List.of(normal.generate("n1", 1).asVideo(), normal.generate("n2", 2).asVideo()));
            d.reset();
            for (Frame f : test.frames()) {
                List<Detection> ds = d.detect(f);
                assertTrue(ds.size() <= 8, f.describe() + ": " + ds.size() + " detections");
                for (AnomalyTrack track : test.tracks()) {
                    Box truth = track.boxes().get(f.index());
                    if (truth != null) {
                        anomalyFrames++;
                        anomalyFound += bestIou(truth, ds) >= 0.3 ? 1 : 0;
                    }
                }
                for (Box truth : test.objects().get(f.index())) {
                    objects++;
                    objectsFound += bestIou(truth, ds) >= 0.3 ? 1 : 0;
                }
            }
        }
        assertTrue(anomalyFrames > 20, "the cyclist is on screen in " + anomalyFrames + " frames");
        assertTrue(anomalyFound >= 0.9 * anomalyFrames, "cyclist found in " + anomalyFound + " of " + anomalyFrames);
        assertTrue(objectsFound >= 0.8 * objects, "objects found in " + objectsFound + " of " + objects);
    }

    @Test
    void frameDifferencingAddsThePixelsThatChangedSinceThePreviousFrame() {
        // a threshold no pixel reaches silences the background model: only frame differencing can see the square
        Box square = Box.ofSize(20, 40, 20, 20);
        MotionSettings.Builder deaf = plain().threshold(1e9);
        assertEquals(List.of(), detectMoving(deaf, List.of(square)));
        List<Detection> ds = detectMoving(deaf.frameDifference(30), List.of(square));
        // a textured square's inner texture barely changes as it moves: the differences are its leading and trailing edges
        Box span = ds.stream().map(Detection::box).reduce(Box::union).orElseThrow();
        assertTrue(span.iou(square.translate(36, 0)) >= 0.5, ds.toString());
    }

    /**
     * The detections of the last frame of a scene whose dark box moves 3 px per frame while the light brightens the
     * whole frame by 12 % from frame 15, reached over 3 frames.
     */
    private static List<Detection> afterALightChange(boolean compensate) {
        try (MotionDetector d = MotionDetector.builder().lightCompensation(compensate).build()) {
            d.prime(List.of(empty("bg1", 40, 1), empty("bg2", 40, 2)));
            d.reset();
            List<Detection> last = List.of();
            for (int t = 0; t <= 25; t++) {
                Frame f = darkBoxes(t, List.of(Box.ofSize(20 + 3 * t, 40, 16, 32)));
                double gain = 1 + 0.12 * Math.min(1, Math.max(0, (t - 14) / 3.0));
                byte[] px = f.pixels();
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) Math.min(255, Math.round((px[i] & 0xFF) * gain));
                }
                last = d.detect(new Frame("test", t, W, H, 1, px));
            }
            return last;
        }
    }

    @Test
    void aSuddenChangeOfLightIsCompensated() {
        Box moving = Box.ofSize(20 + 3 * 25, 40, 16, 32);
        Predicate<List<Detection>> onlyTheMovingBox = ds -> bestIou(moving, ds) >= 0.5
                && ds.stream().allMatch(x -> x.box().iou(moving) > 0);
        List<Detection> asFilmed = afterALightChange(false);
        assertFalse(onlyTheMovingBox.test(asFilmed), "as filmed, the brightened frame is foreground: " + asFilmed);
        List<Detection> compensated = afterALightChange(true);
        assertTrue(onlyTheMovingBox.test(compensated), "compensated, the moving box alone is found: " + compensated);
    }

    @Test
    void describesEverySettingAndThePriming() {
        try (MotionDetector d = MotionDetector.builder().subtractor(SubtractorKind.KNN).history(300).detectShadows(true)
                .open(5).close(0).minArea(99).mergeGap(4, 9).padding(0.2, 3).primeFrames(12).split(5)
                .nmsIou(0.6).maxDetections(0).frameDifference(25).valleySplit(0.4).overlapExponent(2.5)
                .lightCompensation(false).build()) {
            String s = d.describe();
            for (String part : List.of("knn", "history=300", "threshold=400", "removed", "open=5", "close=0",
                    "minArea=99px", "mergeGap=4x9px", "pad=0.200+3px", "primeFrames=12", "unprimed", "split=5",
                    "nms=0.60", "maxPerFrame=unlimited", "frameDifference=25", "valleySplit=0.4", "overlapExponent=2.5",
                "light=as filmed")) {
                assertTrue(s.contains(part), s + " lacks " + part);
            }
            d.prime(List.of(empty("bg", 30, 1)));
            assertTrue(d.describe().contains("primed on 12 frames of 1 videos"), d.describe());
            assertEquals(d.settings().describe(), d.toBuilder().build().settings().describe());
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().blur(4));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().history(0));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().maxAreaFraction(0));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().padding(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().nmsIou(1.5));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().maxDetections(-1));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().split(-1));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().split(8));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().frameDifference(255));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().valleySplit(1));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().valleySplit(-0.1));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().overlapExponent(0));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().holdFrames(-1));
        assertThrows(IllegalArgumentException.class, () -> MotionDetector.builder().holdFrames(255));
    }

    /**
     * A dark box moves for 10 frames, then stands still: whether the detector still finds it {@code framesAfter}
     * frames after it stopped.
     */
    private static boolean stillFound(int holdFrames, int framesAfter) {
        try (MotionDetector d = MotionDetector.builder().holdFrames(holdFrames).build()) {
            d.prime(List.of(empty("bg1", 40, 1), empty("bg2", 40, 2)));
            d.reset();
            Box stop = Box.ofSize(80, 50, 16, 32);
            List<Detection> last = List.of();
            for (int t = 0; t <= 10 + framesAfter; t++) {
                last = d.detect(darkBoxes(t, List.of(stop.translate(3 * Math.min(0, t - 10), 0))));
            }
            return bestIou(stop, last) >= 0.5;
        }
    }

    @Test
    void theSelectiveUpdateKeepsAStoppedObjectForABoundedTime() {
        // without it the model absorbs the standing box; with it the box stays found while held, and is learnt after
        assertTrue(!stillFound(0, 150), "absorbed without the selective update");
        assertTrue(stillFound(200, 150), "held for 200 frames, found 150 frames after stopping");
        assertTrue(!stillFound(20, 150), "held for 20 frames only, then learnt: absorbed 150 frames after stopping");
    }

    @Test
    void onAGeneratedWalkwayTheSelectiveUpdateKeepsTheStandingLoiterer() {
        SceneGenerator scene = SceneGenerator.builder().frames(160).walkers(4).seed(3)
                .anomaly(AnomalyKind.LOITERER, 5, 150).build();
        SceneGenerator normal = scene.toBuilder().clearAnomalies().build();
        List<Video> primed = List.of(normal.generate("n1", 1).asVideo(), normal.generate("n2", 2).asVideo());
        GeneratedVideo test = scene.generate("test", 4);
        AnomalyTrack standing = test.tracks().get(0);
        assertTrue(standing.boxes().size() > 60, "the loiterer stands " + standing.boxes().size() + " frames");
        double held = standingFound(MotionDetector.builder().holdFrames(200), primed, test, standing);
        double learnt = standingFound(MotionDetector.builder().holdFrames(0), primed, test, standing);
        assertTrue(held >= 0.95, "standing loiterer found in " + held + " of its frames with the selective update");
        assertTrue(learnt <= held - 0.2, "without it: " + learnt + " against " + held);
    }

    /** The fraction of the track's frames in which a detection overlaps its box at IoU >= 0.3. */
    private static double standingFound(MotionSettings.Builder builder, List<Video> normal, GeneratedVideo test,
                                        AnomalyTrack track) {
        int found = 0;
        try (MotionDetector d = builder.build()) {
            d.prime(normal);
            d.reset();
            for (Frame f : test.frames()) {
                List<Detection> ds = d.detect(f);
                Box truth = track.boxes().get(f.index());
                found += truth != null && bestIou(truth, ds) >= 0.3 ? 1 : 0;
            }
        }
        return (double) found / track.boxes().size();
    }
}
