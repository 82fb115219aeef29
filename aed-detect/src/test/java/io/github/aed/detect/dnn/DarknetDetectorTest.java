package io.github.aed.detect.dnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny Darknet YOLO written by the test: an 8x8 input, one 1x1 convolution with 7 filters (one anchor of 4x6 pixels,
 * 2 classes) and a [yolo] layer. Box offsets are 0, so each cell predicts a 4x6 box centred on itself; objectness is
 * sigmoid(12 * grey - 9) and the class logits are +3 and -3, so only white cells fire.
 */
class DarknetDetectorTest {

    private static final String CFG = """
            [net]
            width=8
            height=8
            channels=3

            # one convolution: 1 anchor x (4 box + 1 objectness + 2 classes)
            [convolutional]
            filters=7
            size=1
            stride=1
            pad=0
            activation=linear

            [yolo]
            mask=0
            anchors=4,6
            classes=2
            num=1
            """;

    @TempDir
    Path dir;

    private Path cfg() throws IOException {
        Path p = dir.resolve("tiny.cfg");
        Files.writeString(p, CFG);
        return p;
    }

    /** Header (major 0, minor 2, revision 0, seen as int64), then biases[7] and weights[7][3] of the convolution. */
    private Path weights(int extraFloats) throws IOException {
        float[] bias = {0, 0, 0, 0, -9, 3, -3};
        float[] w = new float[21];
        w[12] = w[13] = w[14] = 4; // filter 4 (objectness) sums the three channels
        ByteBuffer b = ByteBuffer.allocate(20 + 4 * (7 + 21 + extraFloats)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(2).putInt(0).putLong(0);
        for (float v : bias) {
            b.putFloat(v);
        }
        for (float v : w) {
            b.putFloat(v);
        }
        Path p = dir.resolve("tiny" + extraFloats + ".weights");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void loadsAndDecodesTheTinyYolo() throws IOException {
        byte[] px = new byte[8 * 8 * 3];
        for (int c = 0; c < 3; c++) {
            px[(2 * 8 + 5) * 3 + c] = (byte) 255; // one white pixel at x=5, y=2
        }
        try (DnnDetector d = DnnDetector.darknet(cfg(), weights(0)).build()) {
            List<Detection> ds = d.detect(new Frame("v", 0, 8, 8, 3, px));
            assertEquals(1, ds.size(), ds.toString());
            Detection det = ds.get(0);
            // centre (5.5, 2.5), 4x6 -> [3.5, 7.5) x [-0.5, 5.5) -> rounded outwards and clipped
            assertEquals(new Box(3, 0, 8, 6), det.box());
            assertEquals(0, det.classId());
            double s = 1 / (1 + Math.exp(-3));
            assertEquals(s * s, det.confidence(), 2e-3);
            assertEquals(2, det.classScores().length);
            assertTrue(d.describe().startsWith("darknet[") && d.describe().contains("input=8x8"), d.describe());
            assertEquals(List.of(), d.detect(new Frame("v", 1, 8, 8, 3, new byte[8 * 8 * 3])));
        }
    }

    @Test
    void countsTheParametersOfTheCfg() throws IOException {
        DarknetCfg parsed = DarknetCfg.parse(cfg());
        assertEquals(8, parsed.width());
        assertEquals(7 + 7 * 3, parsed.parameterCount());
        assertEquals(2, parsed.classes());
    }

    @Test
    void countsBatchNormRouteAndUpsampleLikeTinyYolo() throws IOException {
        Path p = dir.resolve("route.cfg");
        Files.writeString(p, """
                [net]
                width=32
                height=32
                channels=3
                [convolutional]
                batch_normalize=1
                filters=4
                size=3
                pad=1
                activation=leaky
                [maxpool]
                size=2
                stride=2
                [convolutional]
                filters=6
                size=1
                [upsample]
                stride=2
                [route]
                layers=-1,0
                [convolutional]
                filters=14
                size=1
                [yolo]
                mask=0,1
                anchors=2,2,4,4
                classes=2
                num=2
                """);
        // conv1: 4*4 (bias+bn) + 4*3*9; conv2: 6 + 6*4; route: 6 + 4 channels; conv3: 14 + 14*10
        assertEquals(16 + 108 + 6 + 24 + 14 + 140, DarknetCfg.parse(p).parameterCount());
    }

    @Test
    void weightsThatDoNotMatchTheCfgAreRejected() throws IOException {
        Path cfg = cfg();
        InvalidInputException tooMany = assertThrows(InvalidInputException.class,
                () -> DnnDetector.darknet(cfg, weights(3)).build());
        assertTrue(tooMany.getMessage().contains("too many") && tooMany.getMessage().contains("28 float32"),
                tooMany.getMessage());
        Path truncated = dir.resolve("short.weights");
        byte[] full = Files.readAllBytes(weights(0));
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length - 8));
        InvalidInputException tooFew = assertThrows(InvalidInputException.class,
                () -> DnnDetector.darknet(cfg, truncated).build());
        assertTrue(tooFew.getMessage().contains("too few"), tooFew.getMessage());
    }

    @Test
    void missingAndMalformedFilesAreRejected() throws IOException {
        Path w = weights(0);
        assertThrows(InvalidInputException.class, () -> DnnDetector.darknet(dir.resolve("none.cfg"), w).build());
        assertThrows(InvalidInputException.class, () -> DnnDetector.darknet(cfg(), dir.resolve("none.weights")).build());
        Path bad = dir.resolve("bad.cfg");
        Files.writeString(bad, "[net]\nwidth=8\n[convolutional]\nfilters=seven\nsize=1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DarknetCfg.parse(bad));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("filters"), e.getMessage());
        Path unknown = dir.resolve("unknown.cfg");
        Files.writeString(unknown, "[net]\n[transformer]\nheads=8\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> DarknetCfg.parse(unknown)).getMessage()
                .contains("unsupported Darknet section [transformer]"));
    }
}
