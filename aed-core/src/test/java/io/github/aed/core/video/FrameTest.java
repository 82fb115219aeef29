package io.github.aed.core.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.geometry.Box;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void pixelLayoutIsRowMajorInterleavedBgr() {
        byte[] px = new byte[2 * 3 * 3];
        px[(1 * 3 + 2) * 3 + 1] = 77; // x=2, y=1, channel G
        Frame f = new Frame("v", 0, 3, 2, 3, px);
        assertEquals(77, f.pixel(2, 1, 1));
        assertEquals(0, f.pixel(2, 1, 0));
    }

    @Test
    void matRoundTripIsExact() {
        Frame f = TestFrames.scene("v", 4, 37, 23);
        try (Mat m = f.toMat()) {
            Frame back = Frame.fromMat(m, "v", 4);
            assertArrayEquals(f.pixels(), back.pixels());
        }
    }

    @Test
    void fromMatCopiesSoLaterChangesToTheMatDoNotShow() {
        Frame f = TestFrames.scene("v", 0, 16, 8);
        try (Mat m = f.toMat()) {
            Frame copy = Frame.fromMat(m, "v", 0);
            m.data().put(new byte[16 * 8 * 3]);
            assertArrayEquals(f.pixels(), copy.pixels());
        }
    }

    @Test
    void constructorAndAccessorCopyThePixels() {
        byte[] px = new byte[4 * 4];
        Frame f = new Frame("v", 0, 4, 4, 1, px);
        px[0] = 9;
        assertEquals(0, f.pixel(0, 0, 0));
        assertNotSame(f.pixels(), f.pixels());
    }

    @Test
    void greyAndColourConversions() {
        Frame colour = TestFrames.scene("v", 0, 20, 10);
        Frame grey = colour.toGrey();
        assertEquals(1, grey.channels());
        Frame back = grey.toBgr();
        assertEquals(3, back.channels());
        assertEquals(grey.pixel(5, 5, 0), back.pixel(5, 5, 2));
    }

    @Test
    void copyRegionCopiesExactlyTheBox() {
        Frame f = TestFrames.scene("v", 2, 30, 20);
        Box b = new Box(3, 4, 9, 7);
        byte[] dst = new byte[b.width() * b.height() * 3];
        f.copyRegion(b, dst);
        assertEquals(f.pixel(3, 4, 0), dst[0] & 0xFF);
        assertEquals(f.pixel(8, 6, 2), dst[dst.length - 1] & 0xFF);
        assertThrows(IllegalArgumentException.class, () -> f.copyRegion(new Box(25, 0, 31, 5), dst));
    }

    @Test
    void badShapesAreRejectedWithTheFrameNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Frame("clip7", 3, 4, 4, 3, new byte[10]));
        assertTrue(e.getMessage().contains("clip7 frame 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Frame("v", 0, 4, 4, 2, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new Frame("v", -1, 4, 4, 1, new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> Frame.fromMat(new Mat(), "v", 0));
    }
}
