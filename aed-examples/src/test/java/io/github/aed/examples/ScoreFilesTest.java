package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.nn.scoring.Normalisation;
import io.github.aed.nn.scoring.ObjectScores;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.VideoScorer;
import io.github.aed.nn.scoring.VideoScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreFilesTest {

    @TempDir
    Path dir;

    private static VideoScores scored(String scoreName) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("velocity", 2.5);
        m.put(scoreName, 0.25);
        ObjectScores o = new ObjectScores(Detection.of(3, new Box(1, 2, 11, 22), 7, "car", 0.5), m);
        ScoringSettings plain = ScoringSettings.builder().normalisation(Normalisation.NONE).meanFilterSize(0).build();
        return new VideoScorer(plain, null).score("Test001", 5, 40, 40, List.of(o));
    }

    @Test
    void theObjectsFileNamesEveryColumnOnceWithTheDetectorClassAsClassId() throws Exception {
        Path file = dir.resolve("objects.csv");
        ScoreFiles.writeObjects(file, List.of(scored("class")));
        List<String> lines = Files.readAllLines(file);
        assertEquals("video,frame,x_min,y_min,x_max,y_max,class_id,confidence,score,velocity,class", lines.get(0),
                "the class-evidence score keeps its name; the detector's class index is class_id");
        String[] row = lines.get(1).split(",");
        assertEquals(List.of("Test001", "3", "1", "2", "10", "21", "7"), List.of(row).subList(0, 7), "inclusive corners");
        assertEquals(0.25, Double.parseDouble(row[10]), 1e-9);
    }

    @Test
    void aScoreNamedLikeAFixedColumnIsRefused() {
        Path file = dir.resolve("objects.csv");
        var e = assertThrows(IllegalArgumentException.class, () -> ScoreFiles.writeObjects(file, List.of(scored("frame"))));
        assertTrue(e.getMessage().contains("'frame'") && e.getMessage().contains("objects.csv"), e.getMessage());
        assertFalse(Files.exists(file), "nothing written");
    }
}
