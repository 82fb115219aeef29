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
import io.github.aed.detect.motion.ProposalRanking;
import io.github.aed.detect.motion.SubtractorKind;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
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
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code ./aed bench detect}: the motion detector on UCSD Ped2. Recall of the ground-truth anomaly regions (one box per
 * 8-connected region of each test pixel mask, regions under 20 pixels ignored) at IoU 0.1 and 0.3, detections per
 * frame, and detection speed on one OpenCV thread. Also reports the detector's behaviour on the training clips, which
 * have no anomalies and no masks (boxes per frame), so that settings can be judged without the test masks.
 */
final class DetectBench {

    /** Options of {@code bench detect}, all but --root optional overrides of the motion detector's defaults. */
    static final Set<String> VALUED = Set.of("root", "detector", "every", "prime", "clips", "tune-clips", "report", "subtractor", "history", "threshold", "open", "close",
            "blur", "median", "min-component", "min-area", "max-area", "merge-x", "merge-y", "pad", "pad-px", "prime-frames",
            "learning-rate", "parts", "split", "nms", "max-per-frame", "frame-diff", "valley",
            "valley-first", "ranking", "overlap-exponent", "part-weight", "min-confidence", "classes");
    static final Set<String> FLAGS = Set.of("shadows", "train", "misses", "per-clip", DetectCommand.POST_FLAG);
    /** The options that are not motion-detector settings. */
    private static final Set<String> GENERAL = Set.of("root", "detector", "every", "prime", "clips", "tune-clips", "report");

    static final String USAGE = """
            detect  ./aed bench detect --root ../shared/data/ucsd-ped2 [--detector SPEC] [--every N] [--prime train|none|both]
                        [--train] [--misses] [--per-clip] [--clips N] [--tune-clips 1-6] [--report tune|all] [motion settings: --subtractor mog2|knn --history N --threshold T --shadows
                         --learning-rate R --blur K --median K --open K --close K --min-component PX --min-area PX
                         --max-area FRACTION --merge-x PX --merge-y PX --pad FRACTION --pad-px PX --prime-frames N
                         --parts true|false --split K --nms IOU --max-per-frame N --frame-diff LEVELS
                         --valley RATIO --valley-first true|false --ranking tiers|overlap
                         --overlap-exponent P --part-weight W]
                    runs the motion detector (defaults unless overridden), or the detector --detector names (any
                    ./aed detect spec, e.g. coco:nanodet, coco:nanodet+motion, default; with --detector, --nms,
                    --nms-across, --max-per-frame, --min-confidence, --classes, --min-area and --max-area are
                    ./aed detect's post-processing), on every Ped2 test clip
                    (every N-th frame with --every N), primed on the
                    16 training clips and/or unprimed (--prime, default both), and prints the recall of the anomaly
                    regions of the pixel masks (8-connected, >= 20 px) at IoU >= 0.1 and >= 0.3, boxes per frame,
                    the classes of the boxes that find them, and frames/s of detection alone (decoding excluded; one
                    OpenCV thread, OMP_NUM_THREADS native threads for network detectors). --train also reports
                    boxes per frame on the training clips; --misses lists the regions missed at IoU 0.1; --per-clip
                    prints the recall of every test clip.
                    Recall is reported on the tuning split (the test clips numbered by --tune-clips, default 1-6,
                    i.e. Test001-Test006), on the held-out split (the other clips) and overall. Tune settings on
                    the tuning split only: --report tune loads and reports the tuning clips alone, so that the
                    held-out masks are not looked at while tuning.""";

    private static final int MIN_REGION_PIXELS = 20;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** The tuning split: Test001-Test006; Test007-Test012 are held out. */
    static final String DEFAULT_TUNING_CLIPS = "1-6";

    private DetectBench() {
    }

    static void run(Options o) {
        Path root = o.requirePath("root");
        Path test = root.resolve("Test");
        Path train = root.resolve("Train");
        if (!Files.isDirectory(test) || !Files.isDirectory(train)) {
            throw new InvalidInputException(root + ": expected the UCSD Ped2 layout with Train/ and Test/ folders");
        }
        String prime = o.get("prime").orElse("both");
        if (!Set.of("train", "none", "both").contains(prime)) {
            throw new UsageException("--prime must be train, none or both, got '" + prime + "'");
        }
        String report = o.get("report").orElse("all");
        if (!Set.of("tune", "all").contains(report)) {
            throw new UsageException("--report must be tune or all, got '" + report + "'");
        }
        Set<Integer> tuning = clipNumbers(o.get("tune-clips").orElse(DEFAULT_TUNING_CLIPS));
        opencv_core.setNumThreads(1);
        String spec = o.get("detector").orElse(null);
        if (spec != null && (o.has("shadows") || VALUED.stream().anyMatch(n -> !GENERAL.contains(n)
                && !DetectCommand.POST_VALUED.contains(n) && o.has(n)))) {
            throw new UsageException("--detector runs the detector as its spec says, with ./aed detect's post-processing "
                    + "options " + DetectCommand.POST_VALUED + "; motion settings cannot be added to it");
        }
        PostProcessor post = spec != null ? DetectCommand.postProcessor(o) : PostProcessor.NONE;
        MotionSettings.Builder builder = motionBuilder(o);
        int every = o.intValue("every", 1);
        if (every < 1) {
            throw new UsageException("--every must be >= 1, got " + every);
        }
        List<Video> trainClips = Video.clipsIn(train);
        List<Path> testClips = testClips(test, o.intValue("clips", Integer.MAX_VALUE)).stream()
                .filter(p -> report.equals("all") || tuning.contains(clipNumber(p))).toList();
        System.out.println("bench detect: UCSD Ped2 at " + root + ", " + testClips.size() + " test clips, one OpenCV thread"
                + (report.equals("tune") ? ", tuning split only (held-out clips not loaded)" : ""));
        System.out.println("splits: tuning = test clips " + tuning.stream().sorted().toList() + ", held-out = the others");
        List<TestClip> loaded = new ArrayList<>();
        for (Path clip : testClips) {
            loaded.add(TestClip.load(clip, test.resolve(clip.getFileName() + "_gt"), tuning.contains(clipNumber(clip)), every));
        }
        long regions = loaded.stream().mapToLong(TestClip::regionCount).sum();
        System.out.printf(Locale.ROOT, "ground truth: %d anomaly regions in %d frames (8-connected mask regions >= %d px%s)%n",
                regions, loaded.stream().mapToInt(c -> c.frames.size()).sum(), MIN_REGION_PIXELS,
                every == 1 ? "" : ", every " + every + "th frame");
        for (boolean primed : prime.equals("both") ? List.of(true, false) : List.of(prime.equals("train"))) {
            try (ObjectDetector detector = spec == null ? builder.build() : post.equals(PostProcessor.NONE)
                    ? DetectorSpec.parse(spec) : ComposedDetector.builder().add(DetectorSpec.parse(spec)).postProcessor(post).build()) {
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
                evaluate(detector, loaded, o.has("misses"), o.has("per-clip"));
                if (o.has("train")) {
                    trainBehaviour(detector, trainClips);
                }
            }
        }
    }

    static MotionSettings.Builder motionBuilder(Options o) {
        MotionSettings.Builder b = MotionDetector.builder();
        o.get("subtractor").ifPresent(v -> b.subtractor(switch (v.toLowerCase(Locale.ROOT)) {
            case "mog2" -> SubtractorKind.MOG2;
            case "knn" -> SubtractorKind.KNN;
            default -> throw new UsageException("--subtractor must be mog2 or knn, got '" + v + "'");
        }));
        o.get("ranking").ifPresent(v -> b.ranking(switch (v.toLowerCase(Locale.ROOT)) {
            case "tiers" -> ProposalRanking.TIERS;
            case "overlap" -> ProposalRanking.OVERLAP;
            default -> throw new UsageException("--ranking must be tiers or overlap, got '" + v + "'");
        }));
        ifDouble(o, "overlap-exponent", b::overlapExponent);
        ifDouble(o, "part-weight", b::partWeight);
        o.get("parts").ifPresent(v -> b.parts(bool("parts", v)));
        o.get("valley-first").ifPresent(v -> b.valleyPiecesFirst(bool("valley-first", v)));
        if (o.has("shadows")) {
            b.detectShadows(true);
        }
        ifInt(o, "history", b::history);
        ifDouble(o, "threshold", b::threshold);
        ifDouble(o, "learning-rate", b::learningRate);
        ifInt(o, "blur", b::blur);
        ifInt(o, "frame-diff", b::frameDifference);
        ifDouble(o, "valley", b::valleySplit);
        ifInt(o, "median", b::median);
        ifInt(o, "open", b::open);
        ifInt(o, "close", b::close);
        ifInt(o, "min-component", b::minComponentArea);
        ifInt(o, "split", b::split);
        ifInt(o, "min-area", b::minArea);
        ifDouble(o, "max-area", b::maxAreaFraction);
        ifDouble(o, "nms", b::nmsIou);
        ifInt(o, "max-per-frame", b::maxDetections);
        ifInt(o, "prime-frames", b::primeFrames);
        try (MotionDetector defaults = b.build()) {
            MotionSettings d = defaults.settings();
            b.mergeGap(o.intValue("merge-x", d.mergeGapX()), o.intValue("merge-y", d.mergeGapY()));
            b.padding(o.doubleValue("pad", d.padFraction()), o.intValue("pad-px", d.padPixels()));
        }
        return b;
    }

    private static boolean bool(String option, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException("--" + option + " must be true or false, got '" + value + "'");
        };
    }

    private static void ifInt(Options o, String name, IntConsumer setter) {
        if (o.has(name)) {
            setter.accept(o.intValue(name, 0));
        }
    }

    private static void ifDouble(Options o, String name, DoubleConsumer setter) {
        if (o.has(name)) {
            setter.accept(o.doubleValue(name, 0));
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
     * @throws UsageException if an item is not a positive number or a range from low to high
     */
    static Set<Integer> clipNumbers(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String item : list.split(",", -1)) {
            Matcher m = Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(item.trim());
            if (!m.matches()) {
                throw new UsageException("--tune-clips: expected clip numbers or ranges such as 1-6 or 1,3,5-7, got '"
                        + item + "' in '" + list + "'");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to < from) {
                throw new UsageException("--tune-clips: a range must go from a clip number >= 1 up, got '" + item + "'");
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
