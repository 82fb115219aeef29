package io.github.aed.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedDataset;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Video;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.metrics.FrameScores;
import io.github.aed.metrics.ScoredRegion;
import io.github.aed.metrics.ScoredRegions;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.VideoScores;
import io.github.aed.nn.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in Spark's local mode on small generated scenes, against what {@code ./aed score} does: load the model, score
 * each clip, write the frame scores and regions with aed-metrics' writers.
 */
class ScoringJobTest {

    private static final SceneGenerator SCENE = SceneGenerator.builder().size(160, 112).frames(40).walkers(3).seed(5).build();

    @TempDir
    static Path shared;
    private static Path model;
    private static Path clips;
    private static List<String> names;
    private static Path expectedScores;
    private static Path expectedRegions;

    /** Injected failures, counted in this JVM (local mode runs the tasks here). */
    private static final AtomicInteger INJECTED = new AtomicInteger();

    @BeforeAll
    static void trainAndScoreOnOneMachine() {
        List<GeneratedVideo> train = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            train.add(SCENE.toBuilder().frames(60).build().generate("Train00" + v, v));
        }
        List<GeneratedVideo> test = new ArrayList<>();
        test.add(SCENE.toBuilder().anomaly(AnomalyKind.FAST_MOVER, 5, 20).build().generate("Test001", 10));
        for (int v = 2; v <= 4; v++) {
            test.add(SCENE.generate("Test00" + v, 10 + v));
        }
        Path root = new GeneratedDataset(train, test).write(shared.resolve("scene"));
        clips = root.resolve("Test");
        model = shared.resolve("model.aed");
        try (AnomalyDetector trained = AnomalyDetector.builder().detector(MotionDetector.builder().build())
                .network(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).cubeSize(16).build())
                .training(TrainingSettings.builder().epochs(1).batchSize(16).seed(7).build())
                .build().fit(Video.clipsIn(root.resolve("Train")))) {
            trained.save(model);
        }
        // what ./aed score --model M --input Test --frame-scores S --regions R does (ScoreCommand, ScoreFiles)
        Map<String, double[]> scores = new LinkedHashMap<>();
        List<ScoredRegion> regions = new ArrayList<>();
        try (AnomalyDetector loaded = AnomalyDetector.load(model)) {
            for (Video v : Video.clipsIn(clips)) {
                VideoScores s = loaded.score(v);
                scores.put(s.video(), s.frameScores());
                for (ScoredObject o : s.objects()) {
                    regions.add(new ScoredRegion(s.video(), o.detection().frameIndex(), o.detection().box(), o.regionScore()));
                }
            }
        }
        names = List.copyOf(scores.keySet());
        expectedScores = shared.resolve("SCORES.csv");
        expectedRegions = shared.resolve("REGIONS.csv");
        FrameScores.of(scores).writeCsv(expectedScores);
        ScoredRegions.of(regions).writeCsv(expectedRegions);
        assertTrue(ScoredRegions.readCsv(expectedRegions).size() > 0, "the scenes must give scored regions to compare");
    }

    @Test
    void scoresEqualTheSingleMachineScoresByteForByte(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, SparkScore.execute(args(out, "--master", "local[2]", "--input", clips.toString())));
        assertEquals(Files.readString(expectedScores), Files.readString(out.resolve(OutputTables.SCORES)));
        assertEquals(Files.readString(expectedRegions), Files.readString(out.resolve(OutputTables.REGIONS)));
        FrameScores read = FrameScores.readCsv(out.resolve(OutputTables.SCORES));
        for (String v : names) {
            assertArrayEquals(FrameScores.readCsv(expectedScores).scores(v), read.scores(v), v);
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "the committer's marker");
        // one loaded detector per core, kept across videos and jobs: never one per video
        assertTrue(DetectorPool.of(ModelShipment.sha256(model)).made() <= 2, "detectors made: "
                + DetectorPool.of(ModelShipment.sha256(model)).made());
        List<String> status = Files.readAllLines(out.resolve(OutputTables.STATUS));
        assertEquals(OutputTables.STATUS_HEADER, status.get(0));
        assertEquals(names.size() + 1, status.size(), String.join("\n", status));
        for (int i = 0; i < names.size(); i++) {
            String[] f = status.get(i + 1).split(",");
            assertEquals(names.get(i), f[0]);
            assertEquals("ok", f[2], status.get(i + 1));
            assertEquals(40, Integer.parseInt(f[3]));
        }
    }

    @Test
    void aCorruptAndAMissingVideoFailTheirOwnRowsAndTheExitStatusCountsThem(@TempDir Path dir) throws IOException {
        Path corrupt = dir.resolve("Broken.avi");
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(corrupt, junk);
        Path list = dir.resolve("videos.txt");
        List<String> lines = new ArrayList<>();
        names.forEach(n -> lines.add(clips.resolve(n).toString()));
        lines.add(1, "Broken.avi");
        lines.add("# a comment, then a video that is not there");
        lines.add(dir.resolve("Gone").toString());
        Files.write(list, lines);
        Path out = dir.resolve("out");

        assertEquals(2, SparkScore.execute(args(out, "--master", "local[2]", "--list", list.toString())));

        assertEquals(Files.readString(expectedScores), Files.readString(out.resolve(OutputTables.SCORES)));
        List<String> status = Files.readAllLines(out.resolve(OutputTables.STATUS));
        assertEquals(names.size() + 3, status.size(), String.join("\n", status));
        String broken = status.get(2);
        assertTrue(broken.startsWith("Broken," + corrupt + ",failed,0,") && broken.contains("Broken.avi"), broken);
        String gone = status.get(status.size() - 1);
        assertTrue(gone.startsWith("Gone,") && gone.contains(",failed,0,") && gone.contains("no such video"), gone);
        assertEquals(names.size(), status.stream().filter(l -> l.contains(",ok,")).count(), String.join("\n", status));
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndLeavesNoDuplicateRow(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        int before = INJECTED.get();
        SparkConf conf = localConf("local[2,2]");
        JobSummary s;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            s = ScoringJob.builder().model(model).videos(names.stream().map(clips::resolve).toList()).output(out.toString())
                    .build().run(sc, ScoringJobTest::failingOnceOnTheSecondVideo);
        }
        assertEquals(before + 1, INJECTED.get(), "the second video's first attempt failed once");
        assertEquals(names.size(), s.videos());
        assertEquals(0, s.failed(), s.failures().toString());
        assertEquals(Files.readString(expectedScores), Files.readString(out.resolve(OutputTables.SCORES)));
        assertEquals(Files.readString(expectedRegions), Files.readString(out.resolve(OutputTables.REGIONS)));
        assertEquals(names.size() + 1, Files.readAllLines(out.resolve(OutputTables.STATUS)).size());
    }

    @Test
    void anExistingOutputDirectoryIsRefusedUnlessOverwriteIsGiven(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path earlier = Files.writeString(out.resolve("earlier-results.txt"), "keep me");
        String[] args = args(out, "--master", "local[1]", "--input", clips.resolve(names.get(0)).toString());

        assertEquals(SparkScore.JOB_FAILED, SparkScore.execute(args));
        assertEquals("keep me", Files.readString(earlier));
        assertTrue(Files.notExists(out.resolve(OutputTables.SCORES)));

        String[] overwrite = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--overwrite"))
                .toArray(String[]::new);
        assertEquals(0, SparkScore.execute(overwrite));
        assertTrue(Files.notExists(earlier), "replaced");
        assertEquals(names.get(0), FrameScores.readCsv(out.resolve(OutputTables.SCORES)).videos().iterator().next());
    }

    /** The real scoring, whose result the second video's first attempt then loses, as an executor lost after scoring. */
    private static Function<VideoTask, VideoResult> failingOnceOnTheSecondVideo(ModelShipment model) {
        VideoScoring real = new VideoScoring(model);
        return task -> {
            VideoResult r = real.call(task);
            if (task.index() == 1 && TaskContext.get().attemptNumber() == 0) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected: the executor is lost after scoring " + task.video());
            }
            return r;
        };
    }

    private static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("--model", model.toString(), "--out", out.toString(),
                "--conf", "spark.eventLog.enabled=false"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static SparkConf localConf(String master) {
        return new SparkConf().setMaster(master).setAppName("aed test").set("spark.ui.enabled", "false")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1");
    }
}
