package io.github.aed.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.aed.core.geometry.MaskComponents.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The pure-Java labelling against OpenCV's connectedComponentsWithStats: same components, counts and order. */
class MaskComponentsProperties {

    /** OpenCV's 8-connected components of the mask, label 1 first, as the routine it replaces read them. */
    private static List<Component> opencv(byte[] mask, int width, int height) {
        try (Mat m = new Mat(height, width, opencv_core.CV_8UC1); Mat labels = new Mat(); Mat stats = new Mat();
                Mat centroids = new Mat()) {
            m.data().put(mask);
            int n = opencv_imgproc.connectedComponentsWithStats(m, labels, stats, centroids, 8, opencv_core.CV_32S);
            List<Component> out = new ArrayList<>();
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    out.add(new Component(Box.ofSize(s.get(i, opencv_imgproc.CC_STAT_LEFT), s.get(i, opencv_imgproc.CC_STAT_TOP),
                            s.get(i, opencv_imgproc.CC_STAT_WIDTH), s.get(i, opencv_imgproc.CC_STAT_HEIGHT)),
                            s.get(i, opencv_imgproc.CC_STAT_AREA)));
                }
            }
            return out;
        }
    }

    /**
     * A mask with speckle and blobs: each pixel is set with probability {@code density} percent, then, for blobby
     * masks, set where enough of its 3x3 neighbourhood is (grows touching, nested and diagonal shapes).
     */
    private static byte[] mask(long seed, int width, int height, int density, boolean blobby) {
        Random r = new Random(seed);
        byte[] m = new byte[width * height];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (r.nextInt(100) < density ? 1 + r.nextInt(255) : 0);
        }
        if (!blobby) {
            return m;
        }
        byte[] out = new byte[m.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width && m[yy * width + xx] != 0) {
                            n++;
                        }
                    }
                }
                out[y * width + x] = (byte) (n >= 3 ? 255 : 0);
            }
        }
        return out;
    }

    @Test
    void sameComponentsAndOrderAsOpenCvOnRandomMasks() {
        qt().withExamples(600).forAll(longs().all(), integers().between(1, 70), integers().between(1, 50),
                integers().between(0, 100)).check((seed, w, h, density) -> {
                    byte[] m = mask(seed, w, h, density, (seed & 1) == 0);
                    return MaskComponents.find(m, w, h).equals(opencv(m, w, h));
                });
    }

    @Test
    void sameComponentsAndOrderAsOpenCvOnFrameSizedMasks() {
        qt().withExamples(40).forAll(longs().all(), integers().between(0, 60)).check((seed, density) -> {
            byte[] m = mask(seed, 360, 240, density, true);
            return MaskComponents.find(m, 360, 240).equals(opencv(m, 360, 240));
        });
    }

    @Test
    void boxesAreHalfOpenAndDiagonalNeighboursJoin() {
        int w = 8;
        byte[] m = new byte[w * 5];
        m[3 * w + 1] = 1;              // (1, 3): alone, in row pair 1, so numbered after the component in row pair 0
        m[w + 5] = 1;                  // (5, 1) and (6, 2): diagonal neighbours, one component
        m[2 * w + 6] = (byte) 200;
        assertEquals(List.of(new Component(new Box(5, 1, 7, 3), 2), new Component(new Box(1, 3, 2, 4), 1)),
                MaskComponents.find(m, w, 5));
        assertEquals(List.of(), MaskComponents.find(new byte[0], 0, 7));
        assertThrows(IllegalArgumentException.class, () -> MaskComponents.find(new byte[10], 3, 3));
    }
}
