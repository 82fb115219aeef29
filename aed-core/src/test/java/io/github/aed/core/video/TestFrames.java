package io.github.aed.core.video;

import java.util.ArrayList;
import java.util.List;

/** Generated frames for tests: smooth gradients with a bright square that moves, so codecs keep them recognisable. */
public final class TestFrames {

    private TestFrames() {
    }

    /** Frame {@code index} of a scene whose square moves 3 px right per frame. */
    public static Frame scene(String source, int index, int width, int height) {
        byte[] px = new byte[width * height * 3];
        int sq = Math.max(4, Math.min(width, height) / 6);
        int sx = (index * 3) % Math.max(1, width - sq);
        int sy = height / 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = (y * width + x) * 3;
                boolean inSquare = x >= sx && x < sx + sq && y >= sy && y < sy + sq;
                px[o] = (byte) (inSquare ? 230 : 40 + x * 120 / width);
                px[o + 1] = (byte) (inSquare ? 230 : 40 + y * 120 / height);
                px[o + 2] = (byte) (inSquare ? 230 : 80 + (index * 5) % 60);
            }
        }
        return new Frame(source, index, width, height, 3, px);
    }

    /** Frames 0..n-1 of {@link #scene}. */
    public static List<Frame> clip(String source, int n, int width, int height) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(scene(source, i, width, height));
        }
        return out;
    }

    /** Mean absolute difference of two frames' bytes, in grey levels. */
    public static double meanAbsDiff(Frame a, Frame b) {
        byte[] pa = a.pixels();
        byte[] pb = b.pixels();
        if (pa.length != pb.length) {
            throw new IllegalArgumentException(a + " and " + b + " differ in size");
        }
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs((pa[i] & 0xFF) - (pb[i] & 0xFF));
        }
        return (double) sum / pa.length;
    }
}
