package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.geometry.MaskComponents;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ComposedDetector;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.detect.PostProcessor;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.detect.motion.MotionSettings;
import io.github.aed.detect.motion.SubtractorKind;
import io.github.aed.examples.cli.UsageErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./aed bench detect}: the motion detector on UCSD Ped2. Recall of the ground-truth anomaly regions (one box per
 * 8-connected region of each test pixel mask, regions under 20 pixels ignored) at IoU 0.1 and 0.3, detections per
 * frame, and detection speed on one OpenCV thread. Also reports the detector's behaviour on the training clips, which
 * have no anomalies and no masks (boxes per frame), so that settings can be judged without the test masks.
 */
@Command(name = "detect", header = "a detector's recall of UCSD Ped2's anomaly regions, boxes per frame, speed",
        description = {"Runs the motion detector (its defaults unless the motion settings below override them), or the "
                + "detector --detector names (any ./aed detect spec, e.g. coco:nanodet, coco:nanodet+motion, default), on "
                + "every Ped2 test clip (every N-th frame with --every N), primed on the 16 training clips and/or unprimed "
                + "(--prime), and prints the recall of the anomaly regions of the pixel masks (8-connected, >= 20 px) at "
                + "IoU >= 0.1 and >= 0.3, boxes per frame, the classes of the boxes that find them, and frames/s of "
                + "detection alone (decoding excluded; one OpenCV thread, OMP_NUM_THREADS native threads for network "
                + "detectors).",
                "Recall is reported on the tuning split (the test clips numbered by --tune-clips, i.e. Test001-Test006 by "
                        + "default), on the held-out split (the other clips) and overall. Tune settings on the tuning split "
                        + "only: --report tune loads and reports the tuning clips alone, so that the held-out masks are not "
                        + "looked at while tuning.",
                "--nms, --max-per-frame, --min-area and --max-area (a FRACTION of the frame here) are motion settings, or "
                        + "with --detector ./aed detect's post-processing, as are --min-confidence, --classes and --nms-across."})
final class DetectBench implements Callable<Integer> {

    private static final int MIN_REGION_PIXELS = 20;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** The tuning split: Test001-Test006; Test007-Test012 are held out. */
    static final String DEFAULT_TUNING_CLIPS = "1-6";

    /** The options that are post-processing only, never motion settings. */
    private static final Set<String> POST_PROCESSING_ONLY = Set.of("--min-confidence", "--classes", "--nms-across");

    /** Which detectors run: primed on the training clips, unprimed, or both one after the other. */
    enum Priming { TRAIN, NONE, BOTH }

    /** Which test clips are loaded and reported. */
    enum Report { TUNE, ALL }

    @Spec
    private CommandSpec spec;

    @Mixin
    private Ped2RootOption ped2;

    @Option(names = "--detector", paramLabel = "SPEC", description = "run this detector (an ./aed detect spec) instead of the motion detector")
    private String detectorSpec;

    @Option(names = "--every", paramLabel = "N", description = "every N-th test frame only, N >= 1 (default: ${DEFAULT-VALUE})")
    private int every = 1;

    @Option(names = "--prime", paramLabel = "P", description = "train (primed on the training clips), none, or both (default: ${DEFAULT-VALUE})")
    private Priming prime = Priming.BOTH;

    @Option(names = "--train", description = "also report boxes per frame on the training clips")
    private boolean train;

    @Option(names = "--misses", description = "list the regions missed at IoU 0.1")
    private boolean misses;

    @Option(names = "--per-clip", description = "print the recall of every test clip")
    private boolean perClip;

    @Option(names = "--clips", paramLabel = "N", description = "the first N test clips only (default: all)")
    private int clips = Integer.MAX_VALUE;

    @Option(names = "--tune-clips", paramLabel = "LIST", converter = TuningClips.Converter.class, defaultValue = DEFAULT_TUNING_CLIPS,
            description = "the tuning split's clip numbers: numbers and ranges such as 1-6 or 1,3,5-7 (default: ${DEFAULT-VALUE})")
    private TuningClips tuning;

    @Option(names = "--report", paramLabel = "R", description = "tune (load and report the tuning clips alone) or all (default: ${DEFAULT-VALUE})")
    private Report report = Report.ALL;

    @Mixin
    private PostProcessingOptions postProcessing;

    @Mixin
    private MotionOptions motion;

    /** The clip numbers of {@code --tune-clips}. */
    record TuningClips(Set<Integer> numbers) {

        /** Reads {@link #clipNumbers}. */
        static final class Converter implements ITypeConverter<TuningClips> {
            @Override
            public TuningClips convert(String value) {
                return new TuningClips(clipNumbers(value));
            }
        }
    }

    @Override
    public Integer call() {
        if (every < 1) {
            throw UsageErrors.of(spec, "--every must be >= 1, got " + every);
        }
        List<String> given = spec.commandLine().getParseResult().matchedOptions().stream().map(OptionSpec::longestName).toList();
        List<String> motionSettingsGiven = spec.mixins().get("motion").options().stream().map(OptionSpec::longestName)
                .filter(given::contains).toList();
        if (detectorSpec != null && !motionSettingsGiven.isEmpty()) {
            throw UsageErrors.of(spec, "--detector runs the detector as its spec says, with ./aed detect's post-processing "
                    + "options; motion settings cannot be added to it: " + motionSettingsGiven);
        }
        List<String> postOnly = given.stream().filter(POST_PROCESSING_ONLY::contains).toList();
        if (detectorSpec == null && !postOnly.isEmpty()) {
            throw UsageErrors.of(spec, postOnly + " post-process the boxes of a --detector; the motion detector does not take them");
        }
        Supplier<ObjectDetector> detectors;
        if (detectorSpec == null) {
            MotionSettings.Builder motionSettings = motion.builder(postProcessing);
            detectors = motionSettings::build;
        } else {
            PostProcessor post = postProcessing.postProcessor();
            detectors = () -> composed(post);
        }
        Path root = ped2.root();
        Path test = root.resolve("Test");
        Path trainFolder = root.resolve("Train");
        if (!Files.isDirectory(test) || !Files.isDirectory(trainFolder)) {
            throw new InvalidInputException(root + ": expected the UCSD Ped2 layout with Train/ and Test/ folders");
        }
        Set<Integer> tuningClips = tuning.numbers();
        opencv_core.setNumThreads(1);
        List<Video> trainClips = Video.clipsIn(trainFolder);
        List<Path> testClips = testClips(test, clips).stream()
                .filter(p -> report == Report.ALL || tuningClips.contains(clipNumber(p))).toList();
        System.out.println("bench detect: UCSD Ped2 at " + root + ", " + testClips.size() + " test clips, one OpenCV thread"
                + (report == Report.TUNE ? ", tuning split only (held-out clips not loaded)" : ""));
        System.out.println("splits: tuning = test clips " + tuningClips.stream().sorted().toList() + ", held-out = the others");
        List<TestClip> loaded = new ArrayList<>();
        for (Path clip : testClips) {
            loaded.add(TestClip.load(clip, test.resolve(clip.getFileName() + "_gt"), tuningClips.contains(clipNumber(clip)), every));
        }
        long regions = loaded.stream().mapToLong(TestClip::regionCount).sum();
        System.out.printf(Locale.ROOT, "ground truth: %d anomaly regions in %d frames (8-connected mask regions >= %d px%s)%n",
                regions, loaded.stream().mapToInt(c -> c.frames.size()).sum(), MIN_REGION_PIXELS,
                every == 1 ? "" : ", every " + every + "th frame");
        for (boolean primed : prime == Priming.BOTH ? List.of(true, false) : List.of(prime == Priming.TRAIN)) {
            try (ObjectDetector detector = detectors.get()) {
                long t0 = System.nanoTime();
                if (primed) {
                    detector.prime(trainClips);
                }
                double primeSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.println();
                System.out.println(detector.describe());
                if (primed) {
                    System.out.printf(Locale.ROOT, "priming on %d training clips: %.1f s (decoding included)%n",
                            trainClips.size(), primeSeconds);
                }
                evaluate(detector, loaded, misses, perClip);
                if (train) {
                    trainBehaviour(detector, trainClips);
                }
            }
        }
        return 0;
    }

    /** The detector of --detector, with the post-processing if any. */
    private ObjectDetector composed(PostProcessor post) {
        ObjectDetector parsed = UsageErrors.withOption(spec, "--detector", () -> DetectorSpec.parse(detectorSpec));
        return post.equals(PostProcessor.NONE) ? parsed : ComposedDetector.builder().add(parsed).postProcessor(post).build();
    }

    /**
     * The motion detector's settings, each overriding its default when given. {@code --nms}, {@code --max-per-frame},
     * {@code --min-area} and {@code --max-area} are shared with {@link PostProcessingOptions}, whose values
     * {@link #builder} reads.
     */
    static final class MotionOptions {

        @Spec(Spec.Target.MIXEE)
        private CommandSpec command;

        @Option(names = "--subtractor", paramLabel = "KIND", description = "background model: mog2 or knn")
        private SubtractorKind subtractor;

        @Option(names = "--history", paramLabel = "N", description = "frames the background model remembers")
        private Integer history;

        @Option(names = "--threshold", paramLabel = "T", description = "the background model's foreground threshold")
        private Double threshold;

        @Option(names = "--shadows", description = "detect shadows and remove them from the foreground")
        private boolean shadows;

        @Option(names = "--learning-rate", paramLabel = "R", description = "the background model's learning rate (-1: automatic)")
        private Double learningRate;

        @Option(names = "--blur", paramLabel = "K", description = "blur kernel size (0: none)")
        private Integer blur;

        @Option(names = "--median", paramLabel = "K", description = "median filter size of the foreground mask (0: none)")
        private Integer median;

        @Option(names = "--open", paramLabel = "K", description = "morphological opening size (0: none)")
        private Integer open;

        @Option(names = "--close", paramLabel = "K", description = "morphological closing size (0: none)")
        private Integer close;

        @Option(names = "--min-component", paramLabel = "PX", description = "foreground components below this area are dropped")
        private Integer minComponent;

        @Option(names = "--merge-x", paramLabel = "PX", description = "merge boxes this close horizontally")
        private Integer mergeX;

        @Option(names = "--merge-y", paramLabel = "PX", description = "merge boxes this close vertically")
        private Integer mergeY;

        @Option(names = "--pad", paramLabel = "FRACTION", description = "pad each box by this fraction of its size")
        private Double pad;

        @Option(names = "--pad-px", paramLabel = "PX", description = "and by these pixels")
        private Integer padPixels;

        @Option(names = "--prime-frames", paramLabel = "N", description = "frames of the priming clips the model learns from")
        private Integer primeFrames;

        @Option(names = "--split", paramLabel = "K", description = "the opening size that splits touching objects into parts")
        private Integer split;

        @Option(names = "--frame-diff", paramLabel = "LEVELS", description = "frame-difference grey levels that count as motion (0: off)")
        private Integer frameDifference;

        @Option(names = "--valley", paramLabel = "RATIO", description = "split a box at a valley of its column profile this deep")
        private Double valley;

        @Option(names = "--overlap-exponent", paramLabel = "P", description = "the exponent of the IoU in the overlap selection under the per-frame cap")
        private Double overlapExponent;

        @Option(names = "--hold", paramLabel = "FRAMES", description = "selective background update: foreground under the last "
                + "frame's boxes is not learnt for up to this many frames in a row (0: off)")
        private Integer hold;

        /** The builder with every setting given here and the shared ones of {@code shared}; defaults elsewhere. */
        MotionSettings.Builder builder(PostProcessingOptions shared) {
            MotionSettings.Builder b = MotionDetector.builder();
            set("--subtractor", subtractor, b::subtractor);
            set("--overlap-exponent", overlapExponent, b::overlapExponent);
            b.detectShadows(shadows);
            set("--history", history, b::history);
            set("--threshold", threshold, b::threshold);
            set("--learning-rate", learningRate, b::learningRate);
            set("--blur", blur, b::blur);
            set("--frame-diff", frameDifference, b::frameDifference);
            set("--valley", valley, b::valleySplit);
            set("--median", median, b::median);
            set("--open", open, b::open);
            set("--close", close, b::close);
            set("--min-component", minComponent, b::minComponentArea);
            set("--split", split, b::split);
            set("--min-area", shared.minArea, b::minArea);
            set("--max-area", shared.maxArea, b::maxAreaFraction);
            set("--nms", shared.nmsIou, b::nmsIou);
            set("--max-per-frame", shared.maxPerFrame, b::maxDetections);
            set("--prime-frames", primeFrames, b::primeFrames);
            set("--hold", hold, b::holdFrames);
            try (MotionDetector defaults = b.build()) {
                MotionSettings d = defaults.settings();
                int x = mergeX != null ? mergeX : d.mergeGapX();
                int y = mergeY != null ? mergeY : d.mergeGapY();
                UsageErrors.withOption(command, "--merge-x/--merge-y", () -> b.mergeGap(x, y));
                double fraction = pad != null ? pad : d.padFraction();
                int pixels = padPixels != null ? padPixels : d.padPixels();
                UsageErrors.withOption(command, "--pad/--pad-px", () -> b.padding(fraction, pixels));
            }
            return b;
        }

        /** Applies a setting if it was given; the builder's rejection names the option. */
        private <T> void set(String option, T value, Consumer<T> setter) {
            if (value != null) {
                UsageErrors.withOption(command, option, () -> {
                    setter.accept(value);
                    return value;
                });
            }
        }
    }

    private static void evaluate(ObjectDetector detector, List<TestClip> clips, boolean listMisses, boolean perClip) {
        Recall tune = new Recall();
        Recall heldOut = new Recall();
        long boxes = 0;
        long frames = 0;
        int maxBoxes = 0;
        long nanos = 0;
        long cpuNanos = 0;
        long resetNanos = 0;
        Map<String, Integer> finders = new TreeMap<>();
        for (TestClip clip : clips) {
            Recall own = new Recall();
            long r = System.nanoTime();
            detector.reset();
            resetNanos += System.nanoTime() - r;
            for (int i = 0; i < clip.frames.size(); i++) {
                Frame f = clip.frames.get(i);
                long s = System.nanoTime();
                long c = CPU.getCurrentThreadCpuTime();
                List<Detection> ds = detector.detect(f);
                nanos += System.nanoTime() - s;
                cpuNanos += CPU.getCurrentThreadCpuTime() - c;
                boxes += ds.size();
                maxBoxes = Math.max(maxBoxes, ds.size());
                frames++;
                for (Box gt : clip.regions.get(i)) {
                    double best = 0;
                    Box bestBox = null;
                    String bestClass = null;
                    for (Detection d : ds) {
                        double iou = d.box().iou(gt);
                        if (iou > best) {
                            best = iou;
                            bestBox = d.box();
                            bestClass = d.className();
                        }
                    }
                    if (best >= 0.1) {
                        finders.merge(bestClass, 1, Integer::sum);
                    }
                    boolean edge = gt.xMin() == 0 || gt.yMin() == 0 || gt.xMax() == f.width() || gt.yMax() == f.height();
                    own.add(best, edge, bestBox != null && bestBox.area() > gt.area());
                    if (best < 0.1 && listMisses) {
                        System.out.printf(Locale.ROOT, "  miss %s frame %d %s best IoU %.2f%s%n", clip.name, i, gt, best,
                                edge ? " (at the image edge)" : "");
                    }
                }
            }
            (clip.tuning ? tune : heldOut).add(own);
            if (perClip) {
                own.print(clip.name);
            }
        }
        tune.print("tuning");
        heldOut.print("held-out");
        Recall all = new Recall();
        all.add(tune);
        all.add(heldOut);
        all.print("all");
        System.out.printf(Locale.ROOT, "boxes per frame: %.2f mean, %d max, over %d test frames%n",
                (double) boxes / frames, maxBoxes, frames);
        System.out.println("class of the best box of each region found at IoU 0.1: " + finders);
        System.out.printf(Locale.ROOT, "speed: %.0f frames/s (%.2f ms/frame, detection only, one thread, 360x240); "
                        + "%.0f frames/s of thread CPU time (%.2f ms/frame, unaffected by other processes' load)%n",
                frames / (nanos / 1e9), nanos / 1e6 / frames, frames / (cpuNanos / 1e9), cpuNanos / 1e6 / frames);
        System.out.printf(Locale.ROOT, "model start per video (reset, replaying the primed frames): %.0f ms%n",
                resetNanos / 1e6 / clips.size());
    }

    /** Recall counts of one split. */
    private static final class Recall {
        private long regions;
        private long found01;
        private long found03;
        private long edgeMisses;
        private long looseMisses03;

        /** One region: the IoU of its best detection, whether it touches the image edge, whether that box is larger. */
        void add(double bestIou, boolean atEdge, boolean bestLarger) {
            regions++;
            found01 += bestIou >= 0.1 ? 1 : 0;
            found03 += bestIou >= 0.3 ? 1 : 0;
            edgeMisses += bestIou < 0.1 && atEdge ? 1 : 0;
            looseMisses03 += bestIou < 0.3 && bestLarger ? 1 : 0;
        }

        void add(Recall other) {
            regions += other.regions;
            found01 += other.found01;
            found03 += other.found03;
            edgeMisses += other.edgeMisses;
            looseMisses03 += other.looseMisses03;
        }

        void print(String split) {
            if (regions == 0) {
                System.out.printf(Locale.ROOT, "recall %-8s: no regions evaluated%n", split);
                return;
            }
            System.out.printf(Locale.ROOT, "recall %-8s: %.4f at IoU>=0.1 (%d of %d regions), %.4f at IoU>=0.3 (%d); "
                            + "%d of the %d misses at IoU 0.1 touch the image edge; %d of the %d at IoU 0.3 have a "
                            + "best box larger than the region%n", split,
                    (double) found01 / regions, found01, regions, (double) found03 / regions, found03, edgeMisses,
                    regions - found01, looseMisses03, regions - found03);
        }
    }

    /**
     * The clip numbers of a list such as {@code 1-6} or {@code 1,3,5-7}: comma-separated numbers and inclusive ranges.
     *
     * @throws TypeConversionException if an item is not a positive number or a range from low to high
     */
    static Set<Integer> clipNumbers(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String item : list.split(",", -1)) {
            Matcher m = Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(item.trim());
            if (!m.matches()) {
                throw new TypeConversionException("expected clip numbers or ranges such as 1-6 or 1,3,5-7, got '"
                        + item + "' in '" + list + "'");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to < from) {
                throw new TypeConversionException("a range must go from a clip number >= 1 up, got '" + item + "'");
            }
            for (int n = from; n <= to; n++) {
                out.add(n);
            }
        }
        return out;
    }

    /** The number of a test clip folder such as {@code Test007}. */
    private static int clipNumber(Path clip) {
        return Integer.parseInt(clip.getFileName().toString().substring("Test".length()));
    }

    private static void trainBehaviour(ObjectDetector detector, List<Video> trainClips) {
        long boxes = 0;
        long frames = 0;
        long empty = 0;
        int max = 0;
        long boxArea = 0;
        for (Video v : trainClips) {
            detector.reset();
            try (FrameSource src = v.open()) {
                while (src.hasNext()) {
                    List<Detection> ds = detector.detect(src.next());
                    boxes += ds.size();
                    frames++;
                    empty += ds.isEmpty() ? 1 : 0;
                    max = Math.max(max, ds.size());
                    for (Detection d : ds) {
                        boxArea += d.box().area();
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "training clips: %.2f boxes per frame (max %d), %.1f%% frames without a box, "
                        + "mean box %.0f px%n", (double) boxes / frames, max, 100.0 * empty / frames,
                boxes == 0 ? 0.0 : (double) boxArea / boxes);
    }

    private static List<Path> testClips(Path test, int limit) {
        try (Stream<Path> s = Files.list(test)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("Test\\d+"))
                    .sorted().limit(limit).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + test, e);
        }
    }

    /** One test clip's frames in memory and the ground-truth regions of each frame. */
    private record TestClip(String name, List<Frame> frames, List<List<Box>> regions, boolean tuning) {

        static TestClip load(Path clip, Path masks, boolean tuning, int every) {
            List<Frame> all = new ArrayList<>();
            Video.imageFolder(clip).open().forEachRemainingAndClose(all::add);
            List<Path> maskFiles;
            try (Stream<Path> s = Files.list(masks)) {
                maskFiles = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + masks, e);
            }
            if (maskFiles.size() != all.size()) {
                throw new InvalidInputException(masks + ": " + maskFiles.size() + " masks for " + all.size() + " frames");
            }
            List<Frame> frames = new ArrayList<>();
            List<List<Box>> regions = new ArrayList<>();
            for (int i = 0; i < all.size(); i += every) {
                frames.add(all.get(i));
                regions.add(regionsOf(maskFiles.get(i)));
            }
            return new TestClip(clip.getFileName().toString(), frames, regions, tuning);
        }

        long regionCount() {
            return regions.stream().mapToLong(List::size).sum();
        }

        private static List<Box> regionsOf(Path mask) {
            try (Mat img = opencv_imgcodecs.imread(mask.toString(), opencv_imgcodecs.IMREAD_GRAYSCALE)) {
                if (img.empty()) {
                    throw new InvalidInputException(mask + ": not a readable mask image");
                }
                byte[] pixels = new byte[img.cols() * img.rows()];
                img.data().get(pixels);
                List<Box> out = new ArrayList<>();
                for (MaskComponents.Component c : MaskComponents.find(pixels, img.cols(), img.rows())) {
                    if (c.pixels() >= MIN_REGION_PIXELS) {
                        out.add(c.box());
                    }
                }
                return out;
            }
        }
    }
}
