package io.github.aed.core.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.aed.core.video.Frame;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The default family still draws the pixels it drew before scene families existed (the demo's documented numbers
 * depend on them): checksums recorded from the generator of December 2026, before families were added.
 */
class ClassicFamilyGoldenTest {

    @Test
    void defaultScenesAreUnchanged() {
        SceneGenerator g = SceneGenerator.builder().frames(60).walkers(4).seed(5)
                .anomaly(AnomalyKind.FAST_MOVER, 5, 40).anomaly(AnomalyKind.VEHICLE, 8, 40)
                .anomaly(AnomalyKind.ERRATIC, 3, 50).anomaly(AnomalyKind.LOITERER, 0, 55).build();
        GeneratedVideo v = g.generate("Test001", 3);
        CRC32 pixels = new CRC32();
        CRC32 truth = new CRC32();
        for (int f = 0; f < v.frames().size(); f++) {
            Frame frame = v.frames().get(f);
            pixels.update(frame.pixels());
            truth.update(v.mask(f));
            truth.update(v.labels()[f]);
        }
        v.tracks().forEach(t -> t.boxes().forEach((f, b) -> truth.update((f + ":" + b).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        v.objects().forEach(list -> list.forEach(b -> truth.update(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(518888169L, pixels.getValue(), "pixels");
        assertEquals(2411508742L, truth.getValue(), "ground truth");
    }
}
