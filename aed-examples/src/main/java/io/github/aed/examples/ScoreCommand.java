package io.github.aed.examples;

import io.github.aed.examples.cli.ProgressBar;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.render.AnnotatedFrames;
import io.github.aed.examples.render.ScorePlot;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.DamagedVideoPolicy;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.VideoFileWriter;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.scoring.Normalisation;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.TaskWeighting;
import io.github.aed.nn.scoring.VideoScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./aed score}: scores videos with a trained model and writes the files {@code ./aed evaluate} reads. */
@Command(name = "score", header = "score videos with a model file; write SCORES.csv / REGIONS.csv for ./aed evaluate, and annotated video",
        description = "The scoring settings are printed; evaluate the CSVs with ./aed evaluate.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M.aed", description = "the trained model file")
    private Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    @Option(names = "--frame-scores", required = true, paramLabel = "OUT.csv", description = "frame scores: video,frame,score")
    private Path frameScores;

    @Option(names = "--regions", paramLabel = "OUT.csv", description = "region scores, one row per object, for RBDC/TBDC")
    private Path regions;

    @Option(names = "--annotated", paramLabel = "DIR", description = "a folder (created if missing) that receives one <clip>.avi "
            + "per scored clip, whatever the number of clips")
    private Path annotated;

    @Mixin
    private DetectorOption detector;

    @Mixin
    private VideoInputOption videoInput;

    @Option(names = "--prime", paramLabel = "TRAIN_DIR", description = "normal clips to prime the detector's background model "
            + "with again. Default: none for the model's own detector (the model file keeps what its priming learned); with "
            + "--detector and --dataset, the dataset's training clips.")
    private Path prime;

    @Option(names = "--paper-protocol", paramLabel = "DATASET", description = "ped2, avenue or shanghaitech: the SSMTL reference's "
            + "scoring settings for that dataset: per-video min-max normalisation (transductive), block map, 3D mean filter, "
            + "its temporal Gaussian. Default: the library's non-transductive settings.")
    private ScoringSettings.Dataset paperProtocol;

    @Option(names = "--normalisation", paramLabel = "MODE", description = "how each score is scaled before the sum: "
            + "training_quantiles (default: median → 0, 99th percentile → 1 on the model's normal validation objects), "
            + "training_min_max (their minimum and maximum, the former default), per_video_min_max (transductive) or none; "
            + "after --paper-protocol, overrides its normalisation")
    private Normalisation normalisation;

    @Option(names = "--task-weighting", paramLabel = "MODE", description = "what the proxy tasks weigh in the sum: shared "
            + "(default: the network's tasks share a weight of 1, each attribute weighs 1) or each_one (every task weighs 1, "
            + "as the paper sums them; the default after --paper-protocol)")
    private TaskWeighting taskWeighting;

    @Option(names = "--fusion-weights", description = "weigh each task and attribute by the weights the model chose at "
            + "training from pseudo-anomalies (default: see --task-weighting)")
    private boolean fusionWeights;

    @Option(names = "--tasks", paramLabel = "TASK", split = ",", description = "only these tasks make the object score (an "
            + "ablation; default all), e.g. middle-box or arrow-of-time,distillation")
    private List<String> tasks;

    @Option(names = "--objects", paramLabel = "OUT.csv", description = "every object with its box, detector class and confidence, "
            + "combined score and the raw score of each task (for analysis)")
    private Path objects;

    /** What to score: videos, or a dataset's test clips. */
    static final class Input {
        @Option(names = "--input", required = true, paramLabel = "VIDEO_OR_DIR", description = "a video, a frame folder, or a folder of clips")
        private Path path;

        @ArgGroup(exclusive = false)
        private DatasetOptions dataset;
    }

    @Override
    public Integer call() throws Exception {
        Optional<ObjectDetector> given = this.detector.given();
        DamagedVideoPolicy damaged = videoInput.policy();
        List<Video> videos;
        List<Video> primeWith;
        List<Path> inputs = new ArrayList<>(List.of(model));
        if (input.path != null) {
            videos = isClipFolder(input.path) ? Video.clipsIn(input.path, damaged) : List.of(Video.at(input.path, damaged));
            primeWith = prime == null ? List.of() : Video.clipsIn(prime, damaged);
            inputs.add(input.path);
        } else {
            videos = input.dataset.layout().testVideos(input.dataset.root(), damaged);
            primeWith = prime != null ? Video.clipsIn(prime, damaged)
                    : given.isPresent() ? input.dataset.layout().trainingVideos(input.dataset.root(), damaged) : List.of();
        }
        if (prime != null) {
            inputs.add(prime);
        }
        try (CommandOutputs outputs = new CommandOutputs(inputs)) {
            Path scoresFile = outputs.file(frameScores, "--frame-scores");
            Path regionsFile = regions == null ? null : outputs.file(regions, "--regions");
            Path objectsFile = objects == null ? null : outputs.file(objects, "--objects");
            List<Path> annotatedFiles = new ArrayList<>();
            if (annotated != null) {
                outputs.folder(annotated, "--annotated");
                for (Video v : videos) {
                    annotatedFiles.add(outputs.file(annotated.resolve(v.name() + ".avi"), "--annotated"));
                }
            }
            InputChecks.primingMatches(primeWith, videos, "--prime");
            AnomalyDetector detector = loaded(given, primeWith);
            System.out.println(detector.describe() + (primeWith.isEmpty() ? "" : "\nprimed again on " + primeWith.size() + " clips"));
            List<VideoScores> scores = new ArrayList<>();
            for (Video v : videos) {
                scores.add(detector.score(v));
            }
            ScoreFiles.writeFrameScores(scoresFile, scores);
            if (regionsFile != null) {
                ScoreFiles.writeRegions(regionsFile, scores);
            }
            if (objectsFile != null) {
                ScoreFiles.writeObjects(objectsFile, scores);
            }
            for (int i = 0; i < annotatedFiles.size(); i++) {
                writeAnnotated(annotatedFiles.get(i), videos.get(i), scores.get(i), null, attributeNames(detector));
            }
            outputs.commit();
        }
        System.out.println("scored " + videos.size() + " videos -> " + frameScores + (regions == null ? "" : ", " + regions)
                + (annotated == null ? "" : ", annotated video in " + annotated));
        return 0;
    }

    /** The model with its detector (or the given one), primed again if asked, with the scoring options applied. */
    private AnomalyDetector loaded(Optional<ObjectDetector> given, List<Video> primeWith) {
        AnomalyDetector detector;
        if (given.isPresent()) {
            if (!primeWith.isEmpty()) {
                given.get().prime(primeWith);
            }
            detector = AnomalyDetector.load(model, given.get());
        } else {
            detector = AnomalyDetector.load(model);
            if (!primeWith.isEmpty()) {
                detector.objectDetector().prime(primeWith);
            }
        }
        detector = detector.withProgress(List.of(ProgressBar.forConsole()));
        if (paperProtocol != null) {
            detector = detector.withScoring(ScoringSettings.ssmtlPaper(paperProtocol));
        }
        if (normalisation != null) {
            detector = withNormalisation(detector, normalisation);
        }
        if (taskWeighting != null) {
            detector = withTaskWeighting(detector, taskWeighting);
        }
        if (fusionWeights) {
            detector = withFusionWeights(detector);
        }
        if (tasks != null) {
            detector = detector.withScoring(detector.scoringSettings().toBuilder().scoredTasks(new LinkedHashSet<>(tasks)).build());
        }
        return detector;
    }

    /** The detector scoring with this normalisation instead of its scoring settings' one. */
    static AnomalyDetector withNormalisation(AnomalyDetector detector, Normalisation normalisation) {
        return detector.withScoring(detector.scoringSettings().toBuilder().normalisation(normalisation).build());
    }

    /** The detector scoring with this task weighting instead of its scoring settings' one. */
    static AnomalyDetector withTaskWeighting(AnomalyDetector detector, TaskWeighting weighting) {
        return detector.withScoring(detector.scoringSettings().toBuilder().taskWeighting(weighting).build());
    }

    /** The detector scoring with the fusion weights its model chose at training instead of its scoring settings' weights. */
    static AnomalyDetector withFusionWeights(AnomalyDetector detector) {
        return detector.withScoring(detector.scoringSettings().toBuilder()
                .weights(detector.model().orElseThrow().fusionWeights().weights()).build());
    }

    /** The names of the model's attribute scores. */
    static List<String> attributeNames(AnomalyDetector detector) {
        return detector.model().orElseThrow().attributes().stream().map(AttributeDensity::name).toList();
    }

    /**
     * Why an object is unusual: the attribute with the highest calibrated score, when it is at least 1 (beyond the
     * upper quantile of normal held-out objects), as {@code "velocity 3.2"}; else empty.
     */
    static String reason(ScoredObject object, List<String> attributes) {
        String best = "";
        double bestScore = 1;
        for (String a : attributes) {
            Double v = object.rawByTask().get(a);
            if (v != null && v >= bestScore) {
                bestScore = v;
                best = String.format(Locale.ROOT, "%s %.1f", a, v);
            }
        }
        return best;
    }

    /**
     * Writes the video with its boxes coloured by score and labelled with their most unusual attribute, and the score
     * curve below (ground truth shaded if given).
     */
    static void writeAnnotated(Path file, Video video, VideoScores scores, int[] labels, List<String> attributes) {
        AnnotatedFrames renderer = new AnnotatedFrames(new ScorePlot.Series(video.name(), scores.frameScores(), labels));
        VideoFileWriter writer = null;
        try (FrameSource frames = video.open()) {
            for (ScoredFrame sf : scores.frames()) {
                Frame f = frames.next();
                if (writer == null) {
                    writer = VideoFileWriter.open(file, 10, f.width(), f.height() + AnnotatedFrames.PANEL_HEIGHT);
                }
                writer.write(renderer.render(f, sf.objects().stream()
                        .map(obj -> new AnnotatedFrames.ScoredBox(obj.detection().box(), obj.score(), reason(obj, attributes))).toList()));
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }

    static boolean isClipFolder(Path input) {
        if (!Files.isDirectory(input)) {
            return false;
        }
        try {
            Video.imageFolder(input).open().close();
            return false;
        } catch (io.github.aed.core.InvalidInputException noFrames) {
            return true;
        }
    }
}
