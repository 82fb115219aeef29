package io.github.aed.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplementedDetectorTest {

    /** Returns fixed boxes and records what reaches it. */
    private static final class Fixed implements ObjectDetector {
        final List<Detection> out;
        final List<String> calls = new ArrayList<>();

        Fixed(Detection... out) {
            this.out = List.of(out);
        }

        @Override
        public List<Detection> detect(Frame frame) {
            calls.add("detect");
            return out;
        }

        @Override
        public void reset() {
            calls.add("reset");
        }

        @Override
        public void close() {
            calls.add("close");
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }

    private static final Frame FRAME = new Frame("f", 0, 100, 100, 1, new byte[100 * 100]);

    @Test
    void keepsEveryPrimaryBoxAndOnlyUncoveredSupplementaryBoxes() {
        Detection person = Detection.of(0, new Box(10, 10, 30, 50), 0, "person", 0.8);
        Detection samePlace = Detection.unclassified(0, new Box(11, 10, 31, 50), 0.9);
        Detection elsewhere = Detection.unclassified(0, new Box(60, 60, 80, 90), 0.7);
        Detection looseAround = Detection.unclassified(0, new Box(0, 0, 60, 70), 0.6);
        Fixed primary = new Fixed(person);
        Fixed motion = new Fixed(samePlace, elsewhere, looseAround);
        SupplementedDetector d = SupplementedDetector.of(primary, motion);
        assertEquals(List.of(person, elsewhere, looseAround), d.detect(FRAME));
        assertEquals(List.of(person, samePlace, elsewhere, looseAround),
                SupplementedDetector.of(primary, motion, 1.0).detect(FRAME));
        d.reset();
        d.close();
        assertEquals(List.of("detect", "detect", "reset", "close"), primary.calls);
        assertTrue(motion.calls.contains("close"));
    }

    @Test
    void addedBoxesWithoutScoresInheritThoseOfThePrimaryBoxesInsideThem() {
        Detection rider = new Detection(0, new Box(20, 10, 30, 40), 0, "person", 0.6, new float[] {0.6f, 0.2f, 0f});
        Detection bicycle = new Detection(0, new Box(18, 25, 34, 45), 1, "bicycle", 0.5, new float[] {0.1f, 0.5f, 0f});
        Detection farAway = new Detection(0, new Box(70, 70, 80, 90), 2, "dog", 0.4, new float[] {0f, 0f, 0.4f});
        Detection motionAroundCyclist = Detection.unclassified(0, new Box(15, 5, 40, 50), 0.9);
        Detection motionElsewhere = Detection.unclassified(0, new Box(50, 0, 60, 10), 0.9);
        List<Detection> out = SupplementedDetector.of(new Fixed(rider, bicycle, farAway),
                new Fixed(motionAroundCyclist, motionElsewhere)).detect(FRAME);
        assertEquals(5, out.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.6f, 0.5f, 0f}, out.get(3).classScores());
        assertEquals(Detection.UNKNOWN_CLASS, out.get(3).classId());
        assertEquals(0.9, out.get(3).confidence(), 1e-9);
        assertEquals(null, out.get(4).classScores(), "no primary box lies inside it");
    }

    @Test
    void coverIouMustBeAProbability() {
        assertThrows(IllegalArgumentException.class, () -> SupplementedDetector.of(new Fixed(), new Fixed(), 1.5));
    }
}
