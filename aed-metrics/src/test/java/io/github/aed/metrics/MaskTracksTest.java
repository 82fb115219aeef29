package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.aed.core.geometry.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskTracksTest {

    private static byte[] mask(int width, int height, Box... boxes) {
        byte[] m = new byte[width * height];
        for (Box b : boxes) {
            for (int y = b.yMin(); y < b.yMax(); y++) {
                for (int x = b.xMin(); x < b.xMax(); x++) {
                    m[y * width + x] = 1;
                }
            }
        }
        return m;
    }

    @Test
    void componentsAreEightConnected() {
        Box a = new Box(2, 2, 5, 5);
        Box diagonal = new Box(5, 5, 7, 7);
        Box apart = new Box(12, 0, 14, 3);
        List<Box> c = MaskTracks.components(mask(20, 10, a, diagonal, apart), 20, 10);
        assertEquals(List.of(new Box(12, 0, 14, 3), new Box(2, 2, 7, 7)), c);
        assertEquals(List.of(), MaskTracks.components(new byte[200], 20, 10));
    }

    @Test
    void overlappingRegionsOfConsecutiveFramesFormOneTrack() {
        MaskTracks t = new MaskTracks();
        t.add("v", 0, List.of(new Box(0, 0, 10, 10), new Box(50, 50, 60, 60)));
        t.add("v", 1, List.of(new Box(52, 50, 62, 60), new Box(2, 0, 12, 10)));
        t.add("v", 2, List.of());
        t.add("v", 3, List.of(new Box(2, 0, 12, 10)));
        t.add("w", 0, List.of(new Box(0, 0, 10, 10)));
        AnomalyTracks tracks = t.build();
        assertEquals(4, tracks.trackCount());
        assertEquals(6, tracks.regionCount());
        assertEquals(List.of(2, 2, 1, 1), tracks.tracks().stream().map(AnomalyTracks.Track::regions).toList());
        assertEquals(new AnomalyTracks.Track("v", 2, 1), tracks.tracks().get(2));
    }

    @Test
    void aSplitContinuesTheBestOverlapAndStartsANewTrack() {
        MaskTracks t = new MaskTracks();
        t.add("v", 0, List.of(new Box(0, 0, 20, 10)));
        t.add("v", 1, List.of(new Box(0, 0, 8, 10), new Box(10, 0, 20, 10)));
        AnomalyTracks tracks = t.build();
        assertEquals(2, tracks.trackCount());
        assertEquals(0, tracks.regions().get(2).track());
        assertEquals(1, tracks.regions().get(1).track());
    }

    @Test
    void framesMustIncrease() {
        MaskTracks t = new MaskTracks();
        t.add("v", 3, List.of());
        assertThrows(IllegalArgumentException.class, () -> t.add("v", 3, List.of()));
    }
}
