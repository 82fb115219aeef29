package io.github.aed.core.cube;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameWindow;
import io.github.aed.core.video.TestFrames;
import org.junit.jupiter.api.Test;

class CubeExtractorProperties {

    private static final int W = 72;
    private static final int H = 48;

    private static FrameWindow window(int frames) {
        FrameWindow w = new FrameWindow(frames);
        for (int i = 0; i < frames; i++) {
            w.add(TestFrames.scene("v", i, W, H));
        }
        w.markEnd();
        return w;
    }

    @Test
    void cubesHaveTheConfiguredShapeAndValuesInUnitRange() {
        FrameWindow w = window(9);
        qt().withExamples(60).forAll(integers().between(0, 2), integers().between(1, 24), integers().between(0, 1),
                integers().between(0, 4000)).check((k, size, grey, boxSeed) -> {
            CubeSettings s = CubeSettings.builder().temporalRadius(k).size(size)
                    .colourMode(grey == 1 ? ColourMode.GREY : ColourMode.COLOUR).build();
            Box b = boxFromSeed(boxSeed);
            try (CubeExtractor x = new CubeExtractor(s)) {
                ObjectCube cube = x.extract(w, Detection.unclassified(4, b, 1));
                float[] d = cube.data();
                if (d.length != s.channels() * (2 * k + 1) * size * size) {
                    return false;
                }
                for (float v : d) {
                    if (!(v >= 0f && v <= 1f)) {
                        return false;
                    }
                }
                return cube.frameIndices()[k] == 4;
            }
        });
    }

    @Test
    void cropEqualsTheSourcePixelsWhenTheBoxHasTheCubeSize() {
        FrameWindow w = window(7);
        qt().withExamples(40).forAll(integers().between(1, 20), integers().between(0, 51), integers().between(0, 27))
                .check((size, x0, y0) -> {
                    Box b = Box.ofSize(Math.min(x0, W - size), Math.min(y0, H - size), size, size);
                    CubeSettings s = CubeSettings.builder().temporalRadius(3).size(size).build();
                    try (CubeExtractor x = new CubeExtractor(s)) {
                        ObjectCube cube = x.extract(w, Detection.unclassified(3, b, 1));
                        for (int d = 0; d < 7; d++) {
                            Frame f = w.get(d);
                            for (int c = 0; c < 3; c++) {
                                for (int y = 0; y < size; y++) {
                                    for (int xx = 0; xx < size; xx++) {
                                        float expected = f.pixel(b.xMin() + xx, b.yMin() + y, c) / 255f;
                                        if (cube.value(c, d, y, xx) != expected) {
                                            return false;
                                        }
                                    }
                                }
                            }
                        }
                        return true;
                    }
                });
    }

    @Test
    void batchesHoldTheSameValuesAsSingleCubes() {
        FrameWindow w = window(7);
        qt().withExamples(20).forAll(integers().between(0, 4000), integers().between(0, 4000)).check((s1, s2) -> {
            CubeSettings s = CubeSettings.builder().size(8).build();
            try (CubeExtractor x = new CubeExtractor(s)) {
                Detection a = Detection.unclassified(3, boxFromSeed(s1), 1);
                Detection b = Detection.unclassified(3, boxFromSeed(s2), 1);
                CubeBatch batch = x.extractBatch(w, java.util.List.of(a, b));
                float[] single = x.extract(w, b).data();
                float[] arr = batch.array();
                for (int i = 0; i < single.length; i++) {
                    if (arr[s.cubeLength() + i] != single[i]) {
                        return false;
                    }
                }
                return batch.shape()[0] == 2 && batch.shape()[2] == 7;
            }
        });
    }

    /** A non-empty box inside the W x H frame, from one number. */
    private static Box boxFromSeed(int seed) {
        int x0 = seed % (W - 1);
        int y0 = (seed / 7) % (H - 1);
        int w = 1 + (seed / 3) % (W - x0);
        int h = 1 + (seed / 11) % (H - y0);
        return Box.ofSize(x0, y0, w, h);
    }
}
