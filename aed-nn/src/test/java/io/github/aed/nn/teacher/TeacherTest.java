package io.github.aed.nn.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherTest {

    @TempDir
    Path dir;

    /** A 40x30 BGR frame; inside the box (10,5)-(30,25) every pixel is (b, g, r), outside it is white. */
    private static Frame frame(int b, int g, int r) {
        byte[] px = new byte[40 * 30 * 3];
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                boolean in = x >= 10 && x < 30 && y >= 5 && y < 25;
                int i = (y * 40 + x) * 3;
                px[i] = (byte) (in ? b : 255);
                px[i + 1] = (byte) (in ? g : 255);
                px[i + 2] = (byte) (in ? r : 255);
            }
        }
        return new Frame("test", 0, 40, 30, 3, px);
    }

    private static final Detection DET = Detection.of(0, new Box(10, 5, 30, 25), 2, "car", 0.8);

    @Test
    void detectorTeacherIsOneHotTimesConfidenceAndComparesTheDetectedClassAtTestTime() {
        DetectorConfidenceTeacher t = new DetectorConfidenceTeacher(4);
        assertArrayEquals(new float[] {0, 0, 0.8f, 0}, t.outputs(null, DET));
        TeacherTargets tt = t.testTargets(null, DET);
        assertArrayEquals(new int[] {2}, tt.slots());
        assertArrayEquals(new float[] {0.8f}, tt.values());
        assertArrayEquals(new float[] {0.5f}, new DetectorConfidenceTeacher(1).outputs(null,
                Detection.unclassified(0, new Box(0, 0, 2, 2), 0.5)));
        var e = assertThrows(InvalidInputException.class, () -> new DetectorConfidenceTeacher(2).outputs(null, DET));
        assertTrue(e.getMessage().contains("class 2"), e.getMessage());
    }

    @Test
    void classScoresTeacherLearnsTheDetectorsScoreVectorAndComparesEverySlot() {
        Teacher t = TeacherRegistry.defaults().create(DetectorClassScoresTeacher.NAME, java.util.Map.of("classes", "3"));
        Detection cyclist = new Detection(4, new Box(0, 0, 10, 20), 0, "person", 0.6, new float[] {0.6f, 0.45f, 0f});
        assertArrayEquals(new float[] {0.6f, 0.45f, 0f}, t.outputs(null, cyclist));
        TeacherTargets test = t.testTargets(null, cyclist);
        assertArrayEquals(new int[] {0, 1, 2}, test.slots());
        assertArrayEquals(new float[] {0.6f, 0.45f, 0f}, test.values());
        test.slots()[1] = 7;
        assertArrayEquals(new int[] {0, 1, 2}, t.testTargets(null, cyclist).slots(), "the slot list every object shares stays whole");
        assertArrayEquals(new int[] {0, 1, 2}, test.slots());
        assertArrayEquals(new int[] {1, 2, 3}, test.shifted(1).slots());
        assertArrayEquals(new int[] {0, 1, 2}, t.testTargets(null, cyclist).slots(), "shifting leaves the shared list alone");
        assertArrayEquals(new float[3], t.outputs(null, Detection.unclassified(4, new Box(0, 0, 5, 5), 0.9)),
                "a box without class scores: the class detector found nothing there");
        Detection wrongLength = new Detection(4, new Box(0, 0, 10, 20), 0, "person", 0.6, new float[] {0.6f});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.outputs(null, wrongLength));
        assertTrue(e.getMessage().contains("frame 4"), e.getMessage());
        assertEquals(java.util.Map.of("classes", "3"), t.settings());
    }

    @Test
    void boxShapeTeacherDescribesTheBoxRelativeToTheFrame() {
        Teacher t = TeacherRegistry.defaults().create(BoxShapeTeacher.NAME, java.util.Map.of());
        assertArrayEquals(new float[] {0.5f, 20f / 30, 0.5f}, t.outputs(frame(0, 0, 0), DET), 1e-6f);
        float[] upright = t.outputs(frame(0, 0, 0), Detection.unclassified(0, new Box(0, 0, 10, 30), 1));
        assertArrayEquals(new float[] {0.25f, 1f, 0.25f}, upright, 1e-6f);
        assertEquals(3, t.testTargets(frame(0, 0, 0), DET).slots().length, "every slot is compared at test time");
    }

    @Test
    void openCvClassifierTeacherRunsAUserSuppliedOnnxNetworkOnTheCrop() throws Exception {
        Path onnx = dir.resolve("pool.onnx");
        Files.write(onnx, TinyOnnx.globalAveragePool(3, 8, 8));
        try (OpenCvClassifierTeacher bgr = new OpenCvClassifierTeacher(onnx, 8, 8, 1 / 255.0, new double[3], false, true);
             OpenCvClassifierTeacher rgb = new OpenCvClassifierTeacher(onnx, 8, 8, 1 / 255.0, new double[3], true, true);
             OpenCvClassifierTeacher clipped = new OpenCvClassifierTeacher(onnx, 8, 8, 1, new double[] {100, 50, 100}, false, true)) {
            assertEquals(3, bgr.outputSize());
            Frame f = frame(30, 60, 90);
            assertArrayEquals(new float[] {30 / 255f, 60 / 255f, 90 / 255f}, bgr.outputs(f, DET), 1e-5f, "the crop's mean colour, BGR");
            assertArrayEquals(new float[] {90 / 255f, 60 / 255f, 30 / 255f}, rgb.outputs(f, DET), 1e-5f, "RGB when swapped");
            assertArrayEquals(new float[] {0, 10, 0}, clipped.outputs(f, DET), 1e-4f, "mean subtracted, clipped at 0");
            assertTrue(bgr.testTargets(f, DET).isEmpty(), "not run at test time");
            Teacher again = TeacherRegistry.defaults().create(OpenCvClassifierTeacher.NAME, rgb.settings());
            assertArrayEquals(rgb.outputs(f, DET), again.outputs(f, DET));
            again.close();
        }
        Path bad = dir.resolve("bad.onnx");
        Files.writeString(bad, "not a network");
        assertThrows(InvalidInputException.class, () -> new OpenCvClassifierTeacher(bad, 8, 8, 1, new double[3], false, true));
        assertThrows(InvalidInputException.class, () -> new OpenCvClassifierTeacher(dir.resolve("missing.onnx"), 8, 8, 1, new double[3], false, true));
    }

    @Test
    void hogTeacherGivesTheSignedPersonSvmMarginInTwoNonNegativeSlots() {
        try (HogPersonTeacher t = new HogPersonTeacher()) {
            double flatDark = t.response(frame(20, 20, 20), DET);
            double flatBright = t.response(frame(200, 200, 200), DET);
            assertEquals(flatDark, flatBright, 1e-6, "no gradients, no HOG: both give the SVM's bias");
            byte[] px = new byte[40 * 30 * 3];
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) (((i / 3) % 40 / 3) % 2 == 0 ? 0 : 255);
            }
            double stripes = t.response(new Frame("stripes", 0, 40, 30, 3, px), DET);
            assertNotEquals(flatDark, stripes, 1e-3);
            float[] o = t.outputs(frame(20, 20, 20), DET);
            assertEquals(2, o.length);
            assertTrue(o[0] >= 0 && o[1] >= 0 && (o[0] == 0 || o[1] == 0));
            assertEquals(Math.abs(flatDark), o[0] + o[1], 1e-5);
        }
    }

    @Test
    void concatenatedTeacherJoinsOutputsAndShiftsTestSlots() {
        ConcatenatedTeacher t = new ConcatenatedTeacher(List.of(new DetectorConfidenceTeacher(3), new DetectorConfidenceTeacher(4)));
        assertEquals(7, t.outputSize());
        assertArrayEquals(new float[] {0, 0, 0.8f, 0, 0, 0.8f, 0}, t.outputs(null, DET));
        assertArrayEquals(new int[] {2, 5}, t.testTargets(null, DET).slots());
        Teacher again = TeacherRegistry.defaults().create(ConcatenatedTeacher.NAME, t.settings());
        assertEquals(t.describe(), again.describe());
        var e = assertThrows(IllegalArgumentException.class, () -> TeacherRegistry.defaults().create("resnet", java.util.Map.of()));
        assertTrue(e.getMessage().contains("unknown teacher 'resnet'"), e.getMessage());
    }
}
