package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyByteArray;

/** The readers on small generated layouts: formats, edge cases and error messages. */
class GroundTruthReadersTest {

    @TempDir
    Path root;

    private void labels(String video, byte... values) {
        Path dir = root.resolve("test_frame_mask");
        dir.toFile().mkdirs();
        Npy.write(dir.resolve(video + ".npy").toFile(), NpyByteArray.vectorOf(values));
    }

    @Test
    void shanghaiTechLabelsAndAedTracks() throws IOException {
        labels("01_0001", (byte) 0, (byte) 1, (byte) 1);
        labels("01_0002", (byte) 0, (byte) 0);
        Path tracks = Files.createDirectories(root.resolve("tracks_aed"));
        Files.writeString(tracks.resolve("01_0001.txt"), "0,1,4,5,10,12\n0,2,4,5,10,12\n1,2,0,0,0,0\n");
        Files.writeString(tracks.resolve("readme.txt"), "not a track file");
        GroundTruth gt = ShanghaiTechGroundTruth.read(root);
        assertEquals(List.of("01_0001", "01_0002"), gt.videos().stream().map(VideoLabels::video).toList());
        assertArrayEquals(new boolean[] {false, true, true}, gt.videos().get(0).labels());
        AnomalyTracks t = gt.tracks().orElseThrow();
        assertEquals(2, t.trackCount());
        assertEquals(3, t.regionCount());
        assertEquals(new Box(4, 5, 11, 13), t.regions().get(0).box());
    }

    @Test
    void trackFileErrorsNameFileAndLine() throws IOException {
        labels("01_0001", (byte) 0, (byte) 1);
        Path tracks = Files.createDirectories(root.resolve("tracks_aed"));
        Files.writeString(tracks.resolve("01_0001.txt"), "0,1,4,5,10,12\n0,2,4,5,10,12\n");
        String m = assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("01_0001.txt line 2: frame_idx 2 is beyond the 2 frames of 01_0001"), m);
        Files.delete(tracks.resolve("01_0001.txt"));
        m = assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("no track file 01_0001.txt for video 01_0001, which has 1 abnormal frames"), m);
    }

    @Test
    void labelsMustBeZeroOrOne() {
        labels("01_0001", (byte) 0, (byte) 2);
        String m = assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("entry 1 is 2.0; labels must be 0 or 1"), m);
    }

    @Test
    void tracksDerivedFromShanghaiTechPixelMasks() {
        labels("01_0001", (byte) 0, (byte) 1, (byte) 1);
        Path masks = root.resolve("test_pixel_mask");
        masks.toFile().mkdirs();
        int w = 8;
        int h = 4;
        byte[] data = new byte[3 * h * w];
        data[h * w + 1 * w + 2] = 1;            // frame 1, (x 2, y 1)
        data[2 * h * w + 1 * w + 3] = 1;        // frame 2, (x 3, y 1) and (x 2, y 1): one component, overlaps frame 1
        data[2 * h * w + 1 * w + 2] = 1;
        data[2 * h * w + 3 * w + 7] = 1;        // frame 2, (x 7, y 3): a second component
        Npy.write(masks.resolve("01_0001.npy").toFile(), new NpyByteArray(new int[] {3, h, w}, data, false));
        GroundTruth gt = ShanghaiTechGroundTruth.read(root);
        AnomalyTracks t = gt.tracks().orElseThrow();
        assertTrue(gt.trackSource().startsWith("derived from pixel masks"));
        assertEquals(3, t.regionCount());
        assertEquals(2, t.trackCount());
        assertEquals(new Box(2, 1, 3, 2), t.regions().get(0).box());
        assertEquals(new Box(2, 1, 4, 2), t.regions().get(1).box());
        assertEquals(0, t.regions().get(1).track());
        assertEquals(new Box(7, 3, 8, 4), t.regions().get(2).box());
    }

    @Test
    void withoutTracksSaysWhy() {
        labels("01_0001", (byte) 0, (byte) 1);
        GroundTruth gt = ShanghaiTechGroundTruth.read(root);
        assertTrue(gt.tracks().isEmpty());
        assertTrue(gt.trackSource().startsWith("none: neither tracks_aed/ nor test_pixel_mask/"), gt.trackSource());
    }

    @Test
    void ucsdEntriesWithSeveralRanges() throws IOException {
        Path m = root.resolve("UCSDped1.m");
        Files.writeString(m, "TestVideoFile = {};\nTestVideoFile{end+1}.gt_frame = [60:152];\n"
                + "TestVideoFile{end+1}.gt_frame = [5:90, 140:200];\n% comment\nTestVideoFile{end+1}.gt_frame = [7];\n");
        List<List<int[]>> e = UcsdGroundTruth.parseEntries(m);
        assertEquals(3, e.size());
        assertArrayEquals(new int[] {60, 152}, e.get(0).get(0));
        assertArrayEquals(new int[] {140, 200}, e.get(1).get(1));
        assertArrayEquals(new int[] {7, 7}, e.get(2).get(0));
    }

    @Test
    void aDamagedNpyFileIsNamedWithWhatIsWrong() throws IOException {
        labels("01_0001", (byte) 0, (byte) 1, (byte) 1, (byte) 0);
        Path npy = root.resolve("test_frame_mask/01_0001.npy");
        byte[] whole = Files.readAllBytes(npy);
        Files.write(npy, java.util.Arrays.copyOf(whole, whole.length - 2));
        String m = assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("01_0001.npy: the header declares shape [4]") && m.contains("4 bytes of data")
                && m.contains("holds 2 bytes after the header (truncated)"), m);
        Files.write(npy, java.util.Arrays.copyOf(whole, whole.length + 1));
        m = assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("01_0001.npy") && m.contains("(trailing bytes)"), m);
        Files.write(npy, java.util.Arrays.copyOf(whole, 6));
        m = assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("01_0001.npy: not a NumPy .npy file, or its header is damaged"), m);
    }

    @Test
    void ucsdMasksMustHaveTheFramesSizeAndRangesMustFitTheClip() throws IOException {
        Path test = Files.createDirectories(root.resolve("Test"));
        Files.writeString(test.resolve("UCSDped2.m"), "TestVideoFile{end+1}.gt_frame = [2:3];\n");
        for (int f = 1; f <= 3; f++) {
            png(test.resolve("Test001/" + f + ".png"), 8, 6);
            png(test.resolve("Test001_gt/" + f + ".png"), f == 3 ? 9 : 8, 6);
        }
        String m = assertThrows(InvalidInputException.class, () -> UcsdGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("Test001_gt/3.png: the mask is 9x6") && m.contains("Test001/1.png is 8x6"), m);
        png(test.resolve("Test001_gt/3.png"), 8, 6);
        assertEquals(2, UcsdGroundTruth.read(root).abnormalCount());
        Files.writeString(test.resolve("UCSDped2.m"), "TestVideoFile{end+1}.gt_frame = [2:4];\n");
        m = assertThrows(InvalidInputException.class, () -> UcsdGroundTruth.read(root)).getMessage();
        assertTrue(m.contains("UCSDped2.m entry 1 (Test001): range 2:4 does not fit the video's 3 frames"), m);
    }

    private static void png(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                "png", file.toFile());
    }

    @Test
    void formatsByCommandLineName() {
        assertEquals(GroundTruthFormat.SHANGHAITECH, GroundTruthFormat.of("ShanghaiTech"));
        assertThrows(IllegalArgumentException.class, () -> GroundTruthFormat.of("kitti"));
        String m = assertThrows(IllegalArgumentException.class, () -> GroundTruthFormat.UCSD.read(root, AvenueLabels.MNAD)).getMessage();
        assertTrue(m.contains("exists only for CUHK Avenue"), m);
    }

    @Test
    void missingLayoutsAreNamed() {
        assertTrue(assertThrows(InvalidInputException.class, () -> UcsdGroundTruth.read(root)).getMessage().contains("Test/"));
        assertTrue(assertThrows(InvalidInputException.class, () -> AvenueGroundTruth.read(root, AvenueLabels.OFFICIAL_MASKS))
                .getMessage().contains("testing_label_mask"));
        assertTrue(assertThrows(InvalidInputException.class, () -> ShanghaiTechGroundTruth.read(root)).getMessage()
                .contains("test_frame_mask"));
    }
}
