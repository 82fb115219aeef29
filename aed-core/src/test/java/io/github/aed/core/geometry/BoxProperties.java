package io.github.aed.core.geometry;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class BoxProperties {

    /** Boxes of size 0..60 anywhere in [-50, 450) x [-50, 300), partly outside a 360x240 frame at times. */
    static Gen<Box> boxes() {
        return integers().between(-50, 400).zip(integers().between(-50, 250), integers().between(0, 60),
                integers().between(0, 60), Box::ofSize);
    }

    static Gen<Box> nonEmptyBoxes() {
        return integers().between(-50, 400).zip(integers().between(-50, 250), integers().between(1, 60),
                integers().between(1, 60), Box::ofSize);
    }

    @Test
    void iouIsSymmetricAndWithinZeroAndOne() {
        qt().forAll(boxes(), boxes()).check((a, b) -> {
            double ab = a.iou(b);
            return ab == b.iou(a) && ab >= 0 && ab <= 1;
        });
    }

    @Test
    void iouOfANonEmptyBoxWithItselfIsOne() {
        qt().forAll(nonEmptyBoxes()).check(a -> a.iou(a) == 1.0);
    }

    @Test
    void iouIsOneOnlyForEqualBoxes() {
        qt().forAll(nonEmptyBoxes(), nonEmptyBoxes()).check((a, b) -> (a.iou(b) == 1.0) == a.equals(b));
    }

    @Test
    void iouMatchesTheInclusivePixelFormula() {
        qt().forAll(nonEmptyBoxes(), nonEmptyBoxes()).check((a, b) -> {
            int ax1 = a.inclusiveXMax();
            int ay1 = a.inclusiveYMax();
            int bx1 = b.inclusiveXMax();
            int by1 = b.inclusiveYMax();
            int iw = Math.max(0, Math.min(ax1, bx1) - Math.max(a.xMin(), b.xMin()) + 1);
            int ih = Math.max(0, Math.min(ay1, by1) - Math.max(a.yMin(), b.yMin()) + 1);
            double inter = (double) iw * ih;
            double union = (ax1 - a.xMin() + 1.0) * (ay1 - a.yMin() + 1) + (bx1 - b.xMin() + 1.0) * (by1 - b.yMin() + 1) - inter;
            return Math.abs(a.iou(b) - inter / union) < 1e-12;
        });
    }

    @Test
    void clippingIsIdempotentAndStaysInsideTheFrame() {
        qt().forAll(boxes(), integers().between(1, 500), integers().between(1, 400)).check((b, w, h) -> {
            Box once = b.clipTo(w, h);
            return once.equals(once.clipTo(w, h)) && once.isInside(w, h) && (b.contains(once) || once.isEmpty());
        });
    }

    @Test
    void clippingKeepsBoxesAlreadyInside() {
        qt().forAll(boxes()).check(b -> !b.isInside(360, 240) || b.clipTo(360, 240).equals(b));
    }

    @Test
    void inclusiveCornersRoundTrip() {
        qt().forAll(nonEmptyBoxes()).check(b ->
                Box.fromInclusive(b.xMin(), b.yMin(), b.inclusiveXMax(), b.inclusiveYMax()).equals(b));
    }

    @Test
    void ofSizeRoundTrips() {
        qt().forAll(boxes()).check(b -> Box.ofSize(b.xMin(), b.yMin(), b.width(), b.height()).equals(b));
    }

    @Test
    void scalingCoversTheScaledPixels() {
        qt().forAll(nonEmptyBoxes(), integers().between(1, 40), integers().between(1, 40)).check((b, p, q) -> {
            double sx = p / 10.0;
            double sy = q / 10.0;
            Box s = b.scale(sx, sy);
            return s.xMin() <= b.xMin() * sx && s.xMax() >= b.xMax() * sx
                    && s.yMin() <= b.yMin() * sy && s.yMax() >= b.yMax() * sy
                    && s.width() <= Math.ceil(b.width() * sx) + 1 && s.height() <= Math.ceil(b.height() * sy) + 1;
        });
    }

    @Test
    void scalingByOneIsTheIdentity() {
        qt().forAll(boxes()).check(b -> b.scale(1, 1).equals(b));
    }

    @Test
    void paddingGrowsEverySideAndUnpaddingRestores() {
        qt().forAll(boxes(), integers().between(0, 30)).check((b, p) -> {
            Box grown = b.pad(p);
            return grown.width() == b.width() + 2 * p && grown.height() == b.height() + 2 * p
                    && grown.contains(b) && grown.pad(-p).equals(b);
        });
    }

    @Test
    void intersectionIsContainedInBoth() {
        qt().forAll(boxes(), boxes()).check((a, b) -> {
            Box i = a.intersection(b);
            return i.isEmpty() || a.contains(i) && b.contains(i);
        });
    }

    @Test
    void unionContainsBoth() {
        qt().forAll(boxes(), boxes()).check((a, b) -> a.union(b).contains(a) && a.union(b).contains(b));
    }
}
