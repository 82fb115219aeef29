package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.coco.CocoDetector;
import io.github.aed.detect.tfjs.TfjsGraphModel.OpProfile;
import io.github.aed.examples.cli.UsageErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed bench coco}: the speed of a COCO detector on the CPU: frames/s end to end, each stage's time, where the
 * network's time goes per operation, the arithmetic rate it reaches against the fp32 peak, and memory.
 */
@Command(name = "coco", header = "a COCO detector's frames/s, stage times, per-operation profile (GFLOP/s, share of peak), memory",
        description = {"Times a COCO detector on UCSD Ped2 test frames (--root) or, without data, on generated frames of the "
                + "same size: frames/s, milliseconds per frame for preprocessing, the network and decoding, the network's "
                + "time and FLOP per operation, its GFLOP/s as a share of --peak-gflops, and memory. Native threads: "
                + "OMP_NUM_THREADS (./aed sets 1 unless it is set). With --streams N, N detectors run at once, each on "
                + "its own thread, and the frames/s are of all of them together."})
final class CocoBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--detector", paramLabel = "SPEC", description = "a COCO detector: coco:nanodet[:MODEL_JSON][,...] or "
            + "coco:centernet:MODEL_JSON[,...] (default: ${DEFAULT-VALUE})")
    private String detectorSpec = "coco:nanodet";

    @Option(names = "--root", paramLabel = "DIR", description = "UCSD Ped2's root folder, whose Test/ frames are timed "
            + "(default: generated frames), e.g. ../shared/data/ucsd-ped2")
    private Path root;

    @Option(names = "--frames", paramLabel = "N", description = "frames timed, at least 1 (default: ${DEFAULT-VALUE})")
    private int count = 200;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "untimed runs first, at least 5 and for this long "
            + "(default: ${DEFAULT-VALUE})")
    private double warmup = 10;

    @Option(names = "--peak-gflops", paramLabel = "G", description = "the machine's fp32 peak: 232 for 2 Zen 4 cores with "
            + "AVX-512 FMA (default: ${DEFAULT-VALUE})")
    private double peak = 232;

    @Option(names = "--streams", paramLabel = "N", description = "detector instances run at once, each on a thread of its "
            + "own over its share of the frames (every N-th): the throughput of detecting N videos side by side, e.g. 2 "
            + "with OMP_NUM_THREADS=1 on 2 cores (default: ${DEFAULT-VALUE})")
    private int streams = 1;

    @Override
    public Integer call() throws InterruptedException {
        if (count < 1 || warmup < 0 || !(peak > 0) || streams < 1 || streams > count) {
            throw UsageErrors.of(spec, "--frames must be >= 1, --warmup-seconds >= 0, --peak-gflops > 0 and --streams "
                    + "between 1 and --frames");
        }
        List<Frame> frames = frames();
        List<CocoDetector> detectors = new ArrayList<>();
        try {
            for (int i = 0; i < streams; i++) {
                detectors.add(parse());
            }
            System.out.printf(Locale.ROOT, "bench coco: %s%nmachine: %s, %d cores, OMP_NUM_THREADS=%s, backend %s, %d stream%s%n",
                    detectors.get(0).describe(), Machine.cpuModel(), Machine.cores(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                    Nd4j.getBackend().getClass().getSimpleName(), streams, streams == 1 ? "" : "s at once");
            Timed timed = time(detectors, frames);
            System.out.printf(Locale.ROOT, "warm-up: %d frames in %.1f s%n", timed.warmed, timed.warmupSeconds);
            System.out.printf(Locale.ROOT, "%d frames %dx%d: %.1f frames/s (%.1f ms/frame), %.1f boxes/frame%n", frames.size(),
                    frames.get(0).width(), frames.get(0).height(), frames.size() / timed.seconds, 1000 * timed.seconds / frames.size(),
                    (double) timed.boxes / frames.size());
            double networkMs = 0;
            double networkRate = 0;
            for (int i = 0; i < streams; i++) {
                CocoDetector.StageTimes t = detectors.get(i).stageTimes();
                System.out.printf(Locale.ROOT, "stages per frame%s: preprocess %.2f ms, network %.2f ms (%.1f frames/s), decode+NMS %.2f ms%n",
                        streams == 1 ? "" : ", stream " + (i + 1), t.preprocessMs(), t.networkMs(),
                        1000 / t.networkMs(), t.postprocessMs());
                networkMs += t.networkMs() / streams;
                networkRate += 1000 / t.networkMs();
            }
            List<OpProfile> profile = timed.profile;
            long flops = profile.stream().mapToLong(OpProfile::flops).sum();
            double profiled = profile.stream().mapToDouble(OpProfile::millis).sum();
            System.out.printf(Locale.ROOT, "network: %.2f GFLOP/frame of convolutions; at the measured %.2f ms/frame%s %.1f GFLOP/s, "
                    + "%.0f%% of the %.0f GFLOP/s fp32 peak%n", flops / 1e9, networkMs,
                    streams == 1 ? "" : String.format(Locale.ROOT, " per stream, %.1f frames/s together,", networkRate),
                    flops / 1e9 * networkRate, 100 * flops / 1e9 * networkRate / peak, peak);
            System.out.printf(Locale.ROOT, "one profiled call (%.1f ms), per operation:%n", profiled);
            for (OpProfile p : profile) {
                System.out.printf(Locale.ROOT, "  %-28s %4d nodes %7.2f ms%s%n", p.op(), p.nodes(), p.millis(),
                        p.flops() == 0 ? "" : String.format(Locale.ROOT, "  %.2f GFLOP, %.1f GFLOP/s", p.flops() / 1e9,
                                p.flops() / 1e6 / p.millis()));
            }
            System.out.printf(Locale.ROOT, "memory: peak resident %d MB (heap and native), peak heap %d MB of %d MB%n",
                    Machine.processMb("VmHWM"), Machine.peakHeapMb(), Machine.maxHeapMb());
        } finally {
            detectors.forEach(CocoDetector::close);
        }
        return 0;
    }

    private CocoDetector parse() {
        ObjectDetector parsed = UsageErrors.withOption(spec, "--detector", () -> DetectorSpec.parse(detectorSpec));
        if (!(parsed instanceof CocoDetector detector)) {
            parsed.close();
            throw UsageErrors.of(spec, "--detector must name a COCO detector (coco:...), got '" + detectorSpec + "'");
        }
        return detector;
    }

    /**
     * What the timed run measured: warm-up frames and seconds, the timed frames' wall time and boxes, and one profiled
     * call of the first detector on its own thread, after the timing.
     */
    private record Timed(int warmed, double warmupSeconds, double seconds, long boxes, List<OpProfile> profile) {
    }

    /**
     * Warms every detector up and then times them all at once, each on its own thread (a COCO detector's intermediate
     * tensors live in a workspace of the thread it runs on) over every n-th frame.
     */
    private Timed time(List<CocoDetector> detectors, List<Frame> frames) throws InterruptedException {
        Race race = new Race(detectors.size(), frames, warmup);
        ExecutorService pool = Executors.newFixedThreadPool(detectors.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < detectors.size(); s++) {
                int stream = s;
                done.add(pool.submit(() -> {
                    race.run(detectors.get(stream), stream);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                get(f);
            }
            return new Timed(race.warmed.get(), (race.timedStart - race.start) / 1e9, (race.timedEnd - race.timedStart) / 1e9,
                    race.boxes.get(), race.profile);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Detectors timed side by side: each warms up, all start together, each detects every n-th frame; once all are done,
     * the first profiles one call on the thread it warmed up on (a workspace made afresh would time allocations).
     */
    private static final class Race {
        final int n;
        final List<Frame> frames;
        final double warmupSeconds;
        final CyclicBarrier warmedUp;
        final CyclicBarrier finished;
        final AtomicInteger warmed = new AtomicInteger();
        final AtomicLong boxes = new AtomicLong();
        final long start = System.nanoTime();
        /** Set by the last stream to finish warming up, before any starts; read after all have finished. */
        volatile long timedStart;
        /** Set by the last stream to finish its frames. */
        volatile long timedEnd;
        volatile List<OpProfile> profile;

        Race(int n, List<Frame> frames, double warmupSeconds) {
            this.n = n;
            this.frames = frames;
            this.warmupSeconds = warmupSeconds;
            this.warmedUp = new CyclicBarrier(n, () -> timedStart = System.nanoTime());
            this.finished = new CyclicBarrier(n, () -> timedEnd = System.nanoTime());
        }

        /** Stream {@code stream}'s run. A failing stream releases the others' waits. */
        void run(CocoDetector detector, int stream) throws Exception {
            try {
                int own = 0;
                while (own < 5 || (System.nanoTime() - start) / 1e9 < warmupSeconds) {
                    detector.detect(frames.get((stream + n * own++) % frames.size()));
                }
                warmed.addAndGet(own);
                detector.resetTimings();
                warmedUp.await();
                for (int f = stream; f < frames.size(); f += n) {
                    boxes.addAndGet(detector.detect(frames.get(f)).size());
                }
                finished.await();
                if (stream == 0) {
                    profile = detector.profile(frames.get(0));
                }
            } catch (RuntimeException e) {
                warmedUp.reset();
                finished.reset();
                throw e;
            }
        }
    }

    private static void get(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("a detection stream failed", e.getCause());
        }
    }

    /** Ped2 test frames from --root, or generated frames of Ped2's size. */
    private List<Frame> frames() {
        List<Frame> out = new ArrayList<>(count);
        if (root != null) {
            Path test = root.resolve("Test");
            if (!Files.isDirectory(test)) {
                throw new InvalidInputException(test + ": expected the UCSD Ped2 layout with a Test/ folder");
            }
            for (Video clip : Video.clipsIn(test)) {
                clip.open().forEachRemainingAndClose(f -> {
                    if (out.size() < count) {
                        out.add(f);
                    }
                });
                if (out.size() >= count) {
                    break;
                }
            }
        } else {
            SceneGenerator.builder().size(360, 240).frames(count).build().generate("generated", 1).asVideo().open()
                    .forEachRemainingAndClose(out::add);
        }
        return out;
    }
}
