package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyByteArray;

/** The {@code ./aed evaluate} contract on a small generated ShanghaiTech-layout ground truth. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    private Path gt() throws IOException {
        Path labels = Files.createDirectories(dir.resolve("gt/test_frame_mask"));
        Npy.write(labels.resolve("01_0001.npy").toFile(), NpyByteArray.vectorOf(new byte[] {0, 0, 1, 1}));
        Npy.write(labels.resolve("01_0002.npy").toFile(), NpyByteArray.vectorOf(new byte[] {1, 1}));
        Path tracks = Files.createDirectories(dir.resolve("gt/tracks_aed"));
        Files.writeString(tracks.resolve("01_0001.txt"), "0,2,0,0,9,9\n0,3,0,0,9,9\n");
        Files.writeString(tracks.resolve("01_0002.txt"), "0,0,5,5,20,20\n0,1,5,5,20,20\n");
        return dir.resolve("gt");
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writesJsonAndATable() throws IOException {
        Path scores = file("scores.csv", "video,frame,score\n01_0001,0,.5\n01_0001,1,.6\n01_0001,2,.4\n01_0001,3,.7\n01_0002,0,.9\n01_0002,1,.8\n");
        Path regions = file("regions.csv", "video,frame,x_min,y_min,x_max,y_max,score\n01_0001,2,0,0,9,9,0.9\n01_0002,0,100,100,120,120,0.5\n");
        Path json = dir.resolve("result.json");
        String[] r = InProcessAed.run("evaluate", "--gt-format", "shanghaitech", "--gt", gt().toString(), "--frame-scores", scores.toString(),
                "--regions", regions.toString(), "--json", json.toString(), "--single-class-videos", "ssmtl-pad");
        assertEquals("0", r[0], r[2]);
        String j = Files.readString(json);
        assertTrue(j.contains("\"micro_auc\": "), j);
        assertTrue(j.contains("\"macro_auc\": 0.5,"), j);
        assertTrue(j.contains("\"macro_auc_ssmtl_padded\": 0.8888888888888888,"), j);
        assertTrue(j.contains("\"frames\": 6,"), j);
        assertTrue(j.contains("\"videos\": 2,"), j);
        assertTrue(j.contains("\"rbdc\": "), j);
        assertTrue(j.contains("\"tbdc\": 0.5"), j);
        assertTrue(j.contains("\"fpr_denominator_frames\": 6,"), j);
        assertTrue(r[1].contains("macro AUC   0.5000   mean over 1 videos; skipped 1 one-class videos: 01_0002"), r[1]);
        assertTrue(r[1].contains("INFLATES"), r[1]);
    }

    @Test
    void withoutRegionsRbdcIsNull() throws IOException {
        Path scores = file("scores.csv", "video,frame,score\n01_0001,0,.5\n01_0001,1,.6\n01_0001,2,.4\n01_0001,3,.7\n01_0002,0,.9\n01_0002,1,.8\n");
        Path json = dir.resolve("r.json");
        String[] r = InProcessAed.run("evaluate", "--gt-format", "shanghaitech", "--gt", gt().toString(), "--frame-scores", scores.toString(),
                "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.readString(json).contains("\"rbdc\": null,"));
    }

    @Test
    void mismatchesFailWithTheirLine() throws IOException {
        Path scores = file("scores.csv", "video,frame,score\n01_0001,0,.5\n01_0001,1,.6\n01_0001,2,.4\n01_0001,3,.7\n01_0002,0,.9\n01_0002,1,.8\n1_0002,0,.8\n");
        String[] r = InProcessAed.run("evaluate", "--gt-format", "shanghaitech", "--gt", gt().toString(), "--frame-scores", scores.toString(),
                "--json", dir.resolve("x.json").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("1 scored videos are not test videos of ShanghaiTech Campus: 1_0002"), r[2]);
        Path bad = file("bad.csv", "video,frame,score\n01_0001,0,.5\n01_0001,1,inf\n");
        r = InProcessAed.run("evaluate", "--gt-format", "shanghaitech", "--gt", gt().toString(), "--frame-scores", bad.toString(),
                "--json", dir.resolve("x.json").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("bad.csv line 3: score 'inf' is not a number"), r[2]);
        assertTrue(Files.notExists(dir.resolve("x.json")));
    }

    @Test
    void usageErrors() throws IOException {
        String[] r = InProcessAed.run("evaluate", "--gt-format", "kitti", "--gt", gt().toString(), "--frame-scores", "s.csv", "--json", "o.json");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown ground-truth format 'kitti'"), r[2]);
        r = InProcessAed.run("evaluate", "--gt-format", "ucsd", "--gt", gt().toString(), "--frame-scores", "s.csv", "--json", "o.json", "--labels", "mnad");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--labels mnad exists only for --gt-format avenue"), r[2]);
        r = InProcessAed.run("evaluate", "--gt-format", "ucsd", "--gt", gt().toString(), "--frame-scores", "s.csv");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Missing required option: '--json"), r[2]);
    }
}
