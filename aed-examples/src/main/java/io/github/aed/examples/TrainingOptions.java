package io.github.aed.examples;

import io.github.aed.examples.cli.ProgressBar;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.examples.cli.UsageErrors;
import io.github.aed.examples.cli.VelocityOption;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.teacher.ConcatenatedTeacher;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherRegistry;
import io.github.aed.nn.train.LearningRateSchedule;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that shape the untrained network and its training, with the library's defaults
 * ({@link NetworkSettings#defaults()}, {@link TrainingSettings#defaults()}); shared by
 * every command that trains ({@code ./aed train}, {@code ./aed bench ped2}), so an option added here appears in both.
 */
final class TrainingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--variant", paramLabel = "VARIANT", description = "backbone: shallow-narrow, shallow-wide, deep-narrow or "
            + "deep-wide (default: ${DEFAULT-VALUE}; deep-wide is the reference's, ~12x the compute)")
    private BackboneVariant variant = NetworkSettings.defaults().variant();

    @Option(names = "--cube-size", paramLabel = "PX", description = "crop side in pixels, a multiple of 8, or 16 for deep "
            + "variants (default: ${DEFAULT-VALUE})")
    private int cubeSize = NetworkSettings.defaults().cubeSize();

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE})")
    private int epochs = TrainingSettings.defaults().epochs();

    @Option(names = "--max-samples-per-video", paramLabel = "N", description = "cap on training objects per video, spread "
            + "evenly; 0 = all (default: ${DEFAULT-VALUE})")
    private int maxSamplesPerVideo = TrainingSettings.defaults().maxSamplesPerVideo();

    @Option(names = "--learning-rate-schedule", paramLabel = "SCHEDULE", description = "constant or linear_decay: "
            + "the learning rate falling linearly to zero over the run (default: ${DEFAULT-VALUE})")
    private LearningRateSchedule learningRateSchedule = TrainingSettings.defaults().learningRateSchedule();

    @Option(names = "--batch", paramLabel = "N", description = "training batch size (default: ${DEFAULT-VALUE})")
    private int batch = TrainingSettings.defaults().batchSize();

    @Mixin
    private SeedOption seed = new SeedOption(TrainingSettings.defaults().seed());

    @Option(names = "--attributes", negatable = true, defaultValue = "true", fallbackValue = "true", description = "also "
            + "score objects by their attributes (speed and direction from optical flow, size at position, the detector's class "
            + "evidence), by density over the normal training objects (docs/attributes.md); --no-attributes for the "
            + "paper's proxy tasks alone (default: with attributes)")
    private boolean attributes = true;

    @Option(names = "--neighbour-share", paramLabel = "SHARE", description = "each attribute's k-NN distance averages "
            + "over this share of the normal training objects, at least 5 of them; 0 = the 5 nearest "
            + "(default: ${DEFAULT-VALUE})")
    private double neighbourShare = AttributeSettings.DEFAULT_NEIGHBOUR_SHARE;

    @Mixin
    private VelocityOption velocity = new VelocityOption();

    @Option(names = "--calibration", paramLabel = "BANK", description = "what the held-out normal objects that calibrate "
            + "each attribute's score are measured against: other_videos (a bank without their own video, as a new video's "
            + "objects are) or whole_bank (the former default) (default: ${DEFAULT-VALUE})")
    private AttributeSettings.Calibration calibration = AttributeSettings.defaults().calibration();

    @Option(names = "--teacher", paramLabel = "NAME[+NAME...]", description = {"what the distillation task learns to predict: "
            + "detector-class-scores (the default for detectors with classes), detector-confidence (the default otherwise), "
            + "hog-person-svm (OpenCV's HOG person SVM response), box-shape (the box's size and shape), or several side by "
            + "side, joined by +"})
    private String teacher;

    /**
     * Builds the untrained detector from these options and {@code objects}, trains it on {@code videos} (checkpointing
     * the best epoch to {@code staged}), writes it to {@code staged} and prints its settings before and after.
     *
     * @param from   where the videos come from, for the printout
     * @param model  the model file the user asked for, for the printout
     * @param staged where to write it: the {@link CommandOutputs} file staged for {@code model}
     * @return the trained detector
     */
    AnomalyDetector train(ObjectDetector objects, List<Video> videos, Path from, Path model, Path staged) {
        AnomalyDetector detector = untrained(objects, staged);
        System.out.println("training on " + videos.size() + " clips from " + from + "\n" + detector.describe());
        AnomalyDetector trained = detector.fit(videos);
        trained.save(staged);
        System.out.println("wrote " + model + "\n" + trained.describe());
        return trained;
    }

    /** The untrained detector these options describe, on {@code objects}, checkpointing to {@code checkpoint}. */
    private AnomalyDetector untrained(ObjectDetector objects, Path checkpoint) {
        NetworkSettings network = UsageErrors.withOption(command, "--variant/--cube-size", () -> NetworkSettings.defaults()
                .toBuilder().variant(variant).cubeSize(cubeSize).build());
        TrainingSettings.Builder training = TrainingSettings.defaults().toBuilder().checkpoint(checkpoint);
        UsageErrors.withOption(command, "--epochs", () -> training.epochs(epochs));
        UsageErrors.withOption(command, "--batch", () -> training.batchSize(batch));
        training.learningRateSchedule(learningRateSchedule);
        UsageErrors.withOption(command, "--max-samples-per-video", () -> training.maxSamplesPerVideo(maxSamplesPerVideo));
        AnomalyDetector.Builder b = AnomalyDetector.builder().detector(objects).network(network)
                .training(training.seed(seed.seed()).build()).addProgressListener(ProgressBar.forConsole());
        if (teacher != null) {
            b.teacher(teacher(Math.max(1, objects.classNames().size())));
        }
        if (!attributes) {
            b.attributes(AttributeSettings.none());
        } else {
            AttributeSettings base = velocity.applyTo(AttributeSettings.forDetector(objects));
            b.attributes(UsageErrors.withOption(command, "--neighbour-share",
                    () -> base.withNeighbours(base.neighbours(), neighbourShare)).withCalibration(calibration));
        }
        return b.build();
    }

    /** The {@code --teacher}: one registered name, or several joined by '+' (side by side), for {@code classes} classes. */
    private Teacher teacher(int classes) {
        TeacherRegistry registry = TeacherRegistry.defaults();
        List<Teacher> parts = new ArrayList<>();
        for (String name : teacher.split("\\+")) {
            parts.add(UsageErrors.withOption(command, "--teacher", () -> registry.create(name, Map.of("classes", Integer.toString(classes)))));
        }
        return parts.size() == 1 ? parts.get(0) : new ConcatenatedTeacher(parts);
    }
}
