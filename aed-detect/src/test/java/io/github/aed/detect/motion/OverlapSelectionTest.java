package io.github.aed.detect.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.aed.core.geometry.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overlap selection on hand-built proposals whose best choice is known. */
class OverlapSelectionTest {

    /** A loose box around two pieces side by side: each piece has IoU 0.5 with it. */
    private static final Box LOOSE = new Box(0, 0, 40, 20);
    private static final Box LEFT = new Box(0, 0, 20, 20);
    private static final Box RIGHT = new Box(20, 0, 40, 20);
    /** The left piece again, 2 px shorter: IoU 0.9 with it, 0.45 with the loose box. */
    private static final Box LEFT_AGAIN = new Box(0, 0, 20, 18);
    private static final Box APART = new Box(100, 100, 110, 110);

    @Test
    void aBoxStandingApartWinsOverAPieceOfAChosenBox() {
        // gains at exponent 1: loose 1 + 0.5 + 0.5 = 2, a piece 1 + 0.5 = 1.5, apart 1; after the loose box a piece adds
        // only 0.5, the box apart still 1
        List<Box> boxes = List.of(LOOSE, LEFT, RIGHT, APART);
        assertEquals(List.of(0, 3), OverlapSelection.select(boxes, 2, 0.7, 1));
        // the third place goes to the left piece: it ties with the right one and comes first
        assertEquals(List.of(0, 3, 1), OverlapSelection.select(boxes, 3, 0.7, 1));
    }

    @Test
    void aLargerExponentPrefersTheTightBoxThatFitsAnotherProposalToo() {
        // exponent 1: loose 1 + 0.5 + 0.5 + 0.45 = 2.45 against left 1 + 0.5 + 0.9 = 2.4
        // exponent 3: loose 1 + 0.125 + 0.125 + 0.091 = 1.34 against left 1 + 0.125 + 0.729 = 1.85
        List<Box> boxes = List.of(LOOSE, LEFT, RIGHT, LEFT_AGAIN);
        assertEquals(List.of(0), OverlapSelection.select(boxes, 1, 0.7, 1));
        assertEquals(List.of(1), OverlapSelection.select(boxes, 1, 0.7, 3));
    }

    @Test
    void aBoxAboveTheNmsIouWithAChosenOneIsNeverChosen() {
        List<Box> boxes = List.of(LEFT, LEFT_AGAIN, APART);
        assertEquals(List.of(0, 2), OverlapSelection.select(boxes, 5, 0.7, 3));
        assertEquals(List.of(0, 2, 1), OverlapSelection.select(boxes, 5, 0.95, 3));
        assertEquals(List.of(), OverlapSelection.select(boxes, 0, 0.7, 3));
    }

    @Test
    void rejectsBadArguments() {
        List<Box> boxes = List.of(LEFT, APART);
        assertThrows(IllegalArgumentException.class, () -> OverlapSelection.select(boxes, 1, 0.7, 0));
        assertThrows(IllegalArgumentException.class, () -> OverlapSelection.select(boxes, 1, 0.7, -1));
    }
}
