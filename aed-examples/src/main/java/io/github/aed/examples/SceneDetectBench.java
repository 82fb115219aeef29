package io.github.aed.examples;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.AnomalyTrack;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneFamily;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.ComposedDetector;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.PostProcessor;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.examples.cli.UsageErrors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.bytedeco.opencv.global.opencv_core;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed bench scenes}: a detector's recall of every kind of object in generated scene families, where every
 * object's box is known: the normal walkers and each {@link AnomalyKind} (a loiterer counts while it stands), at IoU 0.1
 * and 0.3, with boxes per frame and the boxes that cover no object, so that a detector that finds more by drawing more
 * boxes shows it.
 */
@Command(name = "scenes", header = "a detector's recall per object kind (walkers, cyclists, runners, loiterers, ...) on generated scene families",
        description = {"For each --family: generates --train-videos normal videos (the detector is primed on them) and, for "
                + "every anomaly kind, --videos test videos of --frames frames with one object of that kind; runs the motion "
                + "detector (its defaults unless the motion settings below override them) or --detector on every test frame, "
                + "and prints, per kind and for the normal walkers, the recall of the objects' boxes at IoU >= 0.1 and >= 0.3 "
                + "(a loiterer counts while it stands; boxes under " + SceneDetectBench.MIN_BOX_PIXELS + " px, e.g. an "
                + "object entering at the image edge, are not counted), the boxes per frame, and the boxes per frame that "
                + "overlap no object (IoU < 0.1).",
                "--nms, --max-per-frame, --min-area and --max-area (a FRACTION of the frame here) are motion settings, or "
                        + "with --detector ./aed detect's post-processing, as are --min-confidence, --classes and --nms-across."})
final class SceneDetectBench implements Callable<Integer> {

    /** Object boxes with a smaller area (figures just entering at the image edge) are not counted. */
    static final int MIN_BOX_PIXELS = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--family", paramLabel = "NAME", split = ",",
            description = "scene families (presets: classic, walkway, street, plaza; default: all)")
    private List<String> families = SceneFamily.presetNames();

    @Option(names = "--detector", paramLabel = "SPEC", description = "run this detector (an ./aed detect spec) instead of the motion detector")
    private String detectorSpec;

    @Option(names = "--train-videos", paramLabel = "N", description = "normal videos the detector is primed on (default: ${DEFAULT-VALUE})")
    private int trainVideos = 4;

    @Option(names = "--videos", paramLabel = "N", description = "test videos per anomaly kind (default: ${DEFAULT-VALUE})")
    private int videos = 3;

    @Option(names = "--frames", paramLabel = "N", description = "frames per video (default: ${DEFAULT-VALUE})")
    private int frames = 200;

    @Option(names = "--walkers", paramLabel = "N", description = "walkers on screen (default: ${DEFAULT-VALUE})")
    private int walkers = 5;

    @Mixin
    private SeedOption seed = new SeedOption(1);

    @Mixin
    private PostProcessingOptions postProcessing;

    @Mixin
    private DetectBench.MotionOptions motion;

    @Override
    public Integer call() {
        if (trainVideos < 1 || videos < 1 || frames < 30) {
            throw UsageErrors.of(spec, "need --train-videos >= 1, --videos >= 1 and --frames >= 30, got " + trainVideos
                    + ", " + videos + ", " + frames);
        }
        Supplier<ObjectDetector> detectors;
        if (detectorSpec == null) {
            detectors = motion.builder(postProcessing)::build;
        } else {
            PostProcessor post = postProcessing.postProcessor();
            ObjectDetector probe = UsageErrors.withOption(spec, "--detector", () -> DetectorSpec.parse(detectorSpec));
            probe.close();
            detectors = () -> {
                ObjectDetector d = DetectorSpec.parse(detectorSpec);
                return post.equals(PostProcessor.NONE) ? d : ComposedDetector.builder().add(d).postProcessor(post).build();
            };
        }
        opencv_core.setNumThreads(1);
        for (String name : families) {
            SceneFamily family = UsageErrors.withOption(spec, "--family", () -> SceneFamily.named(name));
            run(family, detectors);
        }
        return 0;
    }

    private void run(SceneFamily family, Supplier<ObjectDetector> detectors) {
        SceneGenerator normal = SceneGenerator.builder().family(family).frames(frames).walkers(walkers).seed(seed.seed()).build();
        List<GeneratedVideo> train = new ArrayList<>();
        for (int v = 0; v < trainVideos; v++) {
            train.add(normal.generate(String.format(Locale.ROOT, "Train%03d", v + 1), v));
        }
        List<GeneratedVideo> test = new ArrayList<>();
        for (AnomalyKind kind : AnomalyKind.values()) {
            for (int v = 0; v < videos; v++) {
                SceneGenerator g = normal.toBuilder().anomaly(kind, frames / 6, 2 * frames / 3).build();
                test.add(g.generate(String.format(Locale.ROOT, "Test%03d", test.size() + 1), 1000 + test.size()));
            }
        }
        System.out.println();
        System.out.println("bench scenes: " + family.describe() + ", seed " + seed.seed() + ", " + trainVideos
                + " normal videos for priming, " + videos + " test videos of " + frames + " frames per anomaly kind, "
                + walkers + " walkers");
        try (ObjectDetector detector = detectors.get()) {
            detector.prime(train.stream().map(GeneratedVideo::asVideo).toList());
            System.out.println(detector.describe());
            Map<AnomalyKind, Recall> byKind = new EnumMap<>(AnomalyKind.class);
            Recall walking = new Recall();
            long boxes = 0;
            long stray = 0;
            long frameCount = 0;
            for (GeneratedVideo video : test) {
                detector.reset();
                for (int f = 0; f < video.frames().size(); f++) {
                    Frame frame = video.frames().get(f);
                    List<Box> found = detector.detect(frame).stream().map(Detection::box).toList();
                    boxes += found.size();
                    frameCount++;
                    Set<Box> abnormal = new HashSet<>();
                    for (AnomalyTrack t : video.tracks()) {
                        Box b = t.boxes().get(f);
                        if (b != null) {
                            abnormal.add(b);
                            if (b.area() >= MIN_BOX_PIXELS) {
                                byKind.computeIfAbsent(t.kind(), k -> new Recall()).add(bestIou(b, found));
                            }
                        }
                    }
                    List<Box> objects = video.objects().get(f);
                    for (Box b : objects) {
                        if (!abnormal.contains(b) && b.area() >= MIN_BOX_PIXELS) {
                            walking.add(bestIou(b, found));
                        }
                    }
                    for (Box d : found) {
                        if (bestIou(d, objects) < 0.1) {
                            stray++;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  %-12s %8s %10s %10s%n", "object", "boxes", "IoU>=0.1", "IoU>=0.3");
            walking.print("walker");
            byKind.forEach((k, r) -> r.print(k.name().toLowerCase(Locale.ROOT)));
            System.out.printf(Locale.ROOT, "  boxes per frame: %.2f, of which %.2f overlap no object (IoU < 0.1), over %d frames%n",
                    (double) boxes / frameCount, (double) stray / frameCount, frameCount);
        }
    }

    private static double bestIou(Box box, List<Box> candidates) {
        double best = 0;
        for (Box c : candidates) {
            best = Math.max(best, box.iou(c));
        }
        return best;
    }

    /** Recall counts of one kind of object. */
    private static final class Recall {
        private long objects;
        private long found01;
        private long found03;

        void add(double bestIou) {
            objects++;
            found01 += bestIou >= 0.1 ? 1 : 0;
            found03 += bestIou >= 0.3 ? 1 : 0;
        }

        void print(String kind) {
            System.out.printf(Locale.ROOT, "  %-12s %8d %10.3f %10.3f%n", kind, objects, (double) found01 / objects,
                    (double) found03 / objects);
        }
    }
}
