package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.detect.motion.SubtractorKind;
import io.github.aed.metrics.AvenueLabels;
import io.github.aed.metrics.GroundTruthFormat;
import io.github.aed.metrics.SingleClassVideoPolicy;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.Normalisation;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.train.LearningRateSchedule;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code ./aed} command line: each command's defaults, the command lines README.md and docs/*.md spell, usage
 * errors that name the option, and help. Parsing only (nothing runs) unless through {@link InProcessAed}.
 */
class CommandLineTest {

    /** The command the arguments select, after parsing them. */
    private static CommandSpec parse(String... args) {
        ParseResult parsed = Main.commandLine().parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec();
    }

    /** The value an option holds after parsing: the given one, or its default. */
    private static Object value(CommandSpec command, String option) {
        return command.findOption(option).getValue();
    }

    @Test
    void everyCommandHasItsDefaults() {
        CommandSpec demo = parse("demo");
        assertEquals(Path.of("demo-output"), value(demo, "--out"));
        assertEquals(6, value(demo, "--train-videos"));
        assertEquals(null, value(demo, "--test-videos"), "absent: 4 for the classic family, one per kind for the others");
        assertEquals("classic", value(demo, "--family"));
        assertEquals(null, value(demo, "--train-family"), "absent: the test family");
        assertEquals(150, value(demo, "--frames"));
        assertEquals(TrainingSettings.defaults().epochs(), value(demo, "--epochs"), "the library's default");
        assertEquals(16, value(demo, "--cube-size"));
        assertEquals(1L, value(demo, "--seed"));
        assertEquals(false, value(demo, "--velocity-at-position"), "velocity is the speed alone unless asked");

        CommandSpec train = parse("train", "--dataset", "ucsd", "--root", "r", "--model", "m.aed");
        assertEquals(null, value(train, "--detector"), "absent: DetectorSpec.DEFAULT to train, the model's own to score");
        assertEquals(NetworkSettings.defaults().variant(), value(train, "--variant"));
        assertEquals(NetworkSettings.defaults().cubeSize(), value(train, "--cube-size"));
        assertEquals(TrainingSettings.defaults().epochs(), value(train, "--epochs"));
        assertEquals(TrainingSettings.defaults().batchSize(), value(train, "--batch"));
        assertEquals(TrainingSettings.defaults().maxSamplesPerVideo(), value(train, "--max-samples-per-video"));
        assertEquals(TrainingSettings.defaults().seed(), value(train, "--seed"));
        assertEquals(TrainingSettings.defaults().learningRateSchedule(), value(train, "--learning-rate-schedule"));
        assertEquals(AttributeSettings.DEFAULT_NEIGHBOUR_SHARE, value(train, "--neighbour-share"));
        assertEquals(false, value(train, "--velocity-at-position"));

        CommandSpec detectBench = parse("bench", "detect", "--root", "r");
        assertEquals(DetectBench.Priming.BOTH, value(detectBench, "--prime"));
        assertEquals(DetectBench.Report.ALL, value(detectBench, "--report"));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), ((DetectBench.TuningClips) value(detectBench, "--tune-clips")).numbers());
        assertEquals(1, value(detectBench, "--every"));
        assertEquals(null, value(detectBench, "--detector"), "the motion detector unless --detector");
        assertEquals(null, value(detectBench, "--history"), "motion settings keep the detector's defaults");

        CommandSpec coco = parse("bench", "coco");
        assertEquals("coco:nanodet", value(coco, "--detector"));
        assertEquals(200, value(coco, "--frames"));
        assertEquals(232.0, value(coco, "--peak-gflops"));
        assertEquals(1, value(coco, "--streams"));
        CommandSpec nn = parse("bench", "nn");
        assertEquals(List.of(64, 32), value(nn, "--sizes"));
        assertEquals(List.of(1, 8, 64), value(nn, "--batches"));
        assertEquals(600, value(parse("bench", "cubes"), "--frames"));
        assertEquals(1L, value(parse("bench", "cubes"), "--seed"));
        assertEquals(4, value(parse("custom-task"), "--epochs"));

        CommandSpec evaluate = parse("evaluate", "--gt-format", "ucsd", "--gt", "g", "--frame-scores", "s.csv", "--json", "o.json");
        assertEquals(AvenueLabels.OFFICIAL_MASKS, value(evaluate, "--labels"));
        assertEquals(SingleClassVideoPolicy.SKIP, value(evaluate, "--single-class-videos"));
        assertEquals(0.1, value(evaluate, "--alpha"));
        assertEquals(0.1, value(evaluate, "--beta"));
        assertEquals(null, value(evaluate, "--fpr-frames"));

        CommandSpec detect = parse("detect", "--input", "v.avi", "--out", "d.csv");
        assertEquals(null, value(detect, "--detector"), "absent: DetectorSpec.DEFAULT");
        assertEquals(25.0, value(detect, "--fps"));
        assertEquals(List.of(), value(detect, "--prime"));
        assertEquals(1.0, value(parse("live", "--model", "m.aed", "--input", "v.avi"), "--threshold"));
    }

    @Test
    void theDocumentedCommandLinesParse() {
        CommandSpec ped2 = parse("bench", "ped2", "--root", "../shared/data/ucsd-ped2", "--out", "ped2-seed1", "--seed", "1");
        assertEquals(Path.of("../shared/data/ucsd-ped2"), value(ped2, "--root"));
        assertEquals(1L, value(ped2, "--seed"));
        assertEquals(32, value(parse("bench", "ped2", "--root", "r", "--out", "ped2-bench-32", "--cube-size", "32"), "--cube-size"));
        assertEquals("detector-confidence+box-shape",
                value(parse("bench", "ped2", "--root", "r", "--out", "o", "--teacher", "detector-confidence+box-shape"), "--teacher"));

        CommandSpec foldB = parse("bench", "detect", "--root", "../shared/data/ucsd-ped2", "--prime", "train", "--tune-clips", "7-12",
                "--report", "tune");
        assertEquals(DetectBench.Priming.TRAIN, value(foldB, "--prime"));
        assertEquals(Set.of(7, 8, 9, 10, 11, 12), ((DetectBench.TuningClips) value(foldB, "--tune-clips")).numbers());
        assertEquals(DetectBench.Report.TUNE, value(foldB, "--report"));
        CommandSpec motion = parse("bench", "detect", "--root", "r", "--frame-diff", "15", "--split", "9", "--valley", "0.75",
                "--max-per-frame", "12", "--nms", "0.7", "--overlap-exponent", "5", "--subtractor", "knn", "--shadows",
                "--max-area", "0.4");
        assertEquals(0.75, value(motion, "--valley"));
        assertEquals(SubtractorKind.KNN, value(motion, "--subtractor"));
        assertEquals(0.4, value(motion, "--max-area"), "a fraction of the frame for the motion detector");
        assertEquals(true, value(motion, "--shadows"));
        CommandSpec withDetector = parse("bench", "detect", "--root", "r", "--detector", "coco:nanodet+motion", "--prime", "train",
                "--train", "--per-clip", "--misses", "--classes", "0,1", "--nms-across", "--nms", "0.5");
        assertEquals("coco:nanodet+motion", value(withDetector, "--detector"));
        assertEquals(List.of(0, 1), value(withDetector, "--classes"));
        assertEquals(true, value(withDetector, "--per-clip"));

        assertEquals(300, value(parse("bench", "coco", "--root", "../shared/data/ucsd-ped2", "--frames", "300"), "--frames"));
        assertEquals(64, value(parse("bench", "cubes", "--frames", "100", "--objects", "2", "--k", "3", "--size", "64"), "--size"));
        CommandSpec nn = parse("bench", "nn", "--variant", "deep-wide", "--variant", "shallow-narrow", "--sizes", "64",
                "--batches", "1,8,64", "--train-batch", "64", "--warmup", "5", "--repeats", "3", "--peak-gflops", "220");
        assertEquals(List.of(new NetworkBench.VariantChoice(List.of(BackboneVariant.DEEP_WIDE)),
                new NetworkBench.VariantChoice(List.of(BackboneVariant.SHALLOW_NARROW))), value(nn, "--variant"));
        assertEquals(List.of(BackboneVariant.values()),
                ((List<?>) value(parse("bench", "nn", "--variant", "all"), "--variant")).stream()
                        .flatMap(v -> ((NetworkBench.VariantChoice) v).variants().stream()).toList());

        CommandSpec detect = parse("detect", "--input", "../shared/data/ucsd-ped2/Test/Test001", "--detector", "motion",
                "--prime", "../shared/data/ucsd-ped2/Train", "--out", "Test001.csv", "--annotated", "Test001.avi");
        assertEquals(List.of(Path.of("../shared/data/ucsd-ped2/Train")), value(detect, "--prime"));
        assertEquals(List.of(0, 1), value(parse("detect", "--input", "clip.mp4", "--detector", "darknet:yolov3.cfg,yolov3.weights",
                "--classes", "0,1", "--out", "clip.csv"), "--classes"));
        assertEquals(500, value(parse("detect", "--input", "Train", "--detector", "csv:train-detections", "--min-area", "500",
                "--out", "big/"), "--min-area"));

        CommandSpec train = parse("train", "--dataset", "ucsd", "--root", "PATH", "--model", "OUT.aed", "--cube-size", "16",
                "--epochs", "4", "--teacher", "detector-confidence", "--variant", "deep-wide");
        assertEquals(BackboneVariant.DEEP_WIDE, value(train, "--variant"));
        assertEquals(DatasetLayout.UCSD, value(train, "--dataset"));
        assertEquals(LearningRateSchedule.CONSTANT, value(parse("bench", "ped2", "--root", "r", "--out", "o", "--learning-rate-schedule",
                "constant"), "--learning-rate-schedule"));

        CommandSpec score = parse("score", "--model", "M.aed", "--dataset", "shanghaitech", "--root", "PATH", "--frame-scores",
                "OUT.csv", "--regions", "R.csv", "--annotated", "DIR", "--paper-protocol", "ped2", "--tasks",
                "arrow-of-time,distillation", "--objects", "O.csv");
        assertEquals(DatasetLayout.SHANGHAITECH, value(score, "--dataset"));
        assertEquals(ScoringSettings.Dataset.PED2, value(score, "--paper-protocol"));
        assertEquals(List.of("arrow-of-time", "distillation"), value(score, "--tasks"));
        assertEquals(Path.of("v.avi"), value(parse("score", "--model", "M.aed", "--input", "v.avi", "--frame-scores", "s.csv"), "--input"));
        assertEquals(Normalisation.TRAINING_MIN_MAX, value(parse("score", "--model", "M.aed", "--input", "v.avi", "--frame-scores",
                "s.csv", "--normalisation", "training_min_max"), "--normalisation"));
        assertEquals(Normalisation.PER_VIDEO_MIN_MAX, value(parse("demo", "--normalisation", "PER_VIDEO_MIN_MAX"), "--normalisation"));

        CommandSpec evaluate = parse("evaluate", "--gt-format", "shanghaitech", "--gt", "../shared/data/shanghaitech-gt",
                "--frame-scores", "/tmp/st/scores.csv", "--regions", "/tmp/st/regions.csv", "--json", "/tmp/st/out.json",
                "--tracks", "T", "--labels", "mnad", "--single-class-videos", "ssmtl-pad", "--alpha", "0.2", "--beta", "0.3",
                "--fpr-frames", "100");
        assertEquals(GroundTruthFormat.SHANGHAITECH, value(evaluate, "--gt-format"));
        assertEquals(AvenueLabels.MNAD, value(evaluate, "--labels"));
        assertEquals(SingleClassVideoPolicy.SSMTL_PAD, value(evaluate, "--single-class-videos"));
        assertEquals(100L, value(evaluate, "--fpr-frames"));

        assertEquals(Path.of("PATH"), value(parse("info", "--input", "PATH"), "--input"));
        assertEquals(1.5, value(parse("live", "--model", "M.aed", "--input", "VIDEO", "--threshold", "1.5"), "--threshold"));
        assertEquals(5L, value(parse("custom-task", "--epochs", "2", "--seed", "5"), "--seed"));
    }

    @Test
    void valuesMayBeJoinedWithEqualsAndGivenAgainTheLastCounts() {
        CommandSpec demo = parse("demo", "--frames=30", "--epochs", "2", "--epochs", "3");
        assertEquals(30, value(demo, "--frames"));
        assertEquals(3, value(demo, "--epochs"));
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertUsageError(new String[] {"demo", "--frames", "many"}, "--frames", "'many' is not an int");
        assertUsageError(new String[] {"bench", "detect", "--root", "r", "--tune-clips", "6-1"}, "--tune-clips", "'6-1'");
        assertUsageError(new String[] {"bench", "detect", "--root", "r", "--prime", "sometimes"}, "--prime", "sometimes");
        assertUsageError(new String[] {"bench", "detect", "--root", "r", "--subtractor", "gmm"}, "--subtractor", "gmm");
        assertUsageError(new String[] {"bench", "detect", "--root", "r", "--ranking", "tiers"}, "--ranking");
        assertUsageError(new String[] {"bench", "nn", "--variant", "huge"}, "--variant", "unknown backbone variant 'huge'");
        assertUsageError(new String[] {"train", "--dataset", "kitti", "--root", "r", "--model", "m"}, "--dataset", "kitti");
        assertUsageError(new String[] {"evaluate", "--gt-format", "kitti", "--gt", "g", "--frame-scores", "s.csv", "--json", "o.json"},
                "--gt-format", "unknown ground-truth format 'kitti'");
        assertUsageError(new String[] {"evaluate", "--gt-format", "ucsd", "--gt", "g", "--frame-scores", "s.csv", "--json", "o.json",
                "--single-class-videos", "pad"}, "--single-class-videos", "expected skip or ssmtl-pad, got 'pad'");
        assertUsageError(new String[] {"score", "--model", "m", "--frame-scores", "s", "--paper-protocol", "ped1"}, "--paper-protocol", "ped1");
        assertUsageError(new String[] {"score", "--model", "m", "--frame-scores", "s", "--normalisation", "z-score"}, "--normalisation",
                "z-score");
    }

    @Test
    void combinationsThatCannotRunAreUsageErrors() {
        assertUsageError(new String[] {"score", "--model", "m", "--frame-scores", "s"}, "--input", "--dataset");
        assertUsageError(new String[] {"score", "--model", "m", "--frame-scores", "s", "--input", "v", "--dataset", "ucsd", "--root", "r"},
                "--input", "--dataset");
        assertUsageError(new String[] {"train", "--dataset", "ucsd", "--model", "m"}, "--root");
        assertUsageError(new String[] {"detect", "--input", "missing.avi", "--out", "d.csv", "--nms-across"}, "--nms-across needs --nms");
        assertUsageError(new String[] {"detect", "--input", "missing.avi", "--out", "d.csv", "--max-area", "0.5"}, "--max-area", "whole number");
        assertUsageError(new String[] {"detect", "--input", "missing.avi", "--out", "d.csv", "--min-confidence", "2"}, "--min-confidence");
        assertUsageError(new String[] {"detect", "--input", "missing.avi", "--out", "d.csv", "--workers", "0"}, "--workers must be at least 1");
        assertUsageError(new String[] {"bench", "detect", "--root", "missing", "--detector", "motion", "--history", "100"},
                "motion settings cannot be added", "--history");
        assertUsageError(new String[] {"bench", "detect", "--root", "missing", "--min-confidence", "0.5"}, "--min-confidence", "--detector");
        assertUsageError(new String[] {"bench", "detect", "--root", "missing", "--blur", "4"}, "--blur");
        assertUsageError(new String[] {"bench", "cubes", "--frames", "0"}, "--frames");
        assertUsageError(new String[] {"evaluate", "--gt-format", "ucsd", "--gt", "g", "--frame-scores", "s.csv", "--json", "o.json",
                "--alpha", "2"}, "--alpha", "alpha must be in (0, 1]");
        assertUsageError(new String[] {"--verbose", "demo", "--quiet"}, "--verbose and --quiet");
        assertUsageError(new String[] {"bench"}, "say what to benchmark: cubes, detect, scenes, coco, nn, ped2");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrorsWithSuggestions() {
        String[] r = InProcessAed.run("evalute");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("'evalute'") && r[2].contains("evaluate"), r[2]);
        r = InProcessAed.run("demo", "--epoch", "3");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Unknown option") && r[2].contains("--epochs") && r[2].contains("./aed demo --help"), r[2]);
        r = InProcessAed.run("bench", "nnn");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("'nnn'"), r[2]);
    }

    @Test
    void benchCocoTimesDetectorsSideBySide() {
        String[] r = InProcessAed.run("bench", "coco", "--frames", "6", "--streams", "2", "--warmup-seconds", "0");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("2 streams at once") && r[1].contains("stream 2:") && r[1].contains("frames/s together"), r[1]);
        r = InProcessAed.run("bench", "coco", "--frames", "6", "--streams", "7");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--streams"), r[2]);
    }

    @Test
    void helpAndVersionExitWithZero() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}, {"help"}}) {
            String[] r = InProcessAed.run(args);
            assertEquals("0", r[0], String.join(" ", args));
            assertTrue(r[1].contains("Usage: aed") && r[1].contains("evaluate") && r[1].contains("custom-task"), r[1]);
        }
        for (String[] args : new String[][] {{"bench", "ped2", "--help"}, {"bench", "help", "ped2"}, {"help", "bench"}}) {
            String[] r = InProcessAed.run(args);
            assertEquals("0", r[0], String.join(" ", args));
            assertTrue(r[1].contains("Usage: aed bench"), r[1]);
        }
        String[] ped2 = InProcessAed.run("bench", "ped2", "--help");
        assertTrue(ped2[1].contains("--teacher") && ped2[1].contains("--seed=N") && ped2[1].contains("(default: 42)"), ped2[1]);
        String[] evaluate = InProcessAed.run("help", "evaluate");
        assertTrue(evaluate[1].contains("--single-class-videos=P") && evaluate[1].contains("(default: skip)"), evaluate[1]);
        String[] version = InProcessAed.run("--version");
        assertEquals("0", version[0]);
        assertTrue(version[1].matches("(?s)aed \\d+\\.\\d+\\.\\d+.*Java .*"), version[1]);
    }

    @Test
    void aMissingInputFileIsAOneLineErrorWithExitCodeOne() {
        String[] r = InProcessAed.run("info", "--input", "no-such-video.avi");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].startsWith("aed info: ") && r[2].contains("no-such-video.avi"), r[2]);
        assertFalse(r[2].contains("\tat "), "no stack trace: " + r[2]);
    }

    private static void assertUsageError(String[] args, String... expected) {
        String[] r = InProcessAed.run(args);
        assertEquals("2", r[0], String.join(" ", args) + ": " + r[1] + r[2]);
        for (String e : expected) {
            assertTrue(r[2].contains(e), String.join(" ", args) + ": expected '" + e + "' in:\n" + r[2]);
        }
        assertTrue(r[2].contains("--help' for the options"), r[2]);
    }
}
