package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.aed.core.video.Frame;
import io.github.aed.core.video.VideoFileWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyByteArray;

/**
 * Each class of damaged input or unusable output option, through the {@code ./aed} entry point in a temporary folder: the command exits
 * non-zero, its message names the file and the problem, and the output folder, which holds files of an earlier run, is
 * byte for byte what it was (every file hashed before and after). Tiny generated videos and the motion detector keep
 * each run well under a second.
 */
class DamagedInputsTest {

    private static final int FRAMES = 12;

    @TempDir
    Path dir;
    private Path in;
    private Path out;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("Test001.csv"), "an earlier run's result\n");
        Files.writeString(out.resolve("notes.txt"), "kept\n");
    }

    /** Frame {@code i} of a gradient with a bright square moving right, so that the motion detector finds it. */
    private static Frame frame(int i, int width, int height) {
        byte[] px = new byte[width * height * 3];
        int side = Math.max(3, height / 5);
        int sx = (i * 2) % Math.max(1, width - side);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean square = x >= sx && x < sx + side && y >= height / 3 && y < height / 3 + side;
                int o = (y * width + x) * 3;
                px[o] = (byte) (square ? 230 : 40 + x * 60 / width);
                px[o + 1] = (byte) (square ? 230 : 40 + y * 60 / height);
                px[o + 2] = (byte) (square ? 230 : 60);
            }
        }
        return new Frame("clip", i, width, height, 3, px);
    }

    private static Path avi(Path file, int frames, int width, int height) {
        try (VideoFileWriter w = VideoFileWriter.open(file, 10, width, height)) {
            for (int i = 0; i < frames; i++) {
                w.write(frame(i, width, height));
            }
        }
        return file;
    }

    private static Path frameFolder(Path folder, String ext, int frames, int width, int height) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < frames; i++) {
            image(folder.resolve((i + 1) + "." + ext), ext, frame(i, width, height));
        }
        return folder;
    }

    private static void image(Path file, String ext, Frame f) throws IOException {
        BufferedImage image = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_3BYTE_BGR);
        image.getRaster().setDataElements(0, 0, f.width(), f.height(), f.pixels());
        ImageIO.write(image, ext.equals("jpg") ? "jpeg" : ext, file.toFile());
    }

    /** Every file and folder below {@code root}: its relative path, and its SHA-256 (or "folder"). */
    private static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "folder"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Runs the command; asserts exit code 1, each expected text in stderr, and the output folder unchanged. */
    private String fails(String[] args, String... expected) {
        Map<String, String> before = snapshot(out);
        String[] r = InProcessAed.run(args);
        assertEquals("1", r[0], String.join(" ", args) + "\n" + r[1] + r[2]);
        for (String e : expected) {
            assertTrue(r[2].contains(e), "expected '" + e + "' in:\n" + r[2]);
        }
        assertEquals(before, snapshot(out), "the output folder changed");
        return r[2];
    }

    private String[] detect(String input, String... more) {
        String[] base = {"detect", "--detector", "motion", "--input", in.resolve(input).toString()};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aTruncatedAviIsAnErrorUnlessTruncationIsAllowed() throws IOException {
        byte[] whole = Files.readAllBytes(avi(in.resolve("Test001.avi"), FRAMES, 32, 24));
        Files.write(in.resolve("Test001.avi"), Arrays.copyOf(whole, whole.length * 2 / 3));
        String err = fails(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString()), "Test001.avi: decoded ",
                " of " + FRAMES + " frames (truncated or corrupt at frame ");

        String[] kept = InProcessAed.run(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString(), "--allow-truncated"));
        assertEquals("0", kept[0], kept[2]);
        assertTrue(kept[2].contains("WARN") && kept[2].contains("frames lost"), kept[2]);
        int decoded = Integer.parseInt(err.replaceAll("(?s).*decoded (\\d+) of.*", "$1"));
        assertTrue(kept[1].contains("Test001: " + decoded + " frames"), kept[1]);
        assertNotEquals("an earlier run's result\n", Files.readString(out.resolve("Test001.csv")));
    }

    @Test
    void anIndexMisreadIntoAnExtraFrameIsAnErrorUnlessDamageIsAllowed() throws IOException {
        // one bit of the index at the end of the file flipped: OpenCV then decodes one frame more than the header declares
        byte[] damaged = Files.readAllBytes(avi(in.resolve("Test001.avi"), FRAMES, 32, 24));
        damaged[damaged.length - 196] ^= 1;
        Files.write(in.resolve("Test001.avi"), damaged);
        fails(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString()),
                "Test001.avi: the header declares " + FRAMES + " frames but the decoder finds more");

        String[] kept = InProcessAed.run(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString(), "--allow-truncated"));
        assertEquals("0", kept[0], kept[2]);
        assertTrue(kept[2].contains("WARN") && kept[2].contains("keeping the first " + FRAMES + " frames"), kept[2]);
        assertTrue(kept[1].contains("Test001: " + FRAMES + " frames"), kept[1]);
    }

    @Test
    void anAviWithADamagedHeaderWarnsThatLaterFramesAreLost() throws IOException {
        byte[] damaged = Files.readAllBytes(avi(in.resolve("Test001.avi"), FRAMES, 32, 24));
        damaged[0] ^= 1;
        Files.write(in.resolve("Test001.avi"), damaged);
        fails(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString()),
                "Test001.avi: damaged AVI header: does not start with RIFF");

        String[] kept = InProcessAed.run(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString(), "--allow-truncated"));
        assertEquals("0", kept[0], kept[2]);
        assertTrue(kept[2].contains("with the header damaged there is no frame count to check them against, so any frames "
                + "after them are lost"), kept[2]);
    }

    @Test
    void aFrameOfAnotherSizePartWayFailsBeforeAnEarlierClipsOutputIsReplaced() throws IOException {
        frameFolder(in.resolve("clips/Test001"), "png", FRAMES, 32, 24);
        frameFolder(in.resolve("clips/Test002"), "png", FRAMES, 32, 24);
        image(in.resolve("clips/Test002/7.png"), "png", frame(6, 40, 24));
        fails(detect("clips", "--out", out.toString(), "--annotated", out.resolve("annotated").toString()),
                "Test002/7.png", "40x24", "32x24");
    }

    @Test
    void aCorruptJpegFailsNamingTheFileAndLeavesNoPartialCsv() throws IOException {
        frameFolder(in.resolve("Test001"), "jpg", FRAMES, 32, 24);
        Path jpg = in.resolve("Test001/5.jpg");
        byte[] bytes = Files.readAllBytes(jpg);
        Files.write(jpg, Arrays.copyOf(bytes, 40));
        fails(detect("Test001", "--out", out.resolve("out.csv").toString()), "5.jpg", "cannot be read as an image");
    }

    @Test
    void primingClipsOfAnotherFrameSizeAreRejectedBeforeDetection() throws IOException {
        avi(in.resolve("Test001.avi"), FRAMES, 32, 24);
        Files.createDirectories(in.resolve("train"));
        avi(in.resolve("train/Train001.avi"), FRAMES, 48, 32);
        fails(detect("Test001.avi", "--prime", in.resolve("train").toString(), "--out", out.resolve("Test001.csv").toString()),
                "--prime", "Train001.avi", "48x32", "Test001.avi", "32x24", "priming clips must have the input's frame size");
    }

    @Test
    void aFolderOfClipsWithAnEmptyClipFailsNamingIt() throws IOException {
        frameFolder(in.resolve("clips/Test001"), "png", FRAMES, 32, 24);
        Files.createDirectories(in.resolve("clips/Test002"));
        fails(detect("clips", "--out", out.toString()), "Test002", "empty clip");
        Files.write(in.resolve("clips/Test003.avi"), new byte[0]);
        Files.delete(in.resolve("clips/Test002"));
        fails(detect("clips", "--out", out.toString()), "Test003.avi");
    }

    private Path shanghaiTechTruth() throws IOException {
        Path labels = Files.createDirectories(in.resolve("gt/test_frame_mask"));
        Npy.write(labels.resolve("01_0001.npy").toFile(), NpyByteArray.vectorOf(new byte[] {0, 0, 1, 1}));
        return in.resolve("gt");
    }

    private String[] evaluate(Path truth, Path scores) {
        return new String[] {"evaluate", "--gt-format", "shanghaitech", "--gt", truth.toString(), "--frame-scores", scores.toString(),
                "--json", out.resolve("result.json").toString()};
    }

    @Test
    void aScoresCsvWithoutAColumnNamesTheColumnsExpectedAndFound() throws IOException {
        Files.writeString(out.resolve("result.json"), "{\"an earlier\": \"result\"}\n");
        Path scores = Files.writeString(in.resolve("SCORES.csv"), "video,frame\n01_0001,0\n01_0001,1\n");
        fails(evaluate(shanghaiTechTruth(), scores), "SCORES.csv line 1: expected the columns video,frame,score, found video,frame",
                "(missing: score)");
    }

    @Test
    void aCorruptNpyGroundTruthFileIsAnError() throws IOException {
        Path truth = shanghaiTechTruth();
        Path npy = truth.resolve("test_frame_mask/01_0001.npy");
        byte[] bytes = Files.readAllBytes(npy);
        Files.write(npy, Arrays.copyOf(bytes, bytes.length - 2));
        Path scores = Files.writeString(in.resolve("SCORES.csv"), "video,frame,score\n01_0001,0,.1\n01_0001,1,.2\n01_0001,2,.3\n"
                + "01_0001,3,.4\n");
        fails(evaluate(truth, scores), "01_0001.npy", "truncated");
    }

    @Test
    void annotatedIsAlwaysAFolderAndIsCheckedBeforeAnyWork() throws IOException {
        avi(in.resolve("Test001.avi"), FRAMES, 32, 24);
        Path model = Files.writeString(in.resolve("model.aed"), "not read: the outputs are checked first");
        String[] score = {"score", "--model", model.toString(), "--input", in.resolve("Test001.avi").toString(), "--frame-scores",
                out.resolve("SCORES.csv").toString(), "--annotated", out.resolve("Test001.avi").toString()};
        fails(score, "--annotated", "Test001.avi", "names a folder", "looks like a video file name");
        score[score.length - 1] = out.resolve("notes.txt").toString();
        fails(score, "--annotated", "notes.txt", "is a file, but a folder is expected");
        fails(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString(), "--annotated", out.resolve("new/deeper").toString()),
                "--annotated", "deeper", "does not exist");
    }

    @Test
    void outputsThatCannotBeHonouredAreErrorsBeforeAnyWork() throws IOException {
        Files.createDirectories(in.resolve("clips"));
        avi(in.resolve("clips/Test001.avi"), FRAMES, 32, 24);
        frameFolder(in.resolve("clips/Test001"), "png", FRAMES, 32, 24);
        fails(detect("clips", "--out", out.toString()), "--out", "Test001.csv", "two outputs would be written to this file");
        fails(detect("clips/Test001.avi", "--out", out.toString()), "--out", "is a folder");
        fails(detect("clips/Test001.avi", "--out", out.resolve("missing/Test001.csv").toString()), "--out", "does not exist");
        fails(detect("clips/Test001.avi", "--out", in.resolve("clips/Test001.avi").toString()), "--out", "is also an input");
    }

    @Test
    void aGoodRunWritesItsOutputsAndNothingElse() throws IOException {
        frameFolder(in.resolve("clips/Test001"), "png", FRAMES, 32, 24);
        avi(in.resolve("clips/Test002.avi"), FRAMES, 32, 24);
        String[] r = InProcessAed.run(detect("clips", "--out", out.toString(), "--annotated", out.resolve("annotated").toString()));
        assertEquals("0", r[0], r[2]);
        assertEquals(List.of("", "Test001.csv", "Test002.csv", "annotated", "annotated/Test001.avi", "annotated/Test002.avi",
                "notes.txt"), List.copyOf(snapshot(out).keySet()));
        assertTrue(Files.readString(out.resolve("Test001.csv")).startsWith("frame,x_min,y_min,x_max,y_max,class_id,class,score\n"));
    }

    /**
     * Random damage (a truncation, or a run of flipped bytes) to a small AVI never lets {@code ./aed detect} exit 0
     * with fewer frames than the original; with {@code --allow-truncated} it may, and then warns.
     */
    @Test
    void randomDamageNeverGivesASuccessfulRunWithFewerFrames() throws IOException {
        Path video = in.resolve("Test001.avi");
        byte[] whole = Files.readAllBytes(avi(video, FRAMES, 32, 24));
        qt().withExamples(12).forAll(integers().between(0, whole.length - 1), integers().between(0, 255)).check((at, mask) -> {
            byte[] damaged = mask == 0 ? Arrays.copyOf(whole, at) : whole.clone();
            for (int i = at; mask != 0 && i < Math.min(whole.length, at + 4); i++) {
                damaged[i] ^= (byte) mask.intValue();
            }
            try {
                Files.write(video, damaged);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String[] strict = InProcessAed.run(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString()));
            String[] lenient = InProcessAed.run(detect("Test001.avi", "--out", out.resolve("Test001.csv").toString(),
                    "--allow-truncated"));
            boolean strictOk = !strict[0].equals("0") && strict[2].contains("Test001.avi") || strict[1].contains("Test001: " + FRAMES + " frames");
            boolean lenientOk = !lenient[0].equals("0") || lenient[1].contains("Test001: " + FRAMES + " frames")
                    || lenient[2].contains("lost");
            return strictOk && lenientOk;
        });
    }
}
