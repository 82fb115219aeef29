package io.github.aed.detect.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.csv.CsvDetector;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.detect.person.CascadePersonDetector;
import io.github.aed.detect.person.HogPeopleDetector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorSpecTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheNamedDetectors() {
        try (ObjectDetector m = DetectorSpec.parse("motion"); ObjectDetector h = DetectorSpec.parse("hog:2.5");
                ObjectDetector c = DetectorSpec.parse("cascade:upperbody,2"); ObjectDetector csv = DetectorSpec.parse("csv:" + dir)) {
            assertInstanceOf(MotionDetector.class, m);
            assertInstanceOf(HogPeopleDetector.class, h);
            assertTrue(h.describe().contains("upscale=2.50"), h.describe());
            assertInstanceOf(CascadePersonDetector.class, c);
            assertTrue(c.describe().contains("upperbody") && c.describe().contains("upscale=2.00"), c.describe());
            assertInstanceOf(CsvDetector.class, csv);
        }
    }

    @Test
    void motionTakesItsHoldAndSpellsItBack() {
        try (ObjectDetector held = DetectorSpec.parse("motion"); ObjectDetector never = DetectorSpec.parse("motion,hold=0")) {
            assertEquals(200, ((MotionDetector) held).settings().holdFrames());
            assertEquals(0, ((MotionDetector) never).settings().holdFrames());
            assertEquals("motion", held.spec().orElseThrow());
            assertEquals("motion,hold=0", never.spec().orElseThrow());
        }
        try (ObjectDetector asFilmed = DetectorSpec.parse("motion,light=off,hold=50");
             ObjectDetector compensated = DetectorSpec.parse("motion,light=on")) {
            assertTrue(!((MotionDetector) asFilmed).settings().lightCompensation());
            assertTrue(((MotionDetector) compensated).settings().lightCompensation());
            assertEquals("motion,hold=50,light=off", asFilmed.spec().orElseThrow());
            assertEquals("motion", compensated.spec().orElseThrow());
        }
        assertEquals("motion,light=off", DetectorSpec.withoutLightCompensation("motion"));
        assertEquals("csv:tracks.csv", DetectorSpec.withoutLightCompensation("csv:tracks.csv"));
        for (String bad : new String[] {"motion,hold=1.5", "motion,history=3", "motion,hold", "motion,light=dim"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorSpec.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void rejectsUnknownOrMalformedSpecs() {
        for (String bad : new String[] {"yolo", "motion:3", "cascade:face", "darknet:only.cfg", "onnx:m.onnx,yolov9",
                "hog:big", "csv:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorSpec.parse(bad));
            assertTrue(e.getMessage().contains(bad.split(":")[0]), e.getMessage());
        }
    }
}
