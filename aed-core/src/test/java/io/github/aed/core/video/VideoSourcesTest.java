package io.github.aed.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoSourcesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"clip.avi", "clip.mp4"})
    void videoFilesRoundTripFrameForFrame(String fileName) {
        Path file = dir.resolve(fileName);
        List<Frame> written = TestFrames.clip("clip", 12, 64, 48);
        try (VideoFileWriter w = VideoFileWriter.open(file, 10, 64, 48)) {
            written.forEach(w::write);
            assertEquals(12, w.framesWritten());
        }
        List<Frame> read = readAll(Video.file(file));
        assertEquals(written.size(), read.size(), "frame count of " + fileName);
        for (int i = 0; i < read.size(); i++) {
            Frame f = read.get(i);
            assertEquals(i, f.index());
            assertEquals("clip", f.source());
            assertEquals(64, f.width());
            assertEquals(48, f.height());
            // lossy codecs: each frame must match its own original far better than its neighbours
            double own = TestFrames.meanAbsDiff(f, written.get(i));
            assertTrue(own < 4.0, fileName + " frame " + i + " differs by " + own);
            if (i > 0) {
                assertTrue(own < TestFrames.meanAbsDiff(f, written.get(i - 1)), fileName + " frame " + i + " looks like its predecessor");
            }
        }
    }

    @Test
    void framesReadEarlierStayIndependentOfLaterDecoding() {
        Path file = dir.resolve("c.avi");
        List<Frame> written = TestFrames.clip("c", 6, 32, 32);
        try (VideoFileWriter w = VideoFileWriter.open(file, 10, 32, 32)) {
            written.forEach(w::write);
        }
        List<Frame> kept = readAll(Video.file(file));
        for (int i = 0; i < kept.size(); i++) {
            assertTrue(TestFrames.meanAbsDiff(kept.get(i), written.get(i)) < 4.0, "frame " + i + " was overwritten by a later decode");
        }
    }

    @Test
    void missingCorruptAndEmptyVideosAreNamedInTheError() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> Video.file(dir.resolve("nope.avi")).open());
        assertTrue(missing.getMessage().contains("nope.avi"), missing.getMessage());

        Path garbage = dir.resolve("garbage.mp4");
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        Files.write(garbage, noise);
        InvalidInputException corrupt = assertThrows(InvalidInputException.class, () -> Video.file(garbage).open());
        assertTrue(corrupt.getMessage().contains("garbage.mp4"), corrupt.getMessage());

        Path empty = dir.resolve("empty.avi");
        VideoFileWriter.open(empty, 10, 32, 32).close();
        InvalidInputException noFrames = assertThrows(InvalidInputException.class, () -> Video.file(empty).open());
        assertTrue(noFrames.getMessage().contains("empty.avi"), noFrames.getMessage());
    }

    @Test
    void imageFolderIsReadInNaturalNumericOrder() {
        Path clip = dir.resolve("Test001");
        writeImages(clip, List.of("10.png", "2.png", "1.png"), 40, 30);
        try (FrameSource s = Video.imageFolder(clip).open()) {
            assertEquals(3, s.frameCount().orElseThrow());
            assertEquals("Test001", s.name());
            int[] markers = new int[3];
            for (int i = 0; s.hasNext(); i++) {
                Frame f = s.next();
                assertEquals(i, f.index());
                markers[i] = f.pixel(0, 0, 0);
            }
            // writeImages stamps each file's number into pixel (0,0)
            assertEquals(List.of(1, 2, 10), List.of(markers[0], markers[1], markers[2]));
        }
    }

    @Test
    void imageFolderErrorsNameTheFolderOrFile() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a frame");
        InvalidInputException noImages = assertThrows(InvalidInputException.class, () -> Video.imageFolder(empty).open());
        assertTrue(noImages.getMessage().contains("empty"), noImages.getMessage());

        Path mixed = dir.resolve("mixed");
        writeImages(mixed, List.of("1.png"), 40, 30);
        writeImages(mixed, List.of("2.png"), 41, 30);
        InvalidInputException sizes = assertThrows(InvalidInputException.class, () -> readAll(Video.imageFolder(mixed)));
        assertTrue(sizes.getMessage().contains("2.png") && sizes.getMessage().contains("41x30"), sizes.getMessage());

        Path broken = dir.resolve("broken");
        writeImages(broken, List.of("1.png"), 40, 30);
        Files.write(broken.resolve("2.jpg"), new byte[] {1, 2, 3});
        InvalidInputException corrupt = assertThrows(InvalidInputException.class, () -> readAll(Video.imageFolder(broken)));
        assertTrue(corrupt.getMessage().contains("2.jpg"), corrupt.getMessage());
    }

    @Test
    void clipsInListsSubFoldersAndVideosInNaturalOrder() {
        writeImages(dir.resolve("Train10"), List.of("1.png"), 8, 8);
        writeImages(dir.resolve("Train2"), List.of("1.png"), 8, 8);
        writeImages(dir.resolve("Train2_gt"), List.of("1.png"), 8, 8);
        try (VideoFileWriter w = VideoFileWriter.open(dir.resolve("Train3.avi"), 10, 8, 8)) {
            w.write(TestFrames.scene("x", 0, 8, 8));
        }
        List<String> names = Video.clipsIn(dir).stream().map(Video::name).toList();
        assertEquals(List.of("Train2", "Train3", "Train10"), names);
    }

    @Test
    void anEmptyClipFolderIsAnErrorNamingItWhileAFolderOfOtherFilesIsNoClip() throws IOException {
        writeImages(dir.resolve("Train1"), List.of("1.png"), 8, 8);
        Files.createDirectories(dir.resolve("tracks"));
        Files.writeString(dir.resolve("tracks").resolve("Train1.txt"), "0,0,1,1,2,2\n");
        assertEquals(List.of("Train1"), Video.clipsIn(dir).stream().map(Video::name).toList());
        Files.createDirectories(dir.resolve("Train2"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Video.clipsIn(dir));
        assertTrue(e.getMessage().contains("Train2") && e.getMessage().contains("empty clip"), e.getMessage());
    }

    @Test
    void streamSourceChecksIndicesAndHoldsNothing() {
        List<Frame> frames = new ArrayList<>(TestFrames.clip("cam", 3, 8, 8));
        try (FrameSource s = FrameSource.of("cam", frames.iterator())) {
            assertFalse(s.frameCount().isPresent());
            s.next();
            s.next();
            s.next();
            assertFalse(s.hasNext());
        }
        FrameSource gap = FrameSource.of("cam", List.of(TestFrames.scene("cam", 1, 8, 8)).iterator());
        assertThrows(InvalidInputException.class, gap::next);
    }

    @Test
    void inMemoryVideosNeedConsecutiveIndices() {
        assertThrows(InvalidInputException.class, () -> Video.of("v", List.of(TestFrames.scene("v", 1, 8, 8))));
        assertEquals(4, readAll(Video.of("v", TestFrames.clip("v", 4, 8, 8))).size());
    }

    private static List<Frame> readAll(Video video) {
        List<Frame> out = new ArrayList<>();
        try (FrameSource s = video.open()) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    private static void writeImages(Path folder, List<String> names, int w, int h) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String n : names) {
            int number = Integer.parseInt(n.substring(0, n.indexOf('.')));
            byte[] px = new byte[w * h * 3];
            px[0] = (byte) number;
            try (Mat m = new Frame("img", 0, w, h, 3, px).toMat()) {
                opencv_imgcodecs.imwrite(folder.resolve(n).toString(), m);
            }
        }
    }
}
