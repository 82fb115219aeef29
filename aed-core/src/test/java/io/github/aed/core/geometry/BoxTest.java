package io.github.aed.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void iouOfTheReferenceExample() {
        // the published RBDC vector: inclusive [0,0,9,9] vs [1,1,10,10] overlap 81 of 119 pixels
        Box a = Box.fromInclusive(0, 0, 9, 9);
        Box b = Box.fromInclusive(1, 1, 10, 10);
        assertEquals(81.0 / 119.0, a.iou(b), 1e-12);
    }

    @Test
    void halfOpenEdgesMeanTouchingBoxesDoNotOverlap() {
        Box left = new Box(0, 0, 10, 10);
        Box right = new Box(10, 0, 20, 10);
        assertEquals(0.0, left.iou(right));
        assertTrue(left.intersection(right).isEmpty());
    }

    @Test
    void sizeAndCentre() {
        Box b = new Box(2, 3, 12, 7);
        assertEquals(10, b.width());
        assertEquals(4, b.height());
        assertEquals(40, b.area());
        assertEquals(7.0, b.centerX());
        assertEquals(5.0, b.centerY());
        assertEquals(11, b.inclusiveXMax());
    }

    @Test
    void clippingABoxOutsideTheFrameGivesAnEmptyBox() {
        Box outside = new Box(400, 10, 420, 30);
        assertTrue(outside.clipTo(360, 240).isEmpty());
        assertEquals(new Box(350, 0, 360, 20), new Box(350, -5, 370, 20).clipTo(360, 240));
    }

    @Test
    void enclosingRoundsOutwards() {
        assertEquals(new Box(1, 2, 5, 6), Box.enclosing(1.7, 2.2, 4.1, 6.0));
        assertThrows(IllegalArgumentException.class, () -> Box.enclosing(0, 0, Double.NaN, 1));
    }

    @Test
    void relativePaddingAddsAFractionOfTheSize() {
        assertEquals(new Box(-1, -2, 11, 22), new Box(0, 0, 10, 20).padRelative(0.1));
    }

    @Test
    void shrinkingPastTheCentreGivesAnEmptyBoxAtTheCentre() {
        Box b = new Box(0, 0, 10, 10).pad(-8);
        assertTrue(b.isEmpty());
        assertEquals(5, b.xMin());
    }

    @Test
    void cornersOutOfOrderAreRejectedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Box(5, 0, 4, 10));
        assertTrue(e.getMessage().contains("5..4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Box.ofSize(0, 0, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, 1, 1).scale(0, 1));
    }
}
