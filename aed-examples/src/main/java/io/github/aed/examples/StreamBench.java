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
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import org.bytedeco.javacpp.Pointer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed bench stream}: a long run of the streaming scorer ({@link AnomalyDetector#stream}) on generated video,
 * watching memory. Every {@code --report-every} frames it prints frames done, frames/s, the heap in use and committed
 * after a full garbage collection, the resident set ({@code VmRSS}), JavaCPP's {@code physicalBytes} and
 * {@code totalBytes}; at the end, the growth of each from the warm-up point to the end,
 * and whether heap and resident memory stay within {@value #FLAT_LIMIT_PERCENT} %.
 */
@Command(name = "stream", header = "an hour of generated 10 fps video through the streaming scorer: frames/s and memory "
        + "(heap after GC, resident, JavaCPP) every N frames, growth after warm-up",
        description = {"Generates video without end (clips of the scene generator, one after another, renumbered as one "
                + "stream) and scores it frame by frame with AnomalyDetector.stream, as a camera feed would be. The model "
                + "is --model, or one trained first for a minute or less on generated normal clips of the same scene. Every "
                + "--report-every frames: frames done, frames/s overall and since the last report, the heap in use and "
                + "committed after full GCs repeated until the heap settles, resident memory (VmRSS), and JavaCPP's physicalBytes and totalBytes "
                + "(ND4J's buffers show in the resident memory only). At the end: the growth of each from the frame at "
                + "--warmup of the run to the last frame, between those two samples and along the least-squares line "
                + "through every sample in between, and whether heap and resident memory stay within 5 %% along that "
                + "line. The default 36000 frames are an hour of 10 fps video. Native threads: OMP_NUM_THREADS (./aed sets 1 unless it is set)."})
final class StreamBench implements Callable<Integer> {

    /** The largest growth after warm-up, in percent, that counts as flat memory. */
    static final double FLAT_LIMIT_PERCENT = 5;
    private static final String STREAM = "generated-stream";
    /** How long the deallocator threads get between two collections of a memory sample. */
    private static final long RELEASE_PAUSE_MILLIS = 250;
    /** Collections at most per memory sample. */
    private static final int SETTLE_ROUNDS = 8;
    /** Change of the heap in use between two collections below which it counts as settled, in percent. */
    private static final double SETTLED_PERCENT = 1;

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
    record Sample(int frames, double seconds, long heapBytes, long heapCommittedBytes, long residentBytes,
                  long javacppPhysicalBytes, long javacppBytes) {
    }

    /** A memory figure of the samples; the judged ones decide whether memory stayed flat. */
    private record Measure(String name, ToLongFunction<Sample> bytes, boolean judged) {
    }

    private static final List<Measure> MEASURES = List.of(new Measure("heap after GC", Sample::heapBytes, true),
            new Measure("resident (VmRSS)", Sample::residentBytes, true),
            new Measure("heap committed", Sample::heapCommittedBytes, false),
            new Measure("JavaCPP physicalBytes", Sample::javacppPhysicalBytes, false),
            new Measure("JavaCPP totalBytes", Sample::javacppBytes, false));

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
            summarise(samples.stream().filter(s -> s.frames() >= warmupFrame).toList());
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
        long cpuStart = processCpuNanos();
        long[] objects = {0};
        int[] done = {0};
        System.out.printf(Locale.ROOT, "%8s %8s %8s %8s %9s %9s %9s %9s %9s%n", "frames", "seconds", "frames/s",
                "recent/s", "heap MB", "committed", "RSS MB", "JCPP phys", "JCPP MB");
        scorer.stream(FrameSource.of(STREAM, source), (ScoredFrame f) -> {
            done[0]++;
            objects[0] += f.objects().size();
            if (done[0] % reportEvery == 0 || done[0] == warmupFrame || done[0] == frames) {
                Sample s = sample(done[0], (System.nanoTime() - start) / 1e9);
                Sample previous = samples.isEmpty() ? new Sample(0, 0, 0, 0, 0, 0, 0) : samples.get(samples.size() - 1);
                samples.add(s);
                System.out.printf(Locale.ROOT, "%8d %8.1f %8.1f %8.1f %9.1f %9.1f %9.1f %9.1f %9.1f%s%n", s.frames(),
                        s.seconds(), s.frames() / s.seconds(), (s.frames() - previous.frames()) / (s.seconds() - previous.seconds()),
                        mb(s.heapBytes()), mb(s.heapCommittedBytes()), mb(s.residentBytes()), mb(s.javacppPhysicalBytes()),
                        mb(s.javacppBytes()), s.frames() == warmupFrame ? "  <- warm-up point" : "");
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "streamed %d frames in %.1f s: %.1f frames/s end to end (%.1f s of them generating "
                        + "frames), %.2f objects/frame%n", done[0], seconds, done[0] / seconds, source.generatingNanos / 1e9,
                (double) objects[0] / done[0]);
        System.out.printf(Locale.ROOT, "process CPU time %.1f s: %.1f frames per CPU second, %.2f cores used on average "
                + "(fewer than OMP_NUM_THREADS + 1 when other processes compete; load average %s)%n", cpu, done[0] / cpu,
                cpu / seconds, Machine.loadAverage());
        return samples;
    }

    /**
     * The growth of each memory figure over the samples from the warm-up point to the end: between those two samples,
     * and along the least-squares line through all of them (what a leak shows as; a single sample swings with the
     * heap's size and the clip being generated), both in percent of the warm-up level; then the verdicts.
     */
    private static void summarise(List<Sample> after) {
        Sample first = after.get(0);
        Sample last = after.get(after.size() - 1);
        System.out.printf(Locale.ROOT, "growth after warm-up, frame %d to %d (%d samples):%n", first.frames(), last.frames(), after.size());
        boolean flat = true;
        for (Measure m : MEASURES) {
            long from = m.bytes().applyAsLong(first);
            long to = m.bytes().applyAsLong(last);
            double trend = trendGrowth(after, m.bytes());
            flat &= !m.judged() || trend <= FLAT_LIMIT_PERCENT;
            System.out.printf(Locale.ROOT, "  %-22s %9.1f -> %9.1f MB: %+6.1f %% end to end, %+6.1f %% along the trend%s%n",
                    m.name(), mb(from), mb(to), growth(from, to), trend, m.judged() ? "" : " (not judged)");
        }
        double fps = last.frames() / last.seconds();
        System.out.printf(Locale.ROOT, "memory flat after warm-up (heap and resident trend growth <= %.0f %%): %s; at least 10 "
                + "frames/s end to end: %s (%.1f)%n", FLAT_LIMIT_PERCENT, flat ? "yes" : "NO", fps >= 10 ? "yes" : "NO", fps);
    }

    /**
     * The growth from the first sample's frame to the last's along the least-squares line of {@code bytes} over
     * frames, in percent of the line's value at the first sample.
     */
    static double trendGrowth(List<Sample> samples, ToLongFunction<Sample> bytes) {
        int n = samples.size();
        double meanX = samples.stream().mapToDouble(Sample::frames).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(bytes::applyAsLong).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            sxy += (s.frames() - meanX) * (bytes.applyAsLong(s) - meanY);
            sxx += (s.frames() - meanX) * (s.frames() - meanX);
        }
        double slope = n < 2 || sxx == 0 ? 0 : sxy / sxx;
        double start = meanY + slope * (samples.get(0).frames() - meanX);
        double rise = slope * (samples.get(n - 1).frames() - samples.get(0).frames());
        return start <= 0 ? Double.NaN : 100 * rise / start;
    }

    /**
     * Memory now: the heap in use and committed after the heap has settled under repeated full collections, resident
     * memory, JavaCPP's resident and allocated bytes. ND4J's CPU buffers are outside JavaCPP's count; they show in the
     * resident memory.
     *
     * <p>Why repeated: a collection finds the arrays that died since the last one, but each ND4J array leaves a release
     * record on the heap (a weak reference, an id string, a map entry, a native handle and JavaCPP's deallocator:
     * about 300 bytes) that ND4J's and JavaCPP's deallocator threads drop only after that collection has queued it. The
     * network makes tens of ND4J arrays per frame, most of them views inside its layers, so one collection's "heap
     * after GC" still counts tens of megabytes of such records, more the longer since the previous collection. So the
     * sample collects, pauses for the threads to drain their queues, and collects again, until the heap in use changes
     * by less than {@value #SETTLED_PERCENT} % (at most {@value #SETTLE_ROUNDS} rounds).
     */
    private static Sample sample(int frames, double seconds) {
        MemoryUsage heap = settledHeap();
        return new Sample(frames, seconds, heap.getUsed(), heap.getCommitted(), Machine.processMb("VmRSS") << 20,
                Pointer.physicalBytes(), Pointer.totalBytes());
    }

    /** The heap after full collections, repeated with pauses until the heap in use has settled (see {@link #sample}). */
    private static MemoryUsage settledHeap() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        for (int round = 1; round < SETTLE_ROUNDS; round++) {
            try {
                Thread.sleep(RELEASE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return heap;
            }
            System.gc();
            MemoryUsage next = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            boolean settled = Math.abs(growth(heap.getUsed(), next.getUsed())) < SETTLED_PERCENT;
            heap = next;
            if (settled) {
                break;
            }
        }
        return heap;
    }

    /** CPU time of the whole process (every thread, the garbage collector's included), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
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
