package io.github.aed.detect.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.ObjectDetector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The built-in person detectors load from the OpenCV jar and run. Their accuracy on real people is measured with
 * {@code ./aed detect} (docs/detect.md), not here: no image of a person ships with the project.
 */
class PersonDetectorsTest {

    private static Frame noise(int w, int h) {
        byte[] px = new byte[w * h * 3];
        new Random(3).nextBytes(px);
        return new Frame("noise", 2, w, h, 3, px);
    }

    private static void runsAndKeepsBoxesInside(ObjectDetector d) {
        Frame f = noise(160, 120);
        List<Detection> ds = d.detect(f);
        for (Detection x : ds) {
            assertTrue(x.box().isInside(160, 120) && !x.box().isEmpty(), x.toString());
            assertEquals(0, x.classId());
            assertEquals("person", x.className());
            assertEquals(2, x.frameIndex());
        }
        d.close();
        d.close();
        assertThrows(IllegalStateException.class, () -> d.detect(f));
    }

    @Test
    void hogLoadsTheBuiltInSvmAndRunsWithUpscaling() {
        HogPeopleDetector hog = HogPeopleDetector.builder().upscale(1.5).groupThreshold(1).build();
        assertTrue(hog.describe().contains("upscale=1.50") && hog.describe().contains("groupThreshold=1.0"),
                hog.describe());
        runsAndKeepsBoxesInside(hog);
    }

    @Test
    void bothBodyCascadesLoadFromTheOpenCvJar() {
        for (BodyCascade c : BodyCascade.values()) {
            CascadePersonDetector d = CascadePersonDetector.builder(c).minNeighbours(1).build();
            assertTrue(d.describe().contains(c.fileName()), d.describe());
            runsAndKeepsBoxesInside(d);
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> HogPeopleDetector.builder().upscale(0));
        assertThrows(IllegalArgumentException.class, () -> HogPeopleDetector.builder().scaleStep(1));
        assertThrows(IllegalArgumentException.class, () -> CascadePersonDetector.builder(BodyCascade.FULL_BODY).minSize(-1));
    }
}
