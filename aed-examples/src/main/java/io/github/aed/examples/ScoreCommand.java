package io.github.aed.examples;

import io.github.aed.core.video.Video;
import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.examples.render.AnnotatedFrames;
import io.github.aed.examples.render.ScorePlot;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.VideoFileWriter;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.VideoScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code ./aed score}: scores videos with a trained model and writes the files {@code ./aed evaluate} reads. */
final class ScoreCommand implements Command {

    @Override
    public String name() {
        return "score";
    }

    @Override
    public String summary() {
        return "score videos with a model file; write SCORES.csv / REGIONS.csv for ./aed evaluate, and annotated video";
    }

    @Override
    public String usage() {
        return """
                usage: ./aed score --model M.aed (--input VIDEO_OR_DIR | --dataset ucsd|avenue|shanghaitech|folder --root PATH)
                                   --frame-scores OUT.csv [--regions OUT.csv] [--annotated OUT.avi_OR_DIR]
                                   [--detector SPEC] [--prime TRAIN_DIR] [--paper-protocol ped2|avenue|shanghaitech]
                                   [--tasks TASK,...] [--objects OUT.csv]

                  --input            a video, a frame folder, or a folder of clips
                  --dataset/--root   the dataset's test clips (ucsd ROOT/Test/*, avenue ROOT/testing_videos/*,
                                     shanghaitech ROOT/testing/frames/*, folder ROOT/test/*)
                  --detector         the object detector the model was trained with (default: default)
                  --prime            normal clips to prime the motion detector's background model with (default with
                                     --dataset: its training clips). Model files do not store the background model.
                  --paper-protocol   the SSMTL reference's scoring settings for that dataset: per-video min-max
                                     normalisation (transductive), block map, 3D mean filter, its temporal Gaussian.
                                     Default: the library's non-transductive settings.
                  --tasks            only these tasks make the object score (an ablation; default all), e.g.
                                     middle-box or arrow-of-time,distillation
                  --objects          every object with its box, detector class and confidence, combined score and
                                     the raw score of each task (for analysis)
                  --annotated        a file for one input video, a folder (one .avi per clip) otherwise

                The scoring settings are printed; evaluate the CSVs with ./aed evaluate.""";
    }

    @Override
    public int run(String[] args) throws Exception {
        Options o = Options.parse(name(), args, Set.of("model", "input", "dataset", "root", "frame-scores", "regions",
                "annotated", "prime", "paper-protocol", "tasks", "objects", "detector"), Set.of());
        AnomalyDetector detector = AnomalyDetector.load(o.requirePath("model"), TrainCommand.objectDetector(o));
        List<Video> videos;
        List<Video> prime;
        if (o.has("input") == o.has("dataset")) {
            throw new UsageException("give either --input or --dataset with --root");
        }
        if (o.has("input")) {
            Path input = o.requirePath("input");
            videos = isClipFolder(input) ? Video.clipsIn(input) : List.of(Video.at(input));
            prime = o.path("prime").map(Video::clipsIn).orElse(List.of());
        } else {
            DatasetLayout layout = DatasetLayout.of(o.require("dataset"));
            Path root = o.requirePath("root");
            videos = layout.testVideos(root);
            prime = o.path("prime").map(Video::clipsIn).orElseGet(() -> layout.trainingVideos(root));
        }
        if (o.has("paper-protocol")) {
            detector = detector.withScoring(ScoringSettings.ssmtlPaper(switch (o.require("paper-protocol")) {
                case "ped2" -> ScoringSettings.Dataset.PED2;
                case "avenue" -> ScoringSettings.Dataset.AVENUE;
                case "shanghaitech" -> ScoringSettings.Dataset.SHANGHAITECH;
                default -> throw new UsageException("--paper-protocol must be ped2, avenue or shanghaitech");
            }));
        }
        if (o.has("tasks")) {
            detector = detector.withScoring(detector.scoringSettings().toBuilder()
                    .scoredTasks(new LinkedHashSet<>(Arrays.asList(o.require("tasks").split(",")))).build());
        }
        if (!prime.isEmpty()) {
            detector.objectDetector().prime(prime);
        }
        System.out.println(detector.describe() + "\nprimed on " + prime.size() + " clips");
        List<VideoScores> scores = new ArrayList<>();
        for (Video v : videos) {
            scores.add(detector.score(v));
        }
        ScoreFiles.writeFrameScores(o.requirePath("frame-scores"), scores);
        if (o.has("regions")) {
            ScoreFiles.writeRegions(o.requirePath("regions"), scores);
        }
        if (o.has("objects")) {
            ScoreFiles.writeObjects(o.requirePath("objects"), scores);
        }
        if (o.has("annotated")) {
            Path target = o.requirePath("annotated");
            for (int i = 0; i < videos.size(); i++) {
                Path file = videos.size() == 1 && !Files.isDirectory(target) ? target
                        : Files.createDirectories(target).resolve(videos.get(i).name() + ".avi");
                writeAnnotated(file, videos.get(i), scores.get(i), null);
            }
        }
        System.out.println("scored " + videos.size() + " videos -> " + o.require("frame-scores")
                + o.get("regions").map(r -> ", " + r).orElse(""));
        return 0;
    }

    /** Writes the video with its boxes coloured by score and the score curve below (ground truth shaded if given). */
    static void writeAnnotated(Path file, Video video, VideoScores scores, int[] labels) {
        AnnotatedFrames renderer = new AnnotatedFrames(new ScorePlot.Series(video.name(), scores.frameScores(), labels));
        VideoFileWriter writer = null;
        try (FrameSource frames = video.open()) {
            for (ScoredFrame sf : scores.frames()) {
                Frame f = frames.next();
                if (writer == null) {
                    writer = VideoFileWriter.open(file, 10, f.width(), f.height() + AnnotatedFrames.PANEL_HEIGHT);
                }
                writer.write(renderer.render(f, sf.objects().stream()
                        .map(obj -> new AnnotatedFrames.ScoredBox(obj.detection().box(), obj.score())).toList()));
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
