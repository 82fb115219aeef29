package io.github.aed.examples;

import io.github.aed.examples.cli.ProgressBar;
import io.github.aed.core.InvalidInputException;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.render.RocPlot;
import io.github.aed.examples.render.ScorePlot;
import io.github.aed.metrics.Evaluation;
import io.github.aed.metrics.EvaluationReport;
import io.github.aed.metrics.EvaluationSettings;
import io.github.aed.metrics.FrameScores;
import io.github.aed.metrics.GroundTruth;
import io.github.aed.metrics.GroundTruthFormat;
import io.github.aed.metrics.RocCurve;
import io.github.aed.metrics.ScoredRegion;
import io.github.aed.metrics.ScoredRegions;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.model.ValidationScores;
import io.github.aed.nn.scoring.ObjectScores;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.TaskWeighting;
import io.github.aed.nn.scoring.VideoScorer;
import io.github.aed.nn.scoring.VideoScores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed bench ped2}: the whole method on UCSD Ped2, end to end, against the paper. Trains on the training clips
 * (or takes a model file), scores the test clips once through the network with the default settings, re-scores the
 * stored per-object task scores without the network for the reference's protocol and for each task alone, evaluates
 * every variant in-process with {@code ./aed evaluate}'s code (micro/macro AUC, EER, RBDC, TBDC with tracks derived
 * from the pixel masks), draws the ROC curves and score timelines, and writes a markdown summary with the machine, the
 * settings, the costs (wall times, end-to-end frames/s, peak memory) and the paper's figures alongside.
 */
@Command(name = "ped2", header = "UCSD Ped2 end to end: trains, scores the test clips, re-scores them per protocol and task, "
        + "evaluates, draws, summarises", description = {"Trains on ROOT/Train (checkpoint and model in DIR/model.aed), scores "
                + "ROOT/Test once with the default settings (the --detector, primed on the training clips), re-scores the "
                + "objects' task scores without the network for the 'default' (non-transductive) and 'paper' "
                + "(ssmtlPaper(PED2), transductive) protocols and for each task alone, and evaluates all of them against the "
                + "Ped2 ground truth (tracks derived from the pixel masks).",
                "Writes into DIR: default/ and paper/ (scores.csv, regions.csv, result.json; default/objects.csv), "
                        + "ablation.csv, roc.png, timelines-default.png, timelines-paper.png and summary.md (also printed), "
                        + "all at the end of a run that succeeded (none if it fails)."})
final class Ped2Bench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Ped2RootOption ped2;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the model and the results go")
    private Path out;

    @Option(names = "--model", paramLabel = "EXISTING.aed", description = "skip training and score with this model file")
    private Path existingModel;

    @Mixin
    private DetectorOption detectorOption;

    @Mixin
    private TrainingOptions training;

    /** The two scoring protocols, in the order of every table. */
    static final List<String> PROTOCOLS = List.of("default", "paper");
    /** The label of the variant that counts every score (tasks and attributes, fused). */
    static final String ALL_TASKS = "all";
    /** The label of the variant that counts the proxy tasks only (the paper's method). */
    static final String TASKS_ONLY = "tasks";
    /** The label of the variant that counts the attributes only. */
    static final String ATTRIBUTES_ONLY = "attributes";
    /** The label of the variant that counts every score, each proxy task weighing 1 like each attribute. */
    static final String EACH_TASK_ONE = "all-tasks-1-each";
    /** The label of the variant that counts every score with the fusion weights the model chose at training. */
    static final String FUSED = "fused";

    /**
     * One scoring variant and its evaluation.
     *
     * @param protocol {@code default} or {@code paper}
     * @param tasks    the one score counted, or {@link #TASKS_ONLY}, {@link #ATTRIBUTES_ONLY} or {@link #ALL_TASKS}
     */
    record Variant(String protocol, String tasks, ScoringSettings settings, List<VideoScores> scores, EvaluationReport report) {
    }

    /**
     * What the run cost.
     *
     * @param trainingSeconds wall time of training (empty with {@code --model})
     * @param loadingSeconds  wall time of loading the model with its object detector, primed on the training clips
     * @param scoringSeconds  wall time of scoring the test clips (decoding, detection, network, frame scores)
     * @param frames          test frames scored
     * @param objects         objects scored
     */
    record Costs(OptionalDouble trainingSeconds, double loadingSeconds, double scoringSeconds, long frames, long objects) {
    }

    /** A test video's raw object scores and its size: all that re-scoring needs. */
    private record RawVideo(String name, int frames, int width, int height, List<ObjectScores> objects) {
    }

    /** Where this run's outputs are staged until it has succeeded. */
    private CommandOutputs outputs;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(List.of(ped2.root()));
        if (existingModel != null) {
            inputs.add(existingModel);
        }
        try (CommandOutputs staging = new CommandOutputs(inputs)) {
            outputs = staging;
            int status = run();
            staging.commit();
            return status;
        } finally {
            outputs = null;
        }
    }

    /** The file {@code target} (below --out) staged for writing. */
    private Path staged(Path target) {
        return outputs.file(target, "--out");
    }

    private int run() throws IOException {
        Path root = ped2.root();
        List<Video> train = DatasetLayout.UCSD.trainingVideos(root);
        List<Video> test = DatasetLayout.UCSD.testVideos(root);
        GroundTruth truth = groundTruth(root);
        outputs.folder(out, "--out");
        System.out.println("bench ped2: " + train.size() + " training clips, " + test.size() + " test clips ("
                + truth.frameCount() + " frames, " + truth.abnormalCount() + " abnormal) at " + root + "; outputs in " + out);

        Step step = Step.start(1, "training on " + root.resolve("Train"));
        Path modelFile;
        OptionalDouble trainingSeconds;
        if (existingModel != null) {
            modelFile = existingModel;
            System.out.println("   skipped: --model " + modelFile);
            step.done();
            trainingSeconds = OptionalDouble.empty();
        } else {
            modelFile = staged(out.resolve("model.aed"));
            training.train(detectorOption.create(), train, root.resolve("Train"), out.resolve("model.aed"), modelFile);
            trainingSeconds = OptionalDouble.of(step.done());
        }

        step = Step.start(2, "scoring the " + test.size() + " test clips through the network (default settings)");
        long t0 = System.nanoTime();
        AnomalyDetector detector = loadWithDetector(modelFile, existingModel == null ? Optional.empty() : detectorOption.given(), train)
                .withProgress(List.of(ProgressBar.forConsole()));
        double loading = Step.seconds(t0);
        System.out.println(Ped2Summary.settings(detector) + String.format(Locale.ROOT, "%nloaded the model and its primed "
                + "detector in %.1f s", loading));
        t0 = System.nanoTime();
        List<VideoScores> scored = new ArrayList<>();
        for (Video v : test) {
            scored.add(detector.score(v));
        }
        double scoring = Step.seconds(t0);
        Costs costs = new Costs(trainingSeconds, loading, scoring, scored.stream().mapToLong(VideoScores::frameCount).sum(),
                scored.stream().mapToLong(v -> v.objects().size()).sum());
        System.out.printf(Locale.ROOT, "scored %d frames, %d objects in %.1f s: %.1f frames/s, %.1f objects/s end to end%n",
                costs.frames(), costs.objects(), scoring, costs.frames() / scoring, costs.objects() / scoring);
        step.done();

        step = Step.start(3, "re-scoring the stored task scores without the network: 2 protocols x (each task, all)");
        TrainedModel model = detector.model().orElseThrow();
        List<String> tasks = model.taskNames();
        Map<String, Set<String>> sets = scoreSets(tasks, model.attributes().stream().map(AttributeDensity::name).toList());
        List<Variant> variants = rescore(model, raw(test, scored), sets);
        checkReproduces(scored, variant(variants, "default", ALL_TASKS).scores());
        System.out.println("self-check passed: re-scoring with all tasks and the default settings reproduces step 2 exactly");
        step.done();

        step = Step.start(4, "evaluating " + variants.size() + " variants against " + truth.dataset());
        variants = variants.stream().map(v -> evaluated(v, truth)).toList();
        for (String protocol : PROTOCOLS) {
            writeProtocol(out.resolve(protocol), variant(variants, protocol, ALL_TASKS), protocol.equals("default"));
        }
        writeAblation(out.resolve("ablation.csv"), variants);
        System.out.print(variant(variants, "default", ALL_TASKS).report().toTable());
        step.done();

        step = Step.start(5, "drawing");
        plots(out, variants, truth);
        step.done();

        step = Step.start(6, "summary");
        String summary = Ped2Summary.markdown(commandLine(), detector, variants,
                variants.stream().filter(v -> v.protocol().equals("default")).map(Variant::tasks).toList(), costs, truth);
        Files.writeString(staged(out.resolve("summary.md")), summary, StandardCharsets.UTF_8);
        System.out.println(summary);
        step.done();
        return 0;
    }

    /** The command as typed at the repository root, arguments quoted where the shell would need it. */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("./aed");
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** Ped2's ground truth with tracks derived from the pixel masks; both are required. */
    private static GroundTruth groundTruth(Path root) {
        GroundTruth truth;
        try {
            truth = GroundTruthFormat.UCSD.read(root);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(root + ": bench ped2 needs the UCSD Ped2 ground truth (Test/UCSDped2.m and "
                    + "the pixel masks Test/TestNNN_gt/): " + e.getMessage());
        }
        if (truth.tracks().isEmpty()) {
            throw new InvalidInputException(root.resolve("Test") + ": bench ped2 needs the pixel masks (TestNNN_gt/) for "
                    + "RBDC/TBDC, but " + truth.trackSource());
        }
        return truth;
    }

    /** The objects' raw task scores of each test video, with its frame size. */
    private static List<RawVideo> raw(List<Video> test, List<VideoScores> scored) {
        List<RawVideo> raw = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            VideoScores s = scored.get(i);
            Frame first;
            try (FrameSource source = test.get(i).open()) {
                first = source.next();
            }
            List<ObjectScores> objects = s.objects().stream().map(obj -> new ObjectScores(obj.detection(), obj.rawByTask())).toList();
            raw.add(new RawVideo(s.video(), s.frameCount(), first.width(), first.height(), objects));
        }
        return raw;
    }

    /**
     * Every protocol × score set (in the default protocol the proxy tasks share a weight of 1, in the paper's each
     * weighs 1; each attribute weighs 1), with attributes all scores with each task weighing 1 ({@link #EACH_TASK_ONE}),
     * and every score with the model's fusion weights ({@link #FUSED}, when it has them), scored from the raw scores;
     * not yet evaluated.
     */
    private static List<Variant> rescore(TrainedModel model, List<RawVideo> raw, Map<String, Set<String>> sets) {
        Map<String, ScoringSettings> protocols = new LinkedHashMap<>();
        protocols.put("default", ScoringSettings.defaults());
        protocols.put("paper", ScoringSettings.ssmtlPaper(ScoringSettings.Dataset.PED2));
        ValidationScores validation = model.validationScores();
        List<String> tasks = model.taskNames();
        List<Variant> variants = new ArrayList<>();
        protocols.forEach((protocol, base) -> {
            for (Map.Entry<String, Set<String>> set : sets.entrySet()) {
                variants.add(scored(protocol, set.getKey(), base.toBuilder().scoredTasks(set.getValue()).build().forTasks(tasks),
                        validation, raw));
            }
            if (!model.attributes().isEmpty()) {
                variants.add(scored(protocol, EACH_TASK_ONE, base.toBuilder().taskWeighting(TaskWeighting.EACH_ONE).build()
                        .forTasks(tasks), validation, raw));
            }
            if (!model.fusionWeights().isEmpty()) {
                variants.add(scored(protocol, FUSED, base.toBuilder().weights(model.fusionWeights().weights()).build(), validation, raw));
            }
        });
        return variants;
    }

    /** One variant: the raw scores re-scored with these settings. */
    private static Variant scored(String protocol, String label, ScoringSettings s, ValidationScores validation, List<RawVideo> raw) {
        VideoScorer scorer = new VideoScorer(s, s.normalisation().fromTraining() ? validation.statistics(s) : null);
        List<VideoScores> scores = raw.stream().map(r -> scorer.score(r.name(), r.frames(), r.width(), r.height(), r.objects())).toList();
        return new Variant(protocol, label, s, scores, null);
    }

    /**
     * The score sets of the ablation by label: each task and each attribute alone, in the model's order; with
     * attributes also {@link #TASKS_ONLY} and {@link #ATTRIBUTES_ONLY}; then {@link #ALL_TASKS} (the empty set: every
     * score).
     */
    static Map<String, Set<String>> scoreSets(List<String> tasks, List<String> attributes) {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        tasks.forEach(t -> sets.put(t, Set.of(t)));
        attributes.forEach(a -> sets.put(a, Set.of(a)));
        if (!attributes.isEmpty()) {
            sets.put(TASKS_ONLY, new java.util.LinkedHashSet<>(tasks));
            sets.put(ATTRIBUTES_ONLY, new java.util.LinkedHashSet<>(attributes));
        }
        sets.put(ALL_TASKS, Set.of());
        return sets;
    }

    /** The self-check: re-scoring without the network gives step 2's frame and region scores bit for bit. */
    static void checkReproduces(List<VideoScores> expected, List<VideoScores> rescored) {
        for (int v = 0; v < expected.size(); v++) {
            VideoScores a = expected.get(v);
            VideoScores b = rescored.get(v);
            if (!Arrays.equals(a.frameScores(), b.frameScores())) {
                throw new IllegalStateException("self-check failed: " + a.video() + ": re-scored frame scores differ from the "
                        + "network run's with the same settings");
            }
            List<Double> ra = a.objects().stream().map(ScoredObject::regionScore).toList();
            List<Double> rb = b.objects().stream().map(ScoredObject::regionScore).toList();
            if (!ra.equals(rb)) {
                throw new IllegalStateException("self-check failed: " + a.video() + ": re-scored region scores differ");
            }
        }
    }

    static Variant variant(List<Variant> variants, String protocol, String tasks) {
        return variants.stream().filter(v -> v.protocol().equals(protocol) && v.tasks().equals(tasks)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no variant " + protocol + "/" + tasks));
    }

    /** The variant with its evaluation: the frame scores and every object's region, exactly as the CSVs hold them. */
    private static Variant evaluated(Variant v, GroundTruth truth) {
        Map<String, double[]> frames = new LinkedHashMap<>();
        List<ScoredRegion> regions = new ArrayList<>();
        for (VideoScores s : v.scores()) {
            frames.put(s.video(), s.frameScores());
            for (ScoredObject obj : s.objects()) {
                regions.add(new ScoredRegion(s.video(), obj.detection().frameIndex(), obj.detection().box(), obj.regionScore()));
            }
        }
        EvaluationReport report = Evaluation.evaluate(truth, FrameScores.of(frames), Optional.of(ScoredRegions.of(regions)),
                EvaluationSettings.defaults());
        return new Variant(v.protocol(), v.tasks(), v.settings(), v.scores(), report);
    }

    private void writeProtocol(Path dir, Variant v, boolean withObjects) throws IOException {
        outputs.folder(dir, "--out");
        ScoreFiles.writeFrameScores(staged(dir.resolve("scores.csv")), v.scores());
        ScoreFiles.writeRegions(staged(dir.resolve("regions.csv")), v.scores());
        if (withObjects) {
            ScoreFiles.writeObjects(staged(dir.resolve("objects.csv")), v.scores());
        }
        Files.writeString(staged(dir.resolve("result.json")), v.report().toJson(), StandardCharsets.UTF_8);
    }

    /** {@code protocol,tasks,micro_auc,macro_auc,rbdc,tbdc,eer,paper_micro_auc}: fractions, empty when undefined. */
    private void writeAblation(Path file, List<Variant> variants) throws IOException {
        StringBuilder csv = new StringBuilder("protocol,tasks,micro_auc,macro_auc,rbdc,tbdc,eer,paper_micro_auc\n");
        boolean withAttributes = variants.stream().anyMatch(v -> v.tasks().equals(ATTRIBUTES_ONLY));
        for (Variant v : variants) {
            Ped2Summary.Metrics m = Ped2Summary.Metrics.of(v.report());
            csv.append(v.protocol()).append(',').append(v.tasks());
            for (OptionalDouble x : List.of(m.micro(), m.macro(), m.rbdc(), m.tbdc(), m.eer(), Ped2Summary.paperMicro(v.tasks(), withAttributes))) {
                csv.append(',').append(x.isPresent() ? String.format(Locale.ROOT, "%.6f", x.getAsDouble()) : "");
            }
            csv.append('\n');
        }
        Files.writeString(staged(file), csv, StandardCharsets.UTF_8);
    }

    /**
     * The model with the detector it was trained with (restored from the model file, primed state included), or with
     * {@code given} primed on the training clips; a model whose detector cannot be rebuilt scores with the default
     * detector primed on them, as the model was trained.
     */
    private AnomalyDetector loadWithDetector(Path modelFile, Optional<ObjectDetector> given, List<Video> train) {
        if (given.isPresent()) {
            given.get().prime(train);
            return AnomalyDetector.load(modelFile, given.get());
        }
        AnomalyDetector saved = AnomalyDetector.load(modelFile);
        if (saved.model().orElseThrow().detector().recipe().isPresent()) {
            return saved;
        }
        ObjectDetector detector = detectorOption.create();
        detector.prime(train);
        return saved.withDetector(detector);
    }

    private void plots(Path out, List<Variant> variants, GroundTruth truth) {
        List<RocPlot.Curve> curves = new ArrayList<>();
        for (String protocol : PROTOCOLS) {
            EvaluationReport r = variant(variants, protocol, ALL_TASKS).report();
            r.rocCurve().ifPresent((RocCurve roc) -> curves.add(new RocPlot.Curve(protocol + ": micro AUC "
                    + Ped2Summary.percent(r.microAuc()) + "%", roc.falsePositiveRates(), roc.truePositiveRates())));
        }
        if (!curves.isEmpty()) {
            Path roc = out.resolve("roc.png");
            RocPlot.writePng(staged(roc), "UCSD Ped2: frame-level ROC, all tasks", curves, 420);
            System.out.println("wrote " + roc);
        }
        for (String protocol : PROTOCOLS) {
            List<ScorePlot.Series> series = new ArrayList<>();
            for (VideoScores s : variant(variants, protocol, ALL_TASKS).scores()) {
                boolean[] abnormal = truth.video(s.video()).orElseThrow().labels();
                int[] labels = new int[abnormal.length];
                for (int f = 0; f < labels.length; f++) {
                    labels[f] = abnormal[f] ? 1 : 0;
                }
                series.add(new ScorePlot.Series(s.video(), s.frameScores(), labels));
            }
            Path timelines = out.resolve("timelines-" + protocol + ".png");
            ScorePlot.writePng(staged(timelines), "UCSD Ped2, " + protocol + " protocol", series, 900, 120);
            System.out.println("wrote " + timelines);
        }
    }

    /** A numbered step: prints its heading when it starts and its wall time when it is done. */
    private record Step(int number, long start) {

        static Step start(int number, String what) {
            System.out.printf("%n== step %d/6: %s%n", number, what);
            return new Step(number, System.nanoTime());
        }

        /** Prints and returns the step's wall time in seconds. */
        double done() {
            double s = seconds(start);
            System.out.printf(Locale.ROOT, "   step %d wall time: %.1f s%n", number, s);
            return s;
        }

        static double seconds(long since) {
            return (System.nanoTime() - since) / 1e9;
        }
    }
}
