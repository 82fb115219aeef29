package io.github.aed.core.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    private static final SceneGenerator NORMAL = SceneGenerator.builder().frames(60).walkers(3).seed(5).build();

    @Test
    void normalScenesHaveNoAnomalyAndMovingWalkers() {
        GeneratedVideo v = NORMAL.generate("Train001", 0);
        assertEquals(60, v.frames().size());
        assertEquals(0, v.abnormalFrames());
        assertTrue(v.tracks().isEmpty());
        assertTrue(v.objects().stream().mapToInt(java.util.List::size).sum() >= 60, "walkers must be listed as objects");
        // walkers move: consecutive frames differ by more than the sensor noise somewhere
        Frame a = v.frames().get(10);
        Frame b = v.frames().get(20);
        int changed = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (Math.abs(a.pixel(x, y, 1) - b.pixel(x, y, 1)) > 40) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 50, "only " + changed + " pixels changed between frames 10 and 20");
    }

    @Test
    void generationIsDeterministicAndVariantsDiffer() {
        GeneratedVideo a = NORMAL.generate("x", 3);
        GeneratedVideo b = NORMAL.generate("x", 3);
        GeneratedVideo c = NORMAL.generate("x", 4);
        assertArrayEquals(a.frames().get(30).pixels(), b.frames().get(30).pixels());
        assertFalse(java.util.Arrays.equals(a.frames().get(30).pixels(), c.frames().get(30).pixels()));
    }

    @Test
    void everyAnomalyKindIsLabelledWithinItsTimeAndCoveredByItsTrack() {
        for (AnomalyKind kind : AnomalyKind.values()) {
            SceneGenerator g = NORMAL.toBuilder().frames(120).anomaly(kind, 20, 90).build();
            GeneratedVideo v = g.generate("Test_" + kind, 1);
            int[] labels = v.labels();
            assertTrue(v.abnormalFrames() > 10, kind + ": only " + v.abnormalFrames() + " abnormal frames");
            for (int f = 0; f < 20; f++) {
                assertEquals(0, labels[f], kind + " labelled before it starts, frame " + f);
            }
            for (int f = 110; f < 120; f++) {
                assertEquals(0, labels[f], kind + " labelled after it ends, frame " + f);
            }
            assertEquals(1, v.tracks().size(), kind.toString());
            AnomalyTrack track = v.tracks().get(0);
            assertEquals(kind, track.kind());
            for (Map.Entry<Integer, Box> e : track.boxes().entrySet()) {
                int f = e.getKey();
                assertEquals(1, labels[f], kind + " track frame " + f + " not labelled");
                assertTrue(v.objects().get(f).contains(e.getValue()), kind + " frame " + f + ": anomaly missing from the objects");
                assertMaskInside(v.mask(f), e.getValue(), v.frames().get(f).width(), kind + " frame " + f);
            }
            for (int f = 0; f < labels.length; f++) {
                assertEquals(labels[f] == 1, track.boxes().containsKey(f), kind + " label and track disagree at frame " + f);
            }
        }
    }

    @Test
    void erraticWalkersStayInViewForTheirWholeTime() {
        for (String family : java.util.List.of("classic", "street", "plaza", "walkway")) {
            for (int variant = 0; variant < 12; variant++) {
                SceneGenerator g = NORMAL.toBuilder().family(SceneFamily.named(family)).frames(100).anomaly(AnomalyKind.ERRATIC, 10, 80).build();
                GeneratedVideo v = g.generate("Test_erratic", variant);
                assertTrue(v.abnormalFrames() >= 60, family + " variant " + variant + ": the erratic walker is in view for only "
                        + v.abnormalFrames() + " of its 80 frames");
            }
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SceneGenerator.builder().size(63, 48));
        assertThrows(IllegalArgumentException.class, () -> SceneGenerator.builder().frames(10).anomaly(AnomalyKind.VEHICLE, 10, 5).build());
        assertThrows(IllegalArgumentException.class, () -> SceneGenerator.builder().anomaly(AnomalyKind.VEHICLE, 0, 0));
    }

    private static void assertMaskInside(byte[] mask, Box box, int width, String where) {
        int inside = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] != 0) {
                int x = p % width;
                int y = p / width;
                assertTrue(x >= box.xMin() && x < box.xMax() && y >= box.yMin() && y < box.yMax(), where + ": mask pixel outside the track box");
                inside++;
            }
        }
        assertTrue(inside > 0, where + ": empty mask");
    }
}
