package io.github.aed.detect.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesInclusiveCornersAndReadsThemBackAsHalfOpenBoxes() throws IOException {
        List<Detection> ds = List.of(
                Detection.unclassified(0, new Box(10, 20, 31, 61), 0.8125),
                Detection.of(0, new Box(0, 0, 1, 1), 2, "car", 1.0),
                Detection.of(7, new Box(5, 6, 7, 8), 0, "person", 0.123456789));
        Path file = dir.resolve("v.csv");
        DetectionCsv.write(file, ds);
        assertEquals(List.of(DetectionCsv.HEADER, "0,10,20,30,60,-1,object,0.8125", "0,0,0,0,0,2,car,1.0",
                "7,5,6,6,7,0,person,0.123457"), Files.readAllLines(file));
        List<Detection> back = DetectionCsv.read(file);
        assertEquals(3, back.size());
        assertEquals(ds.get(0), back.get(0));
        assertEquals(new Box(0, 0, 1, 1), back.get(1).box());
        assertEquals(2, back.get(1).classId());
        assertEquals("car", back.get(1).className());
        assertEquals(0.123457, back.get(2).confidence(), 1e-12);
    }

    @Test
    void readsTheEarlierFormatWithoutNames() throws IOException {
        Path file = dir.resolve("old.csv");
        Files.writeString(file, DetectionCsv.LEGACY_HEADER + "\n0,1,1,5,5,2,0.5\n0,1,1,5,5,-1,0.25\n");
        List<Detection> ds = DetectionCsv.read(file);
        assertEquals(List.of("class 2", "object"), ds.stream().map(Detection::className).toList());
    }

    @Test
    void classNamesWithCommasCannotBeWritten() {
        Detection d = Detection.of(0, new Box(0, 0, 2, 2), 3, "cart, shopping", 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectionCsv.format(d));
        assertTrue(e.getMessage().contains("cart, shopping"), e.getMessage());
    }

    @Test
    void readsUnorderedFramesSortedAndIgnoresBlankLines() throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "frame, x_min, y_min, x_max, y_max, class, score\n3,0,0,4,4,1,0.5\n\n1, 2, 2, 3, 3, -1, 0.25\n");
        List<Detection> ds = DetectionCsv.read(file);
        assertEquals(List.of(1, 3), ds.stream().map(Detection::frameIndex).toList());
        assertEquals(new Box(2, 2, 4, 4), ds.get(0).box());
    }

    @Test
    void namesTheLineOfABadRecord() throws IOException {
        assertBad("frame,x_min,y_min,x_max,y_max,class,score\n0,1,1,5,5,0,0.5\n0,1,1,5,5,0,1.5\n", "line 3", "score");
        assertBad("frame,x_min,y_min,x_max,y_max,class,score\n0,1,1,5\n", "line 2", "7 fields");
        assertBad("frame,x_min,y_min,x_max,y_max,class,score\n0,6,1,5,5,0,0.5\n", "line 2", "x_max >= x_min");
        assertBad("frame,x_min,y_min,x_max,y_max,class,score\nzero,1,1,5,5,0,0.5\n", "line 2", "frame must be an integer");
        assertBad("frame,x_min,y_min,x_max,y_max,class,score\n0,1,1,5,5,-2,0.5\n", "line 2", "class");
        assertBad("frame,x,y,w,h,class,score\n", "line 1", "header");
        assertBad(DetectionCsv.HEADER + "\n0,1,1,5,5,0,0.5\n", "line 2", "8 fields");
        assertBad(DetectionCsv.HEADER + "\n0,1,1,5,5,0, ,0.5\n", "line 2", "class name is empty");
        assertThrows(InvalidInputException.class, () -> DetectionCsv.read(dir.resolve("missing.csv")));
    }

    private void assertBad(String content, String... fragments) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DetectionCsv.read(file));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage() + " lacks " + f);
        }
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void csvDetectorServesEachFrameItsLinesAndReadsPerVideoFilesFromAFolder() throws IOException {
        DetectionCsv.write(dir.resolve("A.csv"), List.of(Detection.unclassified(1, new Box(0, 0, 4, 4), 0.5)));
        DetectionCsv.write(dir.resolve("B.csv"), List.of(Detection.unclassified(0, new Box(2, 2, 6, 6), 0.7)));
        try (CsvDetector folder = CsvDetector.at(dir); CsvDetector file = CsvDetector.at(dir.resolve("A.csv"))) {
            assertEquals(List.of(), folder.detect(frame("A", 0, 10)));
            assertEquals(new Box(0, 0, 4, 4), folder.detect(frame("A", 1, 10)).get(0).box());
            assertEquals(new Box(2, 2, 6, 6), folder.detect(frame("B", 0, 10)).get(0).box());
            assertEquals(1, file.detect(frame("whatever", 1, 10)).size());
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> folder.detect(frame("B", 0, 5)));
            assertTrue(e.getMessage().contains("outside the 5x5 frame"), e.getMessage());
            assertThrows(InvalidInputException.class, () -> folder.detect(frame("C", 0, 10)));
            assertTrue(folder.describe().contains(dir.toString()));
        }
    }

    private static Frame frame(String video, int index, int size) {
        return new Frame(video, index, size, size, 1, new byte[size * size]);
    }
}
