package io.github.aed.examples;

import io.github.aed.examples.cli.ProgressBar;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.render.AnnotatedFrames;
import io.github.aed.examples.render.ScorePlot;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.VideoFileWriter;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.ScoringSettings;
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

    @Option(names = "--annotated", paramLabel = "OUT.avi_OR_DIR", description = "a file for one input video, a folder (one .avi per clip) otherwise")
    private Path annotated;

    @Mixin
    private DetectorOption detector;

    @Option(names = "--prime", paramLabel = "TRAIN_DIR", description = "normal clips to prime the detector's background model "
            + "with again. Default: none for the model's own detector (the model file keeps what its priming learned); with "
            + "--detector and --dataset, the dataset's training clips.")
    private Path prime;

    @Option(names = "--paper-protocol", paramLabel = "DATASET", description = "ped2, avenue or shanghaitech: the SSMTL reference's "
            + "scoring settings for that dataset: per-video min-max normalisation (transductive), block map, 3D mean filter, "
            + "its temporal Gaussian. Default: the library's non-transductive settings.")
    private ScoringSettings.Dataset paperProtocol;

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
        List<Video> videos;
        List<Video> primeWith;
        if (input.path != null) {
            videos = isClipFolder(input.path) ? Video.clipsIn(input.path) : List.of(Video.at(input.path));
            primeWith = prime == null ? List.of() : Video.clipsIn(prime);
        } else {
            videos = input.dataset.layout().testVideos(input.dataset.root());
            primeWith = prime != null ? Video.clipsIn(prime)
                    : given.isPresent() ? input.dataset.layout().trainingVideos(input.dataset.root()) : List.of();
        }
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
        if (tasks != null) {
            detector = detector.withScoring(detector.scoringSettings().toBuilder().scoredTasks(new LinkedHashSet<>(tasks)).build());
        }
        System.out.println(detector.describe() + (primeWith.isEmpty() ? "" : "\nprimed again on " + primeWith.size() + " clips"));
        List<VideoScores> scores = new ArrayList<>();
        for (Video v : videos) {
            scores.add(detector.score(v));
        }
        ScoreFiles.writeFrameScores(frameScores, scores);
        if (regions != null) {
            ScoreFiles.writeRegions(regions, scores);
        }
        if (objects != null) {
            ScoreFiles.writeObjects(objects, scores);
        }
        if (annotated != null) {
            for (int i = 0; i < videos.size(); i++) {
                Path file = videos.size() == 1 && !Files.isDirectory(annotated) ? annotated
                        : Files.createDirectories(annotated).resolve(videos.get(i).name() + ".avi");
                writeAnnotated(file, videos.get(i), scores.get(i), null, attributeNames(detector));
            }
        }
        System.out.println("scored " + videos.size() + " videos -> " + frameScores + (regions == null ? "" : ", " + regions));
        return 0;
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
