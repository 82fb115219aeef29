package io.github.aed.core.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.aed.core.video.Frame;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The default family draws exactly the pixels it is documented to draw (the demo's documented numbers depend on them):
 * checksums recorded from the generator of December 2026, before families were added, and recorded again on 5 December
 * 2026 when erratic walkers stopped leaving the frame through a side a turn after entering (this scene's erratic walker
 * did).
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
        assertEquals(1677858517L, pixels.getValue(), "pixels");
        assertEquals(1967991921L, truth.getValue(), "ground truth");
    }
}
