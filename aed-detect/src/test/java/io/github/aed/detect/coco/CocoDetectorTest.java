package io.github.aed.detect.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.SupplementedDetector;
import io.github.aed.detect.tfjs.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The COCO detectors on a real UCSD Ped2 test frame (skipped when the benchmark data is absent) and on a frame with
 * nothing in it; the bundled NanoDet needs no file.
 */
class CocoDetectorTest {

    private static CocoDetector nanodet;

    @BeforeAll
    static void load() {
        nanodet = CocoDetector.nanodet().build();
    }

    /** Test004 frame 151: pedestrians and the cart, the frame the golden tensors come from. */
    private static Frame ped2Frame() {
        String data = System.getProperty("aed.shared.data");
        assumeTrue(data != null, "system property aed.shared.data is not set; Ped2 frame tests skipped");
        Path jpg = Path.of(data, "ucsd-ped2", "Test", "Test004", "151.jpg");
        assumeTrue(Files.isRegularFile(jpg), jpg + " is absent; Ped2 frame tests skipped");
        try (Mat m = opencv_imgcodecs.imread(jpg.toString())) {
            return Frame.fromMat(m, jpg.toString(), 150);
        }
    }

    @Test
    void bundledNanodetFindsThePedestriansOfAPed2Frame() {
        Frame frame = ped2Frame();
        List<Detection> ds = nanodet.detect(frame);
        long people = ds.stream().filter(d -> d.className().equals("person") && d.confidence() >= 0.4).count();
        assertTrue(people >= 8, "expected the frame's pedestrians, got " + ds);
        for (Detection d : ds) {
            assertEquals(150, d.frameIndex());
            assertTrue(d.box().xMin() >= 0 && d.box().xMax() <= 360 && d.box().yMin() >= 0 && d.box().yMax() <= 240, d.toString());
            float[] scores = d.classScores();
            assertEquals(80, scores.length);
            assertEquals(scores[d.classId()], d.confidence(), 1e-6, "the class score vector holds the detection's score");
            assertTrue(d.confidence() >= 0.2);
        }
    }

    @Test
    void centernetCallsTheCartABus() {
        Frame frame = ped2Frame();
        Path model = SharedModels.cocoTfjs().resolve("centernet.json");
        try (ObjectDetector centernet = DetectorSpec.parse("coco:centernet:" + model)) {
            List<Detection> ds = centernet.detect(frame);
            Detection bus = ds.stream().filter(d -> d.className().equals("bus")).findFirst().orElseThrow(
                    () -> new AssertionError("no bus (the cart) among " + ds));
            assertEquals(0.50, bus.confidence(), 0.02);
            assertTrue(bus.box().yMin() > 150 && bus.box().xMin() > 110 && bus.box().xMax() < 220, bus.toString());
        }
    }

    @Test
    void emptyGreyFrameHasNoConfidentObject() {
        Frame grey = new Frame("grey", 0, 320, 240, 3, filled(320 * 240 * 3, (byte) 128));
        assertTrue(nanodet.detect(grey).stream().noneMatch(d -> d.confidence() > 0.5), "objects in a blank frame");
    }

    @Test
    void settingsAreValidatedAndDescribed() {
        assertThrows(IllegalArgumentException.class, () -> CocoDetector.nanodet().confidence(1.5));
        assertThrows(IllegalArgumentException.class, () -> CocoDetector.nanodet().classes(Set.of(80)));
        assertThrows(IllegalArgumentException.class, () -> CocoDetector.nanodet().maxDetections(0));
        assertThrows(IllegalArgumentException.class, () -> CocoDetector.nanodet().merge(1.5));
        assertThrows(IllegalArgumentException.class, () -> DetectorSpec.parse("coco:nanodet,speed=3"));
        CocoDetector strict = nanodet.toBuilder().confidence(0.6).maxDetections(3).classes(Set.of(0)).build();
        assertTrue(strict.describe().contains("conf>=0.600") && strict.describe().contains("max 3/frame"), strict.describe());
        assertEquals(80, strict.classNames().size());
        assertEquals("person", strict.classNames().get(0));
    }

    @Test
    void classFilterAndCapApply() {
        Frame frame = ped2Frame();
        CocoDetector few = nanodet.toBuilder().classes(Set.of(0)).maxDetections(3).build();
        List<Detection> ds = few.detect(frame);
        assertEquals(3, ds.size());
        assertTrue(ds.stream().allMatch(d -> d.classId() == 0));
    }

    @Test
    void centernetIsNotBundledAndAModelOfTheWrongKindIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorSpec.parse("coco:centernet"));
        assertTrue(e.getMessage().contains("not bundled"), e.getMessage());
        Path nanodetJson = SharedModels.cocoTfjs().resolve("nanodet.json");
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> CocoDetector.of(CocoModel.CENTERNET, nanodetJson).build());
        assertTrue(wrong.getMessage().contains("512x512"), wrong.getMessage());
        assertThrows(InvalidInputException.class, () -> CocoDetector.of(CocoModel.NANODET, Path.of("no/such/model.json")).build());
    }

    @Test
    void defaultSpecIsNanodetSupplementedByMotion() {
        try (ObjectDetector d = DetectorSpec.parse("default")) {
            SupplementedDetector s = (SupplementedDetector) d;
            assertTrue(s.primary() instanceof CocoDetector, d.describe());
            assertFalse(s.classNames().isEmpty());
            assertTrue(d.describe().startsWith("coco:nanodet[bundled"), d.describe());
        }
    }

    @Test
    void containedBoxesOfOtherClassesFoldTheirScoresIntoTheContainer() {
        Detection person = new Detection(3, new io.github.aed.core.geometry.Box(10, 10, 30, 60), 0, "person", 0.7f,
                new float[] {0.7f, 0.1f, 0.0f});
        Detection skis = new Detection(3, new io.github.aed.core.geometry.Box(12, 50, 30, 60), 2, "skis", 0.3f,
                new float[] {0.2f, 0.0f, 0.3f});
        Detection neighbour = new Detection(3, new io.github.aed.core.geometry.Box(28, 10, 48, 60), 1, "bicycle", 0.5f,
                new float[] {0.3f, 0.5f, 0.0f});
        Detection otherPerson = new Detection(3, new io.github.aed.core.geometry.Box(14, 12, 28, 58), 0, "person", 0.4f,
                new float[] {0.4f, 0.0f, 0.0f});
        List<Detection> merged = CocoDetector.mergeContained(List.of(skis, neighbour, person, otherPerson), 0.8);
        assertEquals(List.of("person", "bicycle", "person"), merged.stream().map(Detection::className).toList(),
                "the skis lie inside the person; the bicycle only overlaps; the same class is never merged");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.7f, 0.1f, 0.3f}, merged.get(0).classScores());
        org.junit.jupiter.api.Assertions.assertArrayEquals(neighbour.classScores(), merged.get(1).classScores());
        assertEquals(person.box(), merged.get(0).box());
        assertEquals(0.7, merged.get(0).confidence(), 1e-6);
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, v);
        return b;
    }
}
