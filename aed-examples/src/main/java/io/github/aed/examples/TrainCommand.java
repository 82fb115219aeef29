package io.github.aed.examples;

import io.github.aed.core.video.Video;
import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.nn.teacher.ConcatenatedTeacher;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherRegistry;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./aed train}: trains the default detector on a dataset's normal training videos and writes a model file. The
 * options that shape the untrained detector ({@link #DETECTOR_OPTIONS}) and the training itself ({@link #train}) are
 * shared with every command that trains ({@code ./aed bench ped2}), so an option added here appears there too.
 */
final class TrainCommand implements Command {

    /** The options {@link #untrained} reads: network and training settings. */
    static final Set<String> DETECTOR_OPTIONS = Set.of("detector", "variant", "cube-size", "epochs", "max-samples-per-video",
            "batch", "seed", "teacher");

    /** Synopsis of {@link #DETECTOR_OPTIONS}, three lines, with {@link AnomalyDetector}'s defaults. */
    static final String DETECTOR_SYNOPSIS = String.format(java.util.Locale.ROOT, """
            [--detector SPEC] [--variant shallow-narrow|shallow-wide|deep-narrow|deep-wide] [--cube-size %d]
            [--epochs %d] [--max-samples-per-video %d] [--batch %d] [--seed %d]
            [--teacher detector-class-scores|detector-confidence|hog-person-svm|box-shape|NAME+NAME...]""",
            NetworkSettings.defaults().cubeSize(), TrainingSettings.defaults().epochs(),
            TrainingSettings.defaults().maxSamplesPerVideo(), TrainingSettings.defaults().batchSize(),
            TrainingSettings.defaults().seed());

    /** The {@link #DETECTOR_OPTIONS} that need explaining, one line each, indented by two, each ending in a newline. */
    static final String DETECTOR_HELP = """
              --detector         the object detector, as ./aed detect spells it (default: default, NanoDet with the
                                 motion detector's uncovered boxes); scoring must use the same one
              --variant          backbone (default shallow-narrow; deep-wide is the reference's, ~12x the compute)
              --cube-size        crop side in pixels (multiple of 8, or 16 for deep variants)
              --max-samples-per-video   cap on training objects per video, spread evenly (0 = all)
              --teacher          what the distillation task learns to predict: the detector's class scores
                                 (default for detectors with classes), its confidence (default otherwise),
                                 OpenCV's HOG person SVM response, the box's size and shape, or several side
                                 by side (joined by +)
            """;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train on a dataset's normal videos (object detector + multi-task 3D CNN) and write a model file";
    }

    @Override
    public String usage() {
        return """
                usage: ./aed train --dataset ucsd|avenue|shanghaitech|folder --root PATH --model OUT.aed
                """ + DETECTOR_SYNOPSIS.indent(19) + "\n" + DETECTOR_HELP + """
                  --dataset/--root   where the training clips are: ucsd ROOT/Train/*, avenue ROOT/training_videos/*.avi,
                                     shanghaitech ROOT/training/videos/*.avi, folder ROOT/train/* (videos or frame folders)

                The object detector is primed on the training clips (the motion detector learns its background);
                progress (samples/s, losses, ETA) is logged.""";
    }

    @Override
    public int run(String[] args) {
        Options o = Options.parse(name(), args, optionsWith("dataset", "root", "model"), Set.of());
        DatasetLayout layout = DatasetLayout.of(o.require("dataset"));
        Path root = o.requirePath("root");
        train(o, layout.trainingVideos(root), root, o.requirePath("model"));
        return 0;
    }

    /** {@link #DETECTOR_OPTIONS} and a command's own options. */
    static Set<String> optionsWith(String... own) {
        Set<String> all = new LinkedHashSet<>(DETECTOR_OPTIONS);
        all.addAll(List.of(own));
        return Set.copyOf(all);
    }

    /**
     * Builds the untrained detector from {@link #DETECTOR_OPTIONS}, trains it on {@code videos} (checkpointing the best
     * epoch to {@code model}), writes it to {@code model} and prints its settings before and after.
     *
     * @param from where the videos come from, for the printout
     * @return the trained detector
     */
    static AnomalyDetector train(Options o, List<Video> videos, Path from, Path model) {
        AnomalyDetector detector = untrained(o, model);
        System.out.println("training on " + videos.size() + " clips from " + from + "\n" + detector.describe());
        AnomalyDetector trained = detector.fit(videos);
        trained.save(model);
        System.out.println("wrote " + model + "\n" + trained.describe());
        return trained;
    }

    /**
     * The untrained detector that {@link #DETECTOR_OPTIONS} describe, checkpointing to {@code checkpoint}; options not
     * given keep {@link AnomalyDetector}'s defaults.
     */
    static AnomalyDetector untrained(Options o, Path checkpoint) {
        NetworkSettings.Builder network = NetworkSettings.defaults().toBuilder();
        o.get("variant").ifPresent(v -> network.variant(BackboneVariant.parse(v)));
        o.intOption("cube-size").ifPresent(network::cubeSize);
        TrainingSettings.Builder training = TrainingSettings.defaults().toBuilder().checkpoint(checkpoint);
        o.intOption("epochs").ifPresent(training::epochs);
        o.intOption("batch").ifPresent(training::batchSize);
        o.intOption("max-samples-per-video").ifPresent(training::maxSamplesPerVideo);
        o.intOption("seed").ifPresent(training::seed);
        ObjectDetector objects = objectDetector(o);
        AnomalyDetector.Builder b = AnomalyDetector.builder().detector(objects).network(network.build()).training(training.build());
        o.get("teacher").ifPresent(v -> b.teacher(teacher(v, Math.max(1, objects.classNames().size()))));
        return b.build();
    }

    /** The object detector {@code --detector} names, or the library's default. */
    static ObjectDetector objectDetector(Options o) {
        String spec = o.get("detector").orElse("default");
        try {
            return DetectorSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--detector: " + e.getMessage());
        }
    }

    /** A teacher named as in the registry, or several joined by '+' (side by side), for a detector of {@code classes}. */
    static Teacher teacher(String spec, int classes) {
        TeacherRegistry registry = TeacherRegistry.defaults();
        List<Teacher> parts = new ArrayList<>();
        for (String name : spec.split("\\+")) {
            try {
                parts.add(registry.create(name, Map.of("classes", Integer.toString(classes))));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--teacher: " + e.getMessage());
            }
        }
        return parts.size() == 1 ? parts.get(0) : new ConcatenatedTeacher(parts);
    }
}
