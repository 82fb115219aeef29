package io.github.aed.core.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDatasetTest {

    @TempDir
    Path dir;

    @Test
    void rangesAreOneBasedInclusive() {
        assertEquals("2:3, 5:5", GeneratedDataset.ranges(new int[] {0, 1, 1, 0, 1}));
        assertEquals("", GeneratedDataset.ranges(new int[] {0, 0}));
        assertEquals("1:2", GeneratedDataset.ranges(new int[] {1, 1}));
    }

    @Test
    void writesTheUcsdLayoutLosslessly() throws IOException {
        SceneGenerator normal = SceneGenerator.builder().frames(20).walkers(2).build();
        GeneratedVideo train = normal.generate("Train001", 0);
        GeneratedVideo test = normal.toBuilder().anomaly(AnomalyKind.VEHICLE, 2, 15).build().generate("Test001", 1);
        Path root = new GeneratedDataset(List.of(train), List.of(test)).write(dir.resolve("gen"));

        List<Video> clips = Video.clipsIn(root.resolve("Train"));
        assertEquals(List.of("Train001"), clips.stream().map(Video::name).toList());
        try (FrameSource s = Video.imageFolder(root.resolve("Test/Test001")).open()) {
            Frame first = s.next();
            assertEquals(test.frames().get(0).width(), first.width());
            assertTrue(java.util.Arrays.equals(test.frames().get(0).pixels(), first.pixels()), "PNG frames must be lossless");
        }
        String m = Files.readString(root.resolve("Test/UCSDped2.m"));
        assertTrue(m.contains("TestVideoFile{end+1}.gt_frame = [" + GeneratedDataset.ranges(test.labels()) + "];"), m);
        assertEquals(20, Files.list(root.resolve("Test/Test001_gt")).count());
        List<String> lines = Files.readAllLines(root.resolve("Test/tracks/Test001.txt"));
        assertEquals(test.tracks().get(0).boxes().size(), lines.size());
        assertTrue(lines.get(0).startsWith("0," + test.tracks().get(0).firstFrame() + ","), lines.get(0));
    }
}
