package io.github.aed.detect.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny ONNX models, written by the test, run through OpenCV's importer and the same detection path users take.
 *
 * <p>The YOLO models see a 16x16 input. Every cell predicts the same box (centre 8,8, size 6x4 input pixels, from conv
 * biases); a cell's scores are sigmoid(12 * grey - 9) for objectness (YOLOv5) or class 0 (YOLOv8), so white cells
 * score about 0.95 and the grey letterbox padding (128) about 0.05.
 */
class OnnxDetectorTest {

    private static final double SIG3 = 1 / (1 + Math.exp(-3));

    @TempDir
    Path dir;

    /** Conv(1x1) weights of n output channels over 3 input channels, every channel weighted w. */
    private static float[] weights(int n, float... perChannel) {
        float[] wt = new float[n * 3];
        for (int o = 0; o < n; o++) {
            Arrays.fill(wt, o * 3, o * 3 + 3, perChannel[o]);
        }
        return wt;
    }

    private Path yolo(boolean v8) throws IOException {
        int scores = v8 ? 2 : 3; // v8: class 0, class 1; v5: objectness, class 0, class 1
        int features = 4 + scores;
        float[] scoreWeights = v8 ? new float[] {4, 0} : new float[] {4, 0, 0};
        float[] scoreBias = v8 ? new float[] {-9, -3} : new float[] {-9, 3, -3};
        TinyOnnx m = new TinyOnnx().input("images", 1, 3, 16, 16)
                .floats("wb", new float[12], 4, 3, 1, 1).floats("bb", new float[] {8, 8, 6, 4}, 4)
                .floats("ws", weights(scores, scoreWeights), scores, 3, 1, 1).floats("bs", scoreBias, scores)
                .longs("shape", new long[] {1, features, 256}, 3)
                .node("Conv", new String[] {"images", "wb", "bb"}, "box", "kernel_shape", new long[] {1, 1})
                .node("Conv", new String[] {"images", "ws", "bs"}, "logits", "kernel_shape", new long[] {1, 1})
                .node("Sigmoid", new String[] {"logits"}, "prob")
                .node("Concat", new String[] {"box", "prob"}, "maps", "axis", 1L)
                .node("Reshape", new String[] {"maps", "shape"}, v8 ? "output" : "rows");
        if (!v8) {
            m.node("Transpose", new String[] {"rows"}, "output", "perm", new long[] {0, 2, 1});
        }
        Path file = dir.resolve(v8 ? "v8.onnx" : "v5.onnx");
        m.output("output", v8 ? new long[] {1, features, 256} : new long[] {1, 256, features}).write(file);
        return file;
    }

    private static Frame grey(int w, int h, int value) {
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) value);
        return new Frame("clip", 4, w, h, 3, px);
    }

    @Test
    void yolov5StyleModelDetectsTheWhiteFrameThroughTheLetterbox() throws IOException {
        try (DnnDetector d = DnnDetector.onnx(yolo(false)).build()) {
            // 32x16 frame -> 16x8 inside the 16x16 input, 4 grey rows above and below; box [5,11)x[6,10) -> frame
            List<Detection> ds = d.detect(grey(32, 16, 255));
            assertEquals(1, ds.size(), ds.toString());
            Detection det = ds.get(0);
            assertEquals(new Box(10, 4, 22, 12), det.box());
            assertEquals(0, det.classId());
            assertEquals("class 0", det.className());
            assertEquals(4, det.frameIndex());
            assertEquals(SIG3 * SIG3, det.confidence(), 2e-3);
            assertEquals(2, det.classScores().length);
            assertEquals(SIG3 * (1 - SIG3), det.classScores()[1], 2e-3);
            assertEquals(DnnOutputFormat.YOLOV5, d.format().orElseThrow());
            assertTrue(d.describe().contains("input=16x16 letterbox") && d.describe().contains("yolov5 (guessed"),
                    d.describe());
            assertEquals(List.of(), d.detect(grey(32, 16, 0)));
        }
    }

    @Test
    void yolov8StyleModelIsGuessedFromItsChannelsFirstOutput() throws IOException {
        try (DnnDetector d = DnnDetector.onnx(yolo(true)).classNames(List.of("cart", "skater")).build()) {
            List<Detection> ds = d.detect(grey(32, 16, 255));
            assertEquals(1, ds.size(), ds.toString());
            assertEquals(new Box(10, 4, 22, 12), ds.get(0).box());
            assertEquals("cart", ds.get(0).className());
            assertEquals(SIG3, ds.get(0).confidence(), 2e-3);
            assertEquals(DnnOutputFormat.YOLOV8, d.format().orElseThrow());
        }
    }

    @Test
    void classFilterAndThresholdApplyBeforeNms() throws IOException {
        Path model = yolo(false);
        try (DnnDetector onlyClass1 = DnnDetector.onnx(model).classes(Set.of(1)).build();
                DnnDetector low = DnnDetector.onnx(model).confidence(0.04).build()) {
            assertEquals(List.of(), onlyClass1.detect(grey(32, 16, 255)));
            // at 0.04 the padding cells (score ~0.047) and class 1 of white cells (~0.045) pass too; all share one box,
            // so per-class NMS leaves one box per class
            List<Detection> ds = low.detect(grey(32, 16, 255));
            assertEquals(List.of(0, 1), ds.stream().map(Detection::classId).sorted().toList());
        }
    }

    @Test
    void ssdStyleModelWithStretchedInput() throws IOException {
        // mean grey -> [0, label 1, 0.9 * mean, 0.25, 0.25, 0.75, 0.5]
        float[] w = new float[7 * 3];
        Arrays.fill(w, 6, 9, 0.3f);
        Path file = dir.resolve("ssd.onnx");
        new TinyOnnx().input("data", 1, 3, 4, 4)
                .floats("w", w, 7, 3, 1, 1).floats("b", new float[] {0, 1, 0, 0.25f, 0.25f, 0.75f, 0.5f}, 7)
                .longs("shape", new long[] {1, 1, 1, 7}, 4)
                .node("GlobalAveragePool", new String[] {"data"}, "pooled")
                .node("Conv", new String[] {"pooled", "w", "b"}, "det", "kernel_shape", new long[] {1, 1})
                .node("Reshape", new String[] {"det", "shape"}, "detection_out")
                .output("detection_out", 1, 1, 1, 7).write(file);
        try (DnnDetector d = DnnDetector.onnx(file).format(DnnOutputFormat.SSD).resize(ResizeMode.STRETCH).build()) {
            List<Detection> ds = d.detect(grey(40, 20, 255));
            assertEquals(1, ds.size(), ds.toString());
            assertEquals(new Box(10, 5, 30, 10), ds.get(0).box());
            assertEquals(1, ds.get(0).classId());
            assertEquals(0.9, ds.get(0).confidence(), 1e-3);
            assertEquals(null, ds.get(0).classScores());
            assertEquals(List.of(), d.detect(grey(40, 20, 0)));
        }
    }

    @Test
    void readsTheInputShapeFromTheProtobuf() throws IOException {
        OnnxModelInfo info = OnnxModelInfo.read(yolo(false));
        assertEquals("images", info.inputName());
        assertArrayEquals(new long[] {1, 3, 16, 16}, info.shape());
        assertArrayEquals(new int[] {16, 16}, info.imageSize());
    }

    @Test
    void missingOrBrokenModelsFailClearly() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> DnnDetector.onnx(dir.resolve("none.onnx")).build());
        assertTrue(missing.getMessage().contains("no such ONNX model file"), missing.getMessage());
        Path junk = dir.resolve("junk.onnx");
        Files.writeString(junk, "this is not protobuf at all, just text");
        InvalidInputException broken = assertThrows(InvalidInputException.class, () -> DnnDetector.onnx(junk).build());
        assertTrue(broken.getMessage().startsWith(junk.toString()), broken.getMessage());
        Path open = dir.resolve("open.onnx");
        new TinyOnnx().input("x", 1, 3, 0, 0).node("Relu", new String[] {"x"}, "y").output("y", 1, 3, 0, 0).write(open);
        InvalidInputException size = assertThrows(InvalidInputException.class, () -> DnnDetector.onnx(open).build());
        assertTrue(size.getMessage().contains("set inputSize"), size.getMessage());
    }
}
