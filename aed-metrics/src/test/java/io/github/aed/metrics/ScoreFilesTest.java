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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SCORES.csv and REGIONS.csv: values, order, and errors that name the line. */
class ScoreFilesTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("f.csv");
        Files.writeString(p, text);
        return p;
    }

    private String frameScoresError(String text) throws IOException {
        Path p = file(text);
        return assertThrows(InvalidInputException.class, () -> FrameScores.readCsv(p)).getMessage();
    }

    @Test
    void readsFramesInAnyOrder() throws IOException {
        FrameScores s = FrameScores.readCsv(file("\uFEFFvideo,frame,score\r\nb,1,0.5\r\nb,0,-2e-3\n\n a , 0 , 7 \n"));
        assertEquals(2, s.videos().size());
        assertArrayEquals(new double[] {-0.002, 0.5}, s.scores("b"), 0.0);
        assertArrayEquals(new double[] {7}, s.scores("a"), 0.0);
    }

    @Test
    void frameScoreErrorsNameTheLine() throws IOException {
        assertTrue(frameScoresError("video,frame,score\na,0,1\na,1,NaN\n").contains("line 3: score is not finite"));
        assertTrue(frameScoresError("video,frame,score\na,0,1\na,0,2\n").contains("line 3: video a frame 0 already has a score (line 2)"));
        assertTrue(frameScoresError("video,frame,score\na,x,1\n").contains("line 2: frame 'x' is not an integer"));
        assertTrue(frameScoresError("video,frame,score\na,0\n").contains("line 2: expected 3 comma-separated fields, got 2"));
        assertTrue(frameScoresError("video,frame,score\na,-1,0\n").contains("line 2: frame must be 0-based"));
        assertTrue(frameScoresError("video,frame,score\na,0,one\n").contains("line 2: score 'one' is not a number"));
        assertTrue(frameScoresError("vid,frame,score\n").contains("line 1: expected the columns video,frame,score, found "
                + "vid,frame,score (missing: video) (unexpected: vid)"));
        assertTrue(frameScoresError("video,frame,score\na,0,1\na,2,1\n").contains("video a has scores for frames up to 2 but none for frame 1"));
        assertTrue(frameScoresError("video,frame,score\n").contains("no scores after the header"));
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsExpectedAndFound() throws IOException {
        String scores = frameScoresError("video,score\na,0.5\n");
        assertTrue(scores.contains("f.csv line 1: expected the columns video,frame,score, found video,score (missing: frame)"), scores);
        Path p = file("video,frame,x_min,y_min,x_max,score\nv,0,0,0,4,1\n");
        String regions = assertThrows(InvalidInputException.class, () -> ScoredRegions.readCsv(p)).getMessage();
        assertTrue(regions.contains("expected the columns video,frame,x_min,y_min,x_max,y_max,score, found "
                + "video,frame,x_min,y_min,x_max,score (missing: y_max)"), regions);
        assertTrue(frameScoresError("frame,video,score\n").contains("(in another order)"));
    }

    @Test
    void readsRegionsWithInclusiveCornersInRowOrder() throws IOException {
        ScoredRegions r = ScoredRegions.readCsv(file("video,frame,x_min,y_min,x_max,y_max,score\n01_0014,154,4,142,119,249,0.9\nv,0,3,3,3,3,0.9\n"));
        assertEquals(2, r.size());
        assertEquals(new Box(4, 142, 120, 250), r.regions().get(0).box());
        assertEquals(1, r.regions().get(1).box().area());
        assertTrue(r.where(1).endsWith("f.csv line 3"), r.where(1));
    }

    @Test
    void regionErrorsNameTheLine() throws IOException {
        Path p = file("video,frame,x_min,y_min,x_max,y_max,score\nv,0,5,0,4,9,1\n");
        String m = assertThrows(InvalidInputException.class, () -> ScoredRegions.readCsv(p)).getMessage();
        assertTrue(m.contains("line 2: box corners out of order"), m);
        Path q = file("video,frame,x_min,y_min,x_max,y_max,score\nv,0,0,0,4,9,1\nv,0,0,0,4,9,Infinity\n");
        m = assertThrows(InvalidInputException.class, () -> ScoredRegions.readCsv(q)).getMessage();
        assertTrue(m.contains("line 3: score is not finite"), m);
    }

    @Test
    void inMemoryScoresAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> FrameScores.of(java.util.Map.of("a", new double[] {1, Double.NaN})));
        assertThrows(IllegalArgumentException.class, () -> FrameScores.of(java.util.Map.of("a", new double[0])));
    }
}
