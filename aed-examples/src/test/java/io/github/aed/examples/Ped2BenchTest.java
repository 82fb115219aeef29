package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedDataset;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.nn.scoring.Normalisation;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.model.ModelFile;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.scoring.ObjectScores;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.VideoScorer;
import io.github.aed.nn.scoring.VideoScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aed bench ped2} end to end on a tiny generated dataset in the UCSD layout (tiny crops, one epoch, few
 * frames), and its errors on incomplete dataset folders.
 */
class Ped2BenchTest {

    private static final List<String> TASKS = List.of("arrow-of-time", "motion-irregularity", "middle-box", "distillation");

    @TempDir
    Path dir;

    /** Two normal training videos and two test videos with anomalies, 48 frames of 160x112, written in the UCSD layout. */
    private Path dataset(Path root) {
        SceneGenerator scene = SceneGenerator.builder().size(160, 112).frames(48).walkers(3).seed(5).build();
        List<GeneratedVideo> train = List.of(scene.generate("Train001", 0), scene.generate("Train002", 1));
        List<GeneratedVideo> test = List.of(
                scene.toBuilder().anomaly(AnomalyKind.FAST_MOVER, 12, 24).build().generate("Test001", 100),
                scene.toBuilder().anomaly(AnomalyKind.VEHICLE, 20, 20).build().generate("Test002", 101));
        return new GeneratedDataset(train, test).write(root);
    }

    @Test
    void runsTheWholeBenchmarkAndReproducesItFromTheSavedModel() throws IOException {
        Path data = dataset(dir.resolve("data"));
        Path out = dir.resolve("bench");
        String[] r = InProcessAed.run("bench", "ped2", "--root", data.toString(), "--out", out.toString(), "--attributes",
                "--cube-size", "16", "--epochs", "1", "--max-samples-per-video", "40", "--batch", "16", "--seed", "3");
        assertEquals("0", r[0], r[1] + r[2]);
        for (int step = 1; step <= 6; step++) {
            assertTrue(r[1].contains("== step " + step + "/6") && r[1].contains("step " + step + " wall time"), "step " + step);
        }
        assertTrue(r[1].contains("self-check passed"), r[1]);
        for (String file : List.of("model.aed", "default/scores.csv", "default/regions.csv", "default/objects.csv",
                "default/result.json", "paper/scores.csv", "paper/regions.csv", "paper/result.json", "ablation.csv", "roc.png",
                "timelines-default.png", "timelines-paper.png", "summary.md")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }

        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(r[1].contains(summary.strip()), "the summary is printed as written");
        assertTrue(summary.contains("| default: non-transductive") && summary.contains("| paper: `ssmtlPaper(PED2)`"), summary);
        assertTrue(summary.contains("| SSMTL paper (Georgescu et al., CVPR 2021) | 97.5 | 99.8 | 72.8 | 91.2 | n/a |"), summary);
        assertTrue(summary.contains("--cube-size 16 --epochs 1"), "the command line");
        assertTrue(summary.contains("training wall time | ") && summary.contains(" min |"), summary);
        for (String[] row : new String[][] {{"arrow-of-time", "81.8"}, {"motion-irregularity", "82.0"}, {"middle-box", "93.6"},
                {"distillation", "96.4"}, {"tasks", "97.5"}}) {
            assertTrue(summary.lines().anyMatch(l -> l.startsWith("| " + row[0] + " |") && l.endsWith("| " + row[1] + " |")),
                    "ablation row " + row[0] + ":\n" + summary);
        }
        for (String video : List.of("| Test001 | 48 |", "| Test002 | 48 |")) {
            assertTrue(summary.contains(video), summary);
        }

        List<String> ablation = Files.readAllLines(out.resolve("ablation.csv"));
        assertEquals("protocol,tasks,micro_auc,macro_auc,rbdc,tbdc,eer,paper_micro_auc", ablation.get(0));
        TrainedModel model = ModelFile.load(out.resolve("model.aed"));
        List<String> attributes = model.attributes().stream().map(AttributeDensity::name).toList();
        assertTrue(attributes.containsAll(List.of("velocity", "size")), "default attributes: " + attributes);
        Map<String, Set<String>> sets = Ped2Bench.scoreSets(TASKS, attributes);
        assertEquals(1 + 2 * (sets.size() + 2), ablation.size(), "the score sets, every task weighing 1, and the fusion weights");
        for (String protocol : Ped2Bench.PROTOCOLS) {
            for (String t : java.util.stream.Stream.concat(sets.keySet().stream(),
                    java.util.stream.Stream.of(Ped2Bench.EACH_TASK_ONE, Ped2Bench.FUSED)).toList()) {
                assertTrue(ablation.stream().anyMatch(l -> l.startsWith(protocol + "," + t + ",0.")), protocol + "," + t);
            }
        }

        String[] again = InProcessAed.run("bench", "ped2", "--root", data.toString(), "--out", dir.resolve("again").toString(),
                "--model", out.resolve("model.aed").toString());
        assertEquals("0", again[0], again[1] + again[2]);
        assertTrue(Files.readString(dir.resolve("again/summary.md")).contains("| training wall time | skipped (--model) |"));
        assertTrue(Files.notExists(dir.resolve("again/model.aed")), "--model trains nothing");
        for (String file : List.of("default/scores.csv", "default/regions.csv", "paper/scores.csv", "ablation.csv")) {
            assertEquals(Files.readString(out.resolve(file)), Files.readString(dir.resolve("again").resolve(file)), file);
        }
    }

    @Test
    void theSelfCheckRejectsScoresThatDiffer() {
        List<ObjectScores> objects = List.of(
                new ObjectScores(Detection.of(1, new Box(0, 0, 10, 10), 0, "person", 0.9), Map.of("a", 0.2, "b", 0.4)),
                new ObjectScores(Detection.of(3, new Box(20, 20, 40, 40), 0, "person", 0.9), Map.of("a", 0.9, "b", 0.1)));
        ScoringSettings plain = ScoringSettings.builder().normalisation(Normalisation.NONE).build();
        VideoScores once = new VideoScorer(plain, null).score("v", 5, 64, 48, objects);
        VideoScores again = new VideoScorer(plain, null).score("v", 5, 64, 48, objects);
        Ped2Bench.checkReproduces(List.of(once), List.of(again));
        VideoScores oneTask = new VideoScorer(plain.toBuilder().scoredTasks(Set.of("a")).build(), null).score("v", 5, 64, 48, objects);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Ped2Bench.checkReproduces(List.of(once), List.of(oneTask)));
        assertTrue(e.getMessage().contains("self-check failed: v"), e.getMessage());
    }

    @Test
    void aFolderWithoutTrainAndTestIsAnErrorNamingIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[] r = InProcessAed.run("bench", "ped2", "--root", empty.toString(), "--out", dir.resolve("out").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(empty.resolve("Train").toString()) && r[2].contains("Train/"), r[2]);
    }

    @Test
    void missingGroundTruthIsAnErrorNamingWhatIsExpected() throws IOException {
        Path data = dataset(dir.resolve("data"));
        Path masks = data.resolve("Test/Test001_gt");
        try (Stream<Path> files = Files.walk(masks)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        String[] noMasks = InProcessAed.run("bench", "ped2", "--root", data.toString(), "--out", dir.resolve("out").toString());
        assertEquals("1", noMasks[0]);
        assertTrue(noMasks[2].contains(data.resolve("Test").toString()) && noMasks[2].contains("TestNNN_gt")
                && noMasks[2].contains("Test001"), noMasks[2]);

        Files.delete(data.resolve("Test/UCSDped2.m"));
        String[] noLabels = InProcessAed.run("bench", "ped2", "--root", data.toString(), "--out", dir.resolve("out").toString());
        assertEquals("1", noLabels[0]);
        assertTrue(noLabels[2].contains(data.toString()) && noLabels[2].contains("UCSDped2.m"), noLabels[2]);
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written or trained before the input is checked");
    }
}
