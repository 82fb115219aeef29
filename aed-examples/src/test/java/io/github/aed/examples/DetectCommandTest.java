package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.scene.GeneratedDataset;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aed detect --workers N} on a folder of generated clips with the motion detector, whose output depends on
 * its priming and on the frames it saw before in the same clip: N workers write exactly the CSVs one worker writes,
 * and a clip that cannot be read fails the command with its file named and nothing written.
 */
class DetectCommandTest {

    private static final int CLIPS = 5;

    @TempDir
    Path dir;

    /** Five clips of 40 frames of 120x80 with three walkers each, and the same clips' scene for priming. */
    private Path clips() {
        SceneGenerator scene = SceneGenerator.builder().size(120, 80).frames(40).walkers(3).seed(7).build();
        List<GeneratedVideo> videos = new ArrayList<>();
        for (int i = 0; i < CLIPS; i++) {
            videos.add(scene.generate(String.format("Train%03d", i + 1), i));
        }
        return new GeneratedDataset(videos, List.of()).write(dir.resolve("data")).resolve("Train");
    }

    private static String[] detect(Path clips, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("detect", "--detector", "motion", "--input", clips.toString(), "--out",
                out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** File name → content of every CSV in a folder. */
    private static Map<String, String> csvs(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void workersWriteExactlyWhatOneWorkerWrites() throws IOException {
        Path clips = clips();
        String[] one = InProcessAed.run(detect(clips, dir.resolve("one"), "--prime", clips.toString(), "--workers", "1"));
        assertEquals("0", one[0], one[1] + one[2]);
        String[] three = InProcessAed.run(detect(clips, dir.resolve("three"), "--prime", clips.toString(), "--workers", "3"));
        assertEquals("0", three[0], three[1] + three[2]);

        Map<String, String> expected = csvs(dir.resolve("one"));
        assertEquals(CLIPS, expected.size(), expected.keySet().toString());
        assertTrue(expected.values().stream().allMatch(csv -> csv.lines().count() > 10), "every clip has detections");
        assertEquals(expected, csvs(dir.resolve("three")));
        assertTrue(three[1].contains("(3 workers)") && three[1].contains(CLIPS * 40 + " frames in ")
                && three[1].contains("with 3 worker(s)"), three[1]);
        assertTrue(one[1].contains("with 1 worker(s)") && !one[1].contains("workers)"), one[1]);

        // the copies must carry the priming: without it the motion detector finds other boxes
        String[] unprimed = InProcessAed.run(detect(clips, dir.resolve("unprimed"), "--workers", "1"));
        assertEquals("0", unprimed[0], unprimed[1] + unprimed[2]);
        assertNotEquals(expected, csvs(dir.resolve("unprimed")));
    }

    @Test
    void moreWorkersThanClipsRunOnePerClip() throws IOException {
        Path clips = clips();
        String[] r = InProcessAed.run(detect(clips, dir.resolve("out"), "--workers", "16"));
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("(" + CLIPS + " workers)"), r[1]);
        assertEquals(CLIPS, csvs(dir.resolve("out")).size());
    }

    @Test
    void anUnreadableFrameFailsTheCommandNamingItAndWritesNothing() throws IOException {
        Path clips = clips();
        Path broken = clips.resolve("Train004").resolve("017.png");
        Files.write(broken, new byte[] {1, 2, 3, 4});
        Path out = dir.resolve("out");
        String[] r = InProcessAed.run(detect(clips, out, "--workers", "2"));
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[2].contains(broken.toString()) && r[2].contains("cannot be read as an image"), r[2]);
        assertFalse(Files.exists(out), "no output folder after a failure");
    }
}
