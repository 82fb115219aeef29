package io.github.aed.examples;

import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.examples.cli.UsageErrors;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.model.TrainingSummary;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.train.TrainingSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Pointer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed bench stream}: a long run of the streaming scorer ({@link AnomalyDetector#stream}) on generated video,
 * watching memory. Every {@code --report-every} frames it prints frames done, frames/s, the heap in use after a full
 * garbage collection, the resident set ({@code VmRSS}) and JavaCPP's view of native memory; at the end, the growth of
 * each from the warm-up point to the end, and whether it stays within {@value #FLAT_LIMIT_PERCENT} %.
 */
@Command(name = "stream", header = "an hour of generated 10 fps video through the streaming scorer: frames/s and memory "
        + "(heap after GC, resident, JavaCPP) every N frames, growth after warm-up",
        description = {"Generates video without end (clips of the scene generator, one after another, renumbered as one "
                + "stream) and scores it frame by frame with AnomalyDetector.stream, as a camera feed would be. The model "
                + "is --model, or one trained first for a few seconds on generated normal clips of the same scene. Every "
                + "--report-every frames: frames done, frames/s overall and since the last report, heap in use after a "
                + "full GC, resident memory (VmRSS) and JavaCPP's physicalBytes/totalBytes. At the end: the growth of each "
                + "from the frame at --warmup of the run to the last frame, and whether heap and resident memory stay "
                + "within 5 %%. The default 36000 frames are an hour of 10 fps video. Native threads: OMP_NUM_THREADS "
                + "(./aed sets 1 unless it is set)."})
final class StreamBench implements Callable<Integer> {

    /** The largest growth after warm-up, in percent, that counts as flat memory. */
    static final double FLAT_LIMIT_PERCENT = 5;
    private static final String STREAM = "generated-stream";

    @Spec
    private CommandSpec spec;

    @Option(names = "--frames", paramLabel = "N", description = "frames to stream, at least 10 (default: ${DEFAULT-VALUE}, "
            + "an hour at 10 fps)")
    private int frames = 36000;

    @Option(names = "--report-every", paramLabel = "N", description = "frames between reports, at least 1 (default: "
            + "${DEFAULT-VALUE}, three minutes at 10 fps)")
    private int reportEvery = 1800;

    @Option(names = "--warmup", paramLabel = "FRACTION", description = "share of the run after which memory must stay flat, "
            + "in (0, 1) (default: ${DEFAULT-VALUE})")
    private double warmup = 0.2;

    @Option(names = "--model", paramLabel = "M.aed", description = "a trained model whose frame size the stream takes "
            + "(default: train one on generated normal clips first)")
    private Path model;

    @Option(names = "--size", paramLabel = "WxH", description = "frame size when training here (default: ${DEFAULT-VALUE})")
    private String size = "240x160";

    @Option(names = "--clip-frames", paramLabel = "N", description = "frames per generated clip, at least 31 (default: "
            + "${DEFAULT-VALUE})")
    private int clipFrames = 300;

    @Mixin
    private DetectorOption detector;

    @Mixin
    private SeedOption seed = new SeedOption(1);

    /** One report: frames done, seconds since the stream started, memory in bytes. */
    record Sample(int frames, double seconds, long heapBytes, long residentBytes, long javacppPhysicalBytes,
                  long javacppTotalBytes) {
    }

    @Override
    public Integer call() {
        if (frames < 10 || reportEvery < 1 || !(warmup > 0 && warmup < 1) || clipFrames < 31) {
            throw UsageErrors.of(spec, "--frames must be >= 10, --report-every >= 1, --warmup in (0, 1) and --clip-frames >= 31");
        }
        System.out.printf(Locale.ROOT, "bench stream: %d frames, report every %d%nmachine: %s, %d cores, OMP_NUM_THREADS=%s, "
                        + "heap max %d MB, Java %s%n", frames, reportEvery, Machine.cpuModel(), Machine.cores(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), Machine.maxHeapMb(), Machine.java());
        long setup = System.nanoTime();
        try (AnomalyDetector trained = model != null ? loaded() : trainedHere()) {
            AnomalyDetector scorer = trained.withProgress(List.of());
            TrainingSummary t = trained.model().orElseThrow().training();
            SceneGenerator scene = SceneGenerator.builder().size(t.frameWidth(), t.frameHeight()).frames(clipFrames)
                    .seed(seed.seed()).build();
            System.out.printf(Locale.ROOT, "%s%nset-up (training or loading) %.1f s; streaming %s generated frames, clips of %d%n",
                    scorer.describe(), (System.nanoTime() - setup) / 1e9, t.frameSize(), clipFrames);
            int warmupFrame = Math.max(1, (int) Math.round(frames * warmup));
            List<Sample> samples = run(scorer, scene, warmupFrame);
            summarise(samples.stream().filter(s -> s.frames() == warmupFrame).findFirst().orElseThrow(),
                    samples.get(samples.size() - 1));
        }
        return 0;
    }

    private AnomalyDetector loaded() {
        Optional<ObjectDetector> given = detector.given();
        return given.isPresent() ? AnomalyDetector.load(model, given.get()) : AnomalyDetector.load(model);
    }

    /** A model trained briefly on generated normal clips: enough to score with, not to score well. */
    private AnomalyDetector trainedHere() {
        int[] wh = UsageErrors.withOption(spec, "--size", () -> parseSize(size));
        SceneGenerator scene = SceneGenerator.builder().size(wh[0], wh[1]).frames(150).seed(seed.seed()).build();
        List<Video> normal = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            normal.add(scene.generate("Train" + v, v).asVideo());
        }
        return AnomalyDetector.builder().detector(detector.create())
                .training(TrainingSettings.defaults().toBuilder().epochs(2).maxSamplesPerVideo(300).seed(seed.seed()).build())
                .build().fit(normal);
    }

    static int[] parseSize(String text) {
        String[] p = text.toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].strip());
                int h = Integer.parseInt(p[1].strip());
                if (w >= 32 && h >= 32) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        throw new IllegalArgumentException("expected WIDTHxHEIGHT of at least 32x32 pixels, e.g. 240x160, got '" + text + "'");
    }

    private List<Sample> run(AnomalyDetector scorer, SceneGenerator scene, int warmupFrame) {
        List<Sample> samples = new ArrayList<>();
        GeneratedFrames source = new GeneratedFrames(scene, frames);
        long start = System.nanoTime();
        long[] objects = {0};
        int[] done = {0};
        System.out.printf(Locale.ROOT, "%8s %9s %9s %9s %10s %11s %14s %12s%n", "frames", "seconds", "frames/s", "recent/s",
                "heap MB", "resident MB", "JavaCPP phys MB", "JavaCPP MB");
        scorer.stream(FrameSource.of(STREAM, source), (ScoredFrame f) -> {
            done[0]++;
            objects[0] += f.objects().size();
            if (done[0] % reportEvery == 0 || done[0] == warmupFrame || done[0] == frames) {
                Sample s = sample(done[0], (System.nanoTime() - start) / 1e9);
                Sample previous = samples.isEmpty() ? new Sample(0, 0, 0, 0, 0, 0) : samples.get(samples.size() - 1);
                samples.add(s);
                System.out.printf(Locale.ROOT, "%8d %9.1f %9.1f %9.1f %10.1f %11.1f %14.1f %12.1f%s%n", s.frames(), s.seconds(),
                        s.frames() / s.seconds(), (s.frames() - previous.frames()) / (s.seconds() - previous.seconds()),
                        mb(s.heapBytes()), mb(s.residentBytes()), mb(s.javacppPhysicalBytes()), mb(s.javacppTotalBytes()),
                        s.frames() == warmupFrame ? "  <- warm-up point" : "");
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "streamed %d frames in %.1f s: %.1f frames/s end to end (%.1f of them generating "
                        + "frames), %.2f objects/frame%n", done[0], seconds, done[0] / seconds, source.generatingNanos / 1e9,
                (double) objects[0] / done[0]);
        return samples;
    }

    /** The growth from the warm-up point {@code first} to the end {@code last}, and the verdicts. */
    private static void summarise(Sample first, Sample last) {
        double heap = growth(first.heapBytes(), last.heapBytes());
        double resident = growth(first.residentBytes(), last.residentBytes());
        System.out.printf(Locale.ROOT, "growth from frame %d to %d: heap after GC %+.1f %% (%.1f -> %.1f MB), resident %+.1f %% "
                        + "(%.1f -> %.1f MB), JavaCPP physical %+.1f %%, JavaCPP total %+.1f %% (%.1f -> %.1f MB)%n",
                first.frames(), last.frames(), heap, mb(first.heapBytes()), mb(last.heapBytes()), resident,
                mb(first.residentBytes()), mb(last.residentBytes()), growth(first.javacppPhysicalBytes(), last.javacppPhysicalBytes()),
                growth(first.javacppTotalBytes(), last.javacppTotalBytes()), mb(first.javacppTotalBytes()), mb(last.javacppTotalBytes()));
        boolean flat = heap <= FLAT_LIMIT_PERCENT && resident <= FLAT_LIMIT_PERCENT;
        double fps = last.frames() / last.seconds();
        System.out.printf(Locale.ROOT, "memory flat after warm-up (heap and resident growth <= %.0f %%): %s; at least 10 "
                + "frames/s end to end: %s (%.1f)%n", FLAT_LIMIT_PERCENT, flat ? "yes" : "NO", fps >= 10 ? "yes" : "NO", fps);
    }

    /** Memory now: heap after a full collection (which also frees unreachable JavaCPP pointers), resident, JavaCPP. */
    private static Sample sample(int frames, double seconds) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Sample(frames, seconds, heap, Machine.processMb("VmRSS") << 20, Pointer.physicalBytes(), Pointer.totalBytes());
    }

    /** Growth from {@code from} to {@code to}, in percent of {@code from}. */
    static double growth(long from, long to) {
        return from <= 0 ? Double.NaN : 100.0 * (to - from) / from;
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    /**
     * Frames of generated clips, one clip after another (variants 1000, 1001, ...; the training clips are 0..2),
     * renumbered as one stream until {@code total}. Holds one clip at a time.
     */
    static final class GeneratedFrames implements Iterator<Frame> {
        private final SceneGenerator scene;
        private final int total;
        private List<Frame> clip = List.of();
        private int inClip;
        private int next;
        private int clips;
        private long generatingNanos;

        GeneratedFrames(SceneGenerator scene, int total) {
            this.scene = scene;
            this.total = total;
        }

        @Override
        public boolean hasNext() {
            return next < total;
        }

        @Override
        public Frame next() {
            if (!hasNext()) {
                throw new NoSuchElementException(STREAM + ": all " + total + " frames were read");
            }
            if (inClip == clip.size()) {
                clip = List.of();
                long t0 = System.nanoTime();
                clip = scene.generate("clip" + clips, 1000L + clips).frames();
                generatingNanos += System.nanoTime() - t0;
                clips++;
                inClip = 0;
            }
            return clip.get(inClip++).withIndex(STREAM, next++);
        }
    }
}
