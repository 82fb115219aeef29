package io.github.aed.examples;

import io.github.aed.core.video.Video;
import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.teacher.ConcatenatedTeacher;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherRegistry;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ./aed train}: trains the default detector on a dataset's normal training videos and writes a model file. */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train on a dataset's normal videos (motion detector + multi-task 3D CNN) and write a model file";
    }

    @Override
    public String usage() {
        return """
                usage: ./aed train --dataset ucsd|avenue|shanghaitech|folder --root PATH --model OUT.aed
                                   [--variant shallow-narrow|shallow-wide|deep-narrow|deep-wide] [--cube-size 32]
                                   [--epochs 10] [--max-samples-per-video 0] [--batch 64] [--seed 42]
                                   [--teacher detector-confidence|hog-person-svm|hog-person-svm+detector-confidence]

                  --dataset/--root   where the training clips are: ucsd ROOT/Train/*, avenue ROOT/training_videos/*.avi,
                                     shanghaitech ROOT/training/videos/*.avi, folder ROOT/train/* (videos or frame folders)
                  --variant          backbone (default shallow-narrow; deep-wide is the reference's, ~12x the compute)
                  --cube-size        crop side in pixels (multiple of 8, or 16 for deep variants)
                  --max-samples-per-video   cap on training objects per video, spread evenly (0 = all)
                  --teacher          what the distillation task learns to predict: the detector's confidence
                                     (default), OpenCV's HOG person SVM response, or both side by side

                The motion detector is primed on the training clips; progress (samples/s, losses, ETA) is logged.""";
    }

    @Override
    public int run(String[] args) {
        Options o = Options.parse(name(), args, Set.of("dataset", "root", "model", "variant", "cube-size", "epochs",
                "max-samples-per-video", "batch", "seed", "teacher"), Set.of());
        DatasetLayout layout = DatasetLayout.of(o.require("dataset"));
        Path root = o.requirePath("root");
        Path model = o.requirePath("model");
        List<Video> videos = layout.trainingVideos(root);
        AnomalyDetector detector = AnomalyDetector.builder()
                .network(network(o))
                .teacher(teacher(o.get("teacher").orElse(DetectorConfidenceTeacher.NAME)))
                .training(TrainingSettings.builder().epochs(o.intValue("epochs", 10)).batchSize(o.intValue("batch", 64))
                        .maxSamplesPerVideo(o.intValue("max-samples-per-video", 0)).seed(o.intValue("seed", 42))
                        .checkpoint(model).build())
                .build();
        System.out.println("training on " + videos.size() + " clips from " + root + "\n" + detector.describe());
        AnomalyDetector trained = detector.fit(videos);
        trained.save(model);
        System.out.println("wrote " + model + "\n" + trained.describe());
        return 0;
    }

    /** A teacher named as in the registry, or several joined by '+' (side by side); the detector has one class. */
    static Teacher teacher(String spec) {
        TeacherRegistry registry = TeacherRegistry.defaults();
        List<Teacher> parts = new ArrayList<>();
        for (String name : spec.split("\\+")) {
            try {
                parts.add(registry.create(name, Map.of("classes", "1")));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--teacher: " + e.getMessage());
            }
        }
        return parts.size() == 1 ? parts.get(0) : new ConcatenatedTeacher(parts);
    }

    static NetworkSettings network(Options o) {
        return NetworkSettings.builder()
                .variant(BackboneVariant.parse(o.get("variant").orElse("shallow-narrow")))
                .cubeSize(o.intValue("cube-size", 32)).build();
    }
}
