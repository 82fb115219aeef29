package io.github.aed.detect.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.aed.core.geometry.Box;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decoders and the letterbox on hand-built tensors with known answers. */
class OutputDecoderTest {

    @Test
    void darknetRowsAreNormalisedAndAlreadyCarryClassScores() {
        float[] data = {
            0.5f, 0.25f, 0.25f, 0.5f, 0.9f, 0.8f, 0.1f, // centre (208,104) of 416, size 104x208
            0.1f, 0.1f, 0.1f, 0.1f, 0.3f, 0.2f, 0.0f, // below threshold
        };
        List<OutputDecoder.Candidate> cs = OutputDecoder.decode(DnnOutputFormat.DARKNET, data, new int[] {2, 7}, 416, 416,
                0.5, Set.of());
        assertEquals(1, cs.size());
        OutputDecoder.Candidate c = cs.get(0);
        assertEquals(156, c.x0(), 1e-3);
        assertEquals(0, c.y0(), 1e-3);
        assertEquals(260, c.x1(), 1e-3);
        assertEquals(208, c.y1(), 1e-3);
        assertEquals(0.8f, c.score(), 1e-6);
        assertArrayEquals(new float[] {0.8f, 0.1f}, c.classScores());
    }

    @Test
    void yolov5MultipliesObjectnessAndEmitsEveryClassAboveThreshold() {
        float[] data = {100, 50, 20, 10, 0.9f, 0.9f, 0.7f};
        List<OutputDecoder.Candidate> cs = OutputDecoder.decode(DnnOutputFormat.YOLOV5, data, new int[] {1, 1, 7}, 640, 640,
                0.5, Set.of());
        assertEquals(2, cs.size());
        assertEquals(0, cs.get(0).classId());
        assertEquals(0.81f, cs.get(0).score(), 1e-6);
        assertEquals(1, cs.get(1).classId());
        assertEquals(0.63f, cs.get(1).score(), 1e-6);
        assertEquals(90, cs.get(0).x0(), 1e-6);
        assertEquals(45, cs.get(0).y0(), 1e-6);
        assertEquals(1, OutputDecoder.decode(DnnOutputFormat.YOLOV5, data, new int[] {1, 1, 7}, 640, 640, 0.5,
                Set.of(1)).size());
    }

    @Test
    void yolov8IsChannelsFirst() {
        // 2 boxes, 4 + 1 classes: channel-major
        float[] data = {
            10, 30, // cx
            10, 30, // cy
            4, 8, // w
            4, 8, // h
            0.2f, 0.6f, // class 0
        };
        List<OutputDecoder.Candidate> cs = OutputDecoder.decode(DnnOutputFormat.YOLOV8, data, new int[] {1, 5, 2}, 64, 64,
                0.5, Set.of());
        assertEquals(1, cs.size());
        assertEquals(26, cs.get(0).x0(), 1e-6);
        assertEquals(34, cs.get(0).y1(), 1e-6);
        assertEquals(0.6f, cs.get(0).score(), 1e-6);
    }

    @Test
    void ssdRowsCarryLabelScoreAndNormalisedCorners() {
        float[] data = {0, 15, 0.95f, 0.1f, 0.2f, 0.3f, 0.4f, 0, 3, 0.2f, 0, 0, 1, 1};
        List<OutputDecoder.Candidate> cs = OutputDecoder.decode(DnnOutputFormat.SSD, data, new int[] {1, 1, 2, 7}, 300, 300,
                0.5, Set.of());
        assertEquals(1, cs.size());
        assertEquals(15, cs.get(0).classId());
        assertEquals(30, cs.get(0).x0(), 1e-4);
        assertEquals(120, cs.get(0).y1(), 1e-4);
        assertEquals(null, cs.get(0).classScores());
    }

    @Test
    void guessesTheFormatFromTheShape() {
        assertEquals(DnnOutputFormat.YOLOV5, DnnOutputFormat.guess(new int[] {1, 25200, 85}));
        assertEquals(DnnOutputFormat.YOLOV8, DnnOutputFormat.guess(new int[] {1, 84, 8400}));
        assertEquals(DnnOutputFormat.SSD, DnnOutputFormat.guess(new int[] {1, 1, 100, 7}));
        assertEquals(DnnOutputFormat.DARKNET, DnnOutputFormat.guess(new int[] {507, 85}));
        assertThrows(IllegalArgumentException.class, () -> DnnOutputFormat.guess(new int[] {1, 2, 3, 4, 5}));
    }

    @Test
    void rejectsShapesThatDoNotFitTheData() {
        assertThrows(IllegalArgumentException.class,
                () -> OutputDecoder.decode(DnnOutputFormat.YOLOV5, new float[6], new int[] {1, 1, 7}, 8, 8, 0.5, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> OutputDecoder.decode(DnnOutputFormat.SSD, new float[6], new int[] {1, 6}, 8, 8, 0.5, Set.of()));
    }

    @Test
    void letterboxCentresTheFrameAndMapsBoxesBack() {
        Letterbox lb = Letterbox.of(360, 240, 416, 416, ResizeMode.LETTERBOX);
        assertEquals(416, lb.scaledWidth());
        assertEquals(277, lb.scaledHeight());
        assertEquals(0, lb.padX());
        assertEquals(69, lb.padY());
        // the whole scaled area maps back to the whole frame
        assertEquals(new Box(0, 0, 360, 240), lb.toFrame(0, 69, 416, 69 + 277));
        // a box in the padding maps to nothing
        assertEquals(true, lb.toFrame(10, 0, 50, 60).isEmpty());
        Letterbox stretch = Letterbox.of(40, 20, 4, 4, ResizeMode.STRETCH);
        assertEquals(new Box(10, 5, 30, 10), stretch.toFrame(1, 1, 3, 2));
    }
}
