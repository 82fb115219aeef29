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
    void coverIouMustBeAProbability() {
        assertThrows(IllegalArgumentException.class, () -> SupplementedDetector.of(new Fixed(), new Fixed(), 1.5));
    }
}
