package io.github.aed.nn;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.List;

/** Test cubes cut by the real extractor from a generated clip. */
public final class TestCubes {

    private TestCubes() {
    }

    /** A generated 48x40 frame: a bright block moving right over a gradient. */
    public static Frame frame(String source, int index) {
        byte[] px = new byte[48 * 40 * 3];
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 48; x++) {
                boolean block = x >= (4 + 2 * index) % 40 && x < (4 + 2 * index) % 40 + 8 && y >= 10 && y < 22;
                int i = (y * 48 + x) * 3;
                px[i] = (byte) (block ? 230 : x * 3);
                px[i + 1] = (byte) (block ? 200 : y * 4);
                px[i + 2] = (byte) (block ? 90 : 40);
            }
        }
        return new Frame(source, index, 48, 40, 3, px);
    }

    /** The cubes of two fixed detections per frame of a {@code frames}-frame clip. */
    public static CubeBatch batch(CubeSettings settings, int frames) {
        List<CubeBatch> got = new ArrayList<>();
        try (StreamingCubeExtractor s = new StreamingCubeExtractor(settings)) {
            for (int i = 0; i < frames; i++) {
                got.add(s.push(frame("clip", i), List.of(Detection.of(i, new Box(2, 4, 30, 36), 1, "car", 0.7),
                        Detection.of(i, new Box(20, 0, 48, 20), 0, "person", 0.9))));
            }
            got.add(s.finish());
        }
        return got.stream().filter(b -> !b.isEmpty()).findFirst().orElseThrow();
    }
}
