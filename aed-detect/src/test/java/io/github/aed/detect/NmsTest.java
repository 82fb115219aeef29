package io.github.aed.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

    private static Detection d(int x, int cls, double conf) {
        return Detection.of(0, Box.ofSize(x, 0, 10, 10), cls, "c" + cls, conf);
    }

    @Test
    void suppressesTheLessConfidentOfTwoOverlappingBoxesOfOneClass() {
        Detection strong = d(0, 0, 0.9);
        Detection weak = d(2, 0, 0.8); // IoU 80/120 = 0.67
        Detection far = d(30, 0, 0.7);
        assertEquals(List.of(strong, far), Nms.perClass(List.of(weak, far, strong), 0.5));
        assertEquals(List.of(strong, weak, far), Nms.perClass(List.of(weak, far, strong), 0.7));
    }

    @Test
    void perClassKeepsOverlappingBoxesOfOtherClassesButAcrossClassesDoesNot() {
        Detection person = d(0, 0, 0.9);
        Detection bike = d(1, 1, 0.8);
        assertEquals(List.of(person, bike), Nms.perClass(List.of(bike, person), 0.5));
        assertEquals(List.of(person), Nms.acrossClasses(List.of(bike, person), 0.5));
    }

    @Test
    void keepsAtMostTheGivenNumberPerClass() {
        List<Detection> ds = List.of(d(0, 0, 0.9), d(20, 0, 0.8), d(40, 0, 0.7), d(60, 1, 0.6));
        assertEquals(List.of(d(0, 0, 0.9), d(20, 0, 0.8), d(60, 1, 0.6)), Nms.suppress(ds, 0.5, true, 2));
    }

    @Test
    void rejectsThresholdsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Nms.perClass(List.of(), 1.5));
        assertThrows(IllegalArgumentException.class, () -> Nms.suppress(List.of(), 0.5, true, 0));
    }
}
