package io.github.aed.core.cube;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.TestFrames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingCubeExtractorTest {

    private static final Box BOX = new Box(10, 10, 30, 26);

    private static List<Detection> one(int frame) {
        return List.of(Detection.unclassified(frame, BOX, 0.9));
    }

    @Test
    void cubesArriveKFramesLateAndEdgeFramesAreSkippedAndCounted() {
        CubeSettings s = CubeSettings.builder().temporalRadius(2).size(8).build();
        List<Integer> middles = new ArrayList<>();
        List<Integer> arrivedAt = new ArrayList<>();
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            for (int i = 0; i < 10; i++) {
                CubeBatch b = x.push(TestFrames.scene("v", i, 40, 30), one(i));
                for (Detection d : b.detections()) {
                    middles.add(d.frameIndex());
                    arrivedAt.add(i);
                }
            }
            assertEquals(0, x.finish().size());
            assertEquals(4, x.skippedDetections());
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7), middles);
        for (int j = 0; j < middles.size(); j++) {
            assertEquals(middles.get(j) + 2, arrivedAt.get(j));
        }
    }

    @Test
    void clampRepeatsTheEdgeFrames() {
        CubeSettings s = CubeSettings.builder().temporalRadius(2).size(8).edgePolicy(EdgePolicy.CLAMP).build();
        List<ObjectCube> cubes = new ArrayList<>();
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            for (int i = 0; i < 6; i++) {
                cubes.addAll(x.push(TestFrames.scene("v", i, 40, 30), one(i)).cubes());
            }
            cubes.addAll(x.finish().cubes());
            assertEquals(0, x.skippedDetections());
        }
        assertEquals(6, cubes.size());
        assertArrayEquals(new int[] {0, 0, 0, 1, 2}, cubes.get(0).frameIndices());
        assertArrayEquals(new int[] {3, 4, 5, 5, 5}, cubes.get(5).frameIndices());
    }

    @Test
    void memoryIsBoundedByTheWindowOnALongStream() {
        CubeSettings s = CubeSettings.builder().temporalRadius(3).size(4).build();
        int made = 0;
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            Frame template = TestFrames.scene("long", 0, 40, 30);
            byte[] px = template.pixels();
            for (int i = 0; i < 20_000; i++) {
                made += x.push(new Frame("long", i, 40, 30, 3, px), one(i)).size();
            }
            made += x.finish().size();
        }
        assertEquals(20_000 - 6, made);
    }

    @Test
    void aVideoShorterThanTheCubeIsAnError() {
        CubeSettings s = CubeSettings.builder().temporalRadius(15).size(8).edgePolicy(EdgePolicy.CLAMP).build();
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            for (int i = 0; i < 20; i++) {
                x.push(TestFrames.scene("short", i, 40, 30), one(i));
            }
            InvalidInputException e = assertThrows(InvalidInputException.class, x::finish);
            assertTrue(e.getMessage().contains("short has 20 frames") && e.getMessage().contains("31"), e.getMessage());
        }
    }

    @Test
    void boxesOutsideTheFrameAndOtherBadInputNameTheFrame() {
        CubeSettings s = CubeSettings.builder().temporalRadius(1).size(8).build();
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            x.push(TestFrames.scene("v", 0, 40, 30), List.of());
            x.push(TestFrames.scene("v", 1, 40, 30), List.of(Detection.unclassified(1, new Box(30, 20, 45, 29), 1)));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> x.push(TestFrames.scene("v", 2, 40, 30), List.of()));
            assertTrue(e.getMessage().contains("v frame 1") && e.getMessage().contains("not inside"), e.getMessage());
        }
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            x.push(TestFrames.scene("v", 0, 40, 30), List.of());
            InvalidInputException size = assertThrows(InvalidInputException.class,
                    () -> x.push(TestFrames.scene("v", 1, 42, 30), List.of()));
            assertTrue(size.getMessage().contains("42x30"), size.getMessage());
            assertThrows(InvalidInputException.class, () -> x.push(TestFrames.scene("v", 5, 40, 30), List.of()));
            assertThrows(InvalidInputException.class, () -> x.push(TestFrames.scene("v", 1, 40, 30), one(0)));
        }
    }

    @Test
    void emptyBoxesAreRejected() {
        CubeSettings s = CubeSettings.builder().temporalRadius(0).size(8).build();
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> x.push(TestFrames.scene("v", 0, 40, 30),
                    List.of(Detection.unclassified(0, new Box(5, 5, 5, 9), 1))));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
    }

    @Test
    void greyFramesBecomeThreeEqualChannelsInColourMode() {
        CubeSettings s = CubeSettings.builder().temporalRadius(0).size(6).build();
        Frame grey = TestFrames.scene("g", 0, 40, 30).toGrey();
        try (StreamingCubeExtractor x = new StreamingCubeExtractor(s)) {
            ObjectCube c = x.push(grey, one(0)).cube(0);
            for (int y = 0; y < 6; y++) {
                assertEquals(c.value(0, 0, y, 2), c.value(2, 0, y, 2));
            }
        }
    }
}
