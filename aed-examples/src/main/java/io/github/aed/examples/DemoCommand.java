package io.github.aed.examples;

import io.github.aed.examples.cli.ProgressBar;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedDataset;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import io.github.aed.core.video.VideoFileWriter;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.examples.render.AnnotatedFrames;
import io.github.aed.examples.render.ScorePlot;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.scoring.VideoScores;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./aed demo}: the whole method on generated scenes, offline, in a few minutes: generate normal training videos
 * and test videos with labelled anomalies, train, score, evaluate with {@code ./aed evaluate}'s code, and write an
 * annotated video and a score plot.
 */
@Command(name = "demo", header = "the whole method offline on generated scenes: generate, train, score, evaluate, draw (a few minutes)",
        description = {"Generates a fixed-camera walkway scene (240x160): --train-videos normal videos and --test-videos test "
                + "videos, each with anomalies of the kinds fast mover, vehicle, erratic walker, loiterer. Trains the default "
                + "detector (motion detector, shallow+narrow network) on the normal videos, scores the test videos with the "
                + "default, non-transductive scoring settings, evaluates them exactly as './aed evaluate' does (micro/macro "
                + "AUC, RBDC, TBDC with the generated tracks), and writes into --out:",
                "  data/               the generated dataset in the UCSD Ped2 layout (frames, masks, UCSDped2.m, tracks/)",
                "  model.aed           the trained detector",
                "  scores.csv, regions.csv, result.json   the scores and the evaluation",
                "  scores.png          frame scores of every test video against the ground truth",
                "  annotated/*.avi     test videos with boxes coloured by anomaly score and the score curve below",
                "All but data/ appear at the end of a run that succeeded; data/ is written as it is generated."})
final class DemoCommand implements Callable<Integer> {

    private static final AnomalyKind[][] TEST_ANOMALIES = {
            {AnomalyKind.FAST_MOVER}, {AnomalyKind.VEHICLE}, {AnomalyKind.ERRATIC}, {AnomalyKind.LOITERER},
            {AnomalyKind.FAST_MOVER, AnomalyKind.VEHICLE}, {AnomalyKind.ERRATIC, AnomalyKind.LOITERER}};

    @Option(names = "--out", paramLabel = "DIR", description = "where the outputs go (default: ${DEFAULT-VALUE})")
    private Path out = Path.of("demo-output");

    @Option(names = "--train-videos", paramLabel = "N", description = "normal training videos (default: ${DEFAULT-VALUE})")
    private int trainVideos = 6;

    @Option(names = "--test-videos", paramLabel = "N", description = "test videos with anomalies (default: ${DEFAULT-VALUE})")
    private int testVideos = 4;

    @Option(names = "--frames", paramLabel = "N", description = "frames per video (default: ${DEFAULT-VALUE})")
    private int frames = 150;

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE})")
    private int epochs = 8;

    @Option(names = "--cube-size", paramLabel = "PX", description = "crop side in pixels, a multiple of 8 (default: ${DEFAULT-VALUE})")
    private int cubeSize = 16;

    @Mixin
    private SeedOption seed = new SeedOption(1);

    @Override
    public Integer call() throws Exception {
        try (CommandOutputs outputs = new CommandOutputs(List.of())) {
            int status = run(outputs);
            if (status == 0) {
                outputs.commit();
            }
            return status;
        }
    }

    private int run(CommandOutputs outputs) throws Exception {
        long start = System.nanoTime();
        outputs.folder(out, "--out");
        Path modelFile = outputs.file(out.resolve("model.aed"), "--out");
        Path scoresFile = outputs.file(out.resolve("scores.csv"), "--out");
        Path regionsFile = outputs.file(out.resolve("regions.csv"), "--out");
        Path resultFile = outputs.file(out.resolve("result.json"), "--out");
        Path plotFile = outputs.file(out.resolve("scores.png"), "--out");
        Path annotated = outputs.folder(out.resolve("annotated"), "--out");
        List<Path> annotatedFiles = new ArrayList<>();
        for (int v = 0; v < testVideos; v++) {
            annotatedFiles.add(outputs.file(annotated.resolve(testName(v) + ".avi"), "--out"));
        }

        step("1/5 generating " + trainVideos + " normal and " + testVideos + " test videos of " + frames + " frames");
        SceneGenerator scene = SceneGenerator.builder().frames(frames).walkers(4).seed(seed.seed()).build();
        List<GeneratedVideo> train = new ArrayList<>();
        for (int v = 0; v < trainVideos; v++) {
            train.add(scene.generate(String.format(Locale.ROOT, "Train%03d", v + 1), v));
        }
        List<GeneratedVideo> test = new ArrayList<>();
        for (int v = 0; v < testVideos; v++) {
            SceneGenerator.Builder b = scene.toBuilder();
            AnomalyKind[] kinds = TEST_ANOMALIES[v % TEST_ANOMALIES.length];
            for (int a = 0; a < kinds.length; a++) {
                b.anomaly(kinds[a], frames / 4 + a * frames / 8, frames / 2);
            }
            test.add(b.build().generate(testName(v), 1000 + v));
        }
        Path data = new GeneratedDataset(train, test).write(out.resolve("data"));
        System.out.println("   dataset written to " + data);

        step("2/5 training on the normal videos");
        AnomalyDetector detector = AnomalyDetector.builder().detector(MotionDetector.builder().build())
                .network(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).cubeSize(cubeSize).build())
                .training(TrainingSettings.builder().epochs(epochs).maxSamplesPerVideo(0).seed(seed.seed()).build())
                .addProgressListener(ProgressBar.forConsole())
                .build()
                .fit(train.stream().map(GeneratedVideo::asVideo).toList());
        detector.save(modelFile);
        System.out.println(detector.describe().indent(3));

        step("3/5 scoring the test videos");
        List<VideoScores> scores = new ArrayList<>();
        for (GeneratedVideo v : test) {
            scores.add(detector.score(v.asVideo()));
        }
        ScoreFiles.writeFrameScores(scoresFile, scores);
        ScoreFiles.writeRegions(regionsFile, scores);

        step("4/5 evaluating with ./aed evaluate");
        int status = Main.commandLine().execute("evaluate", "--gt-format", "ucsd", "--gt", data.toString(),
                "--frame-scores", scoresFile.toString(), "--regions", regionsFile.toString(),
                "--tracks", data.resolve("Test/tracks").toString(), "--json", resultFile.toString());
        System.out.println("   scoring settings: " + detector.scoringSettings().describe());

        step("5/5 drawing");
        List<ScorePlot.Series> series = new ArrayList<>();
        for (int v = 0; v < test.size(); v++) {
            series.add(new ScorePlot.Series(test.get(v).name() + ": " + anomalies(test.get(v)), scores.get(v).frameScores(),
                    test.get(v).labels()));
            ScoreCommand.writeAnnotated(annotatedFiles.get(v), test.get(v).asVideo(), scores.get(v), test.get(v).labels(),
                    ScoreCommand.attributeNames(detector));
        }
        ScorePlot.writePng(plotFile, "aed demo: frame scores of the generated test videos", series, 900, 150);

        System.out.printf(Locale.ROOT, "%ndone in %.0f s. Outputs in %s:%n  scores.png, annotated/*.avi, result.json, "
                + "scores.csv, regions.csv, model.aed, data/%n", (System.nanoTime() - start) / 1e9, out.toAbsolutePath());
        return status;
    }

    private static String testName(int v) {
        return String.format(Locale.ROOT, "Test%03d", v + 1);
    }

    /** What a generated video holds, e.g. "fast mover, vehicle", or "normal". */
    private static String anomalies(GeneratedVideo video) {
        List<String> kinds = video.tracks().stream().map(t -> t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .distinct().toList();
        return kinds.isEmpty() ? "normal" : String.join(", ", kinds);
    }

    private static void step(String what) {
        System.out.println();
        System.out.println("== " + what);
    }
}
