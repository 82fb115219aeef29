package io.github.aed.examples;

import io.github.aed.examples.cli.ProgressBar;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.core.scene.GeneratedDataset;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneFamily;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.examples.cli.UsageErrors;
import io.github.aed.examples.cli.VelocityOption;
import io.github.aed.examples.render.ScorePlot;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.Normalisation;
import io.github.aed.nn.scoring.TaskWeighting;
import io.github.aed.nn.scoring.VideoScores;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed demo}: the whole method on generated scenes, offline, in a few minutes: generate normal training videos
 * and test videos with labelled anomalies, train, score, evaluate with {@code ./aed evaluate}'s code, and write an
 * annotated video and a score plot.
 */
@Command(name = "demo", header = "the whole method offline on generated scenes: generate, train, score, evaluate, draw (a few minutes)",
        description = {"Generates a fixed-camera walkway scene of the scene family --family (default classic, 240x160; also "
                + "walkway, street, plaza: other frame sizes, perspective, ground, walkers, light and noise): --train-videos "
                + "normal videos and --test-videos test videos with anomalies (classic: fast mover, vehicle, erratic walker, "
                + "loiterer in turn; other families: one of the six kinds each, runner and person crossing too). Trains the "
                + "default detector (motion detector, shallow+narrow network) on the normal videos, scores the test videos "
                + "with the default, non-transductive scoring settings, evaluates them exactly as './aed evaluate' does "
                + "(micro/macro AUC, RBDC, TBDC with the generated tracks), prints the frame AUC of each anomaly kind, and "
                + "writes into --out:",
                "  data/               the generated dataset in the UCSD Ped2 layout (frames, masks, UCSDped2.m, tracks/)",
                "  model.aed           the trained detector",
                "  scores.csv, regions.csv, result.json   the scores and the evaluation",
                "  scores.png          frame scores of every test video against the ground truth",
                "  annotated/*.avi     test videos with boxes coloured by anomaly score and the score curve below",
                "All but data/ appear at the end of a run that succeeded; data/ is written as it is generated.",
                "With --train-family the network is trained on another family's normal videos (data/Train holds them) and the "
                        + "test family's camera is learnt only by the motion detector, primed on --train-videos normal, "
                        + "unlabelled videos of the test family: a model tested on scenes unlike those it was trained on."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "where the outputs go (default: ${DEFAULT-VALUE})")
    private Path out = Path.of("demo-output");

    @Option(names = "--train-videos", paramLabel = "N", description = "normal training videos (default: ${DEFAULT-VALUE})")
    private int trainVideos = 6;

    @Option(names = "--test-videos", paramLabel = "N", description = "test videos with anomalies (default: 4 for classic, 6 "
            + "for the other families, one per anomaly kind)")
    private Integer testVideos;

    @Option(names = "--family", paramLabel = "NAME", description = "scene family of the test videos, and of the training videos "
            + "unless --train-family: classic, walkway, street or plaza (default: ${DEFAULT-VALUE})")
    private String family = "classic";

    @Option(names = "--train-family", paramLabel = "NAME", description = "scene family of the training videos (default: --family)")
    private String trainFamily;

    @Option(names = "--frames", paramLabel = "N", description = "frames per video (default: ${DEFAULT-VALUE})")
    private int frames = 150;

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE})")
    private int epochs = TrainingSettings.defaults().epochs();

    @Option(names = "--cube-size", paramLabel = "PX", description = "crop side in pixels, a multiple of 8 (default: ${DEFAULT-VALUE})")
    private int cubeSize = 16;

    @Option(names = "--attributes", negatable = true, defaultValue = "true", fallbackValue = "true", description = "also "
            + "score objects by their attributes (speed and direction from optical flow, size at position), by density over the normal "
            + "training objects (docs/attributes.md); --no-attributes for the proxy tasks alone (default: with attributes)")
    private boolean attributes = true;

    @Mixin
    private VelocityOption velocity = new VelocityOption();

    @Option(names = "--normalisation", paramLabel = "MODE", description = "how each score is scaled before the sum: "
            + "training_quantiles (default), training_min_max (the former default) or per_video_min_max (transductive); see "
            + "./aed score --help")
    private Normalisation normalisation;

    @Option(names = "--task-weighting", paramLabel = "MODE", description = "what the proxy tasks weigh in the sum: shared "
            + "(default: they share a weight of 1 beside each attribute's 1) or each_one; see ./aed score --help")
    private TaskWeighting taskWeighting;

    @Option(names = "--fusion-weights", description = "weigh each task and attribute by the weights chosen at training from "
            + "pseudo-anomalies (default: see --task-weighting)")
    private boolean fusionWeights;

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
        SceneFamily testLook = UsageErrors.withOption(spec, "--family", () -> SceneFamily.named(family));
        SceneFamily trainLook = trainFamily == null ? testLook
                : UsageErrors.withOption(spec, "--train-family", () -> SceneFamily.named(trainFamily));
        boolean across = !trainLook.equals(testLook);
        int tests = testVideos != null ? testVideos : FamilyScenes.allKindsVideos(testLook);
        outputs.folder(out, "--out");
        Path modelFile = outputs.file(out.resolve("model.aed"), "--out");
        Path scoresFile = outputs.file(out.resolve("scores.csv"), "--out");
        Path regionsFile = outputs.file(out.resolve("regions.csv"), "--out");
        Path resultFile = outputs.file(out.resolve("result.json"), "--out");
        Path plotFile = outputs.file(out.resolve("scores.png"), "--out");
        Path annotated = outputs.folder(out.resolve("annotated"), "--out");


        step("1/5 generating " + trainVideos + " normal videos (" + trainLook.name() + ") and " + tests + " test videos ("
                + testLook.name() + ") of " + frames + " frames");
        System.out.println("   training family: " + trainLook.describe());
        if (across) {
            System.out.println("   test family:     " + testLook.describe());
        }
        SceneGenerator trainScene = FamilyScenes.scene(trainLook, frames, seed.seed());
        SceneGenerator testScene = FamilyScenes.scene(testLook, frames, seed.seed());
        List<GeneratedVideo> train = FamilyScenes.normal(trainScene, trainVideos);
        List<GeneratedVideo> test = FamilyScenes.test(testScene, tests, FamilyScenes.testKinds(testLook));
        List<Path> annotatedFiles = new ArrayList<>();
        for (GeneratedVideo v : test) {
            annotatedFiles.add(outputs.file(annotated.resolve(v.name() + ".avi"), "--out"));
        }
        Path data = new GeneratedDataset(train, test).write(out.resolve("data"));
        System.out.println("   dataset written to " + data);

        step("2/5 training on the normal videos");
        MotionDetector objects = MotionDetector.builder().build();
        AnomalyDetector.Builder builder = AnomalyDetector.builder().detector(objects)
                .network(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).cubeSize(cubeSize).build())
                .training(TrainingSettings.builder().epochs(epochs).maxSamplesPerVideo(0).seed(seed.seed()).build())
                .addProgressListener(ProgressBar.forConsole());
        builder.attributes(attributes ? velocity.applyTo(AttributeSettings.forDetector(objects)) : AttributeSettings.none());
        AnomalyDetector detector = builder.build().fit(train.stream().map(GeneratedVideo::asVideo).toList());
        detector.save(modelFile);
        if (normalisation != null) {
            detector = ScoreCommand.withNormalisation(detector, normalisation);
        }
        if (taskWeighting != null) {
            detector = ScoreCommand.withTaskWeighting(detector, taskWeighting);
        }
        if (fusionWeights) {
            detector = ScoreCommand.withFusionWeights(detector);
        }
        System.out.println(detector.describe().indent(3));

        step("3/5 scoring the test videos");
        List<VideoScores> scores = new ArrayList<>();
        try (MotionDetector camera = MotionDetector.builder().build()) {
            AnomalyDetector scorer = detector;
            if (across) {
                System.out.println("   the motion detector learns the test camera from " + trainVideos
                        + " normal, unlabelled videos of " + testLook.name());
                camera.prime(FamilyScenes.normal(testScene, trainVideos).stream().map(GeneratedVideo::asVideo).toList());
                scorer = detector.withDetector(camera);
            }
            for (GeneratedVideo v : test) {
                scores.add(scorer.score(v.asVideo()));
            }
        }
        ScoreFiles.writeFrameScores(scoresFile, scores);
        ScoreFiles.writeRegions(regionsFile, scores);

        step("4/5 evaluating with ./aed evaluate");
        int status = Main.commandLine().execute("evaluate", "--gt-format", "ucsd", "--gt", data.toString(),
                "--frame-scores", scoresFile.toString(), "--regions", regionsFile.toString(),
                "--tracks", data.resolve("Test/tracks").toString(), "--json", resultFile.toString());
        System.out.println("   scoring settings: " + detector.scoringSettings().describe());
        List<double[]> frameScores = scores.stream().map(VideoScores::frameScores).toList();
        System.out.printf(Locale.ROOT, "   frame AUC per anomaly kind (its frames against the test videos' normal frames; "
                + "trained on %s, tested on %s):%n", trainLook.name(), testLook.name());
        FamilyScenes.aucByKind(test, frameScores).forEach((kind, auc) -> System.out.printf(Locale.ROOT, "     %-10s %s%n",
                kind.name().toLowerCase(Locale.ROOT), auc.isPresent() ? String.format(Locale.ROOT, "%.3f", auc.getAsDouble())
                        : "undefined"));

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
