package io.github.aed.examples;

import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.nn.network.BackboneVariant;
import java.util.List;
import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkCost;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TrainingObject;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import io.github.aed.nn.train.PreparedSample;
import io.github.aed.nn.train.SampleBatcher;
import io.github.aed.nn.train.SampleMaker;
import java.util.ArrayList;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Set;

/**
 * {@code ./aed bench nn}: forward and training throughput of the network variants. For each variant and cube size it
 * prints the parameters, the arithmetic per object at test time and per training sample ({@link NetworkCost}; a
 * training step counted as 3 × its forward pass), forward objects/s at several batch sizes (the inference graph: one
 * 6-frame and one 7-frame encoder pass per object, cube selection included), training samples/s (Adam steps on
 * prepared batches; batch preparation timed apart), the achieved GFLOP/s as a share of the machine's fp32 peak, and
 * the process's resident memory. Where the forward time goes is measured with networks that hold one task each.
 */
final class NetworkBench {

    static final Set<String> VALUED = Set.of("variant", "sizes", "batches", "train-batch", "warmup", "warmup-seconds", "repeats", "peak-gflops");
    static final Set<String> FLAGS = Set.of();
    static final String USAGE = """
            usage: ./aed bench nn [--variant all|shallow-narrow|shallow-wide|deep-narrow|deep-wide]... [--sizes 64,32]
                                  [--batches 1,8,64] [--train-batch 64] [--warmup 5] [--warmup-seconds 10]
                                  [--repeats 3] [--peak-gflops 220]

            nn      the multi-task 3D CNN with the four built-in tasks (1080-output teacher, colour crops): per
                    variant and cube size, parameters, GFLOP per object (test) and per training sample, forward
                    objects/s per batch size, training samples/s, the share of the fp32 peak, and resident memory.
                    Run one variant per process for its own peak memory. Threads: OMP_NUM_THREADS (./aed sets 1 unless
                    it is set). Each measurement follows untimed runs, at least --warmup of them and for at least
                    --warmup-seconds: DL4J sizes its workspaces over the first few calls (page-faulting hundreds of MB
                    each), and the JVM compiles DL4J's per-layer code over the first hundred or so; until then the
                    small networks run up to 2x slower than in a long scoring job.
            """;

    private NetworkBench() {
    }

    /** What to run. */
    private record Run(List<BackboneVariant> variants, List<Integer> sizes, List<Integer> forwardBatches, int trainBatch,
                       int warmup, double warmupSeconds, int repeats, double peakGflops) {
    }

    static void run(Options o) {
        runAll(networkOptions(o));
    }

    private static Run networkOptions(Options o) {
        List<String> names = o.all("variant");
        List<BackboneVariant> variants = names.isEmpty() || names.contains("all") ? List.of(BackboneVariant.values())
                : names.stream().map(BackboneVariant::parse).toList();
        return new Run(variants, ints(o, "sizes", "64,32"), ints(o, "batches", "1,8,64"),
                o.intValue("train-batch", 64), o.intValue("warmup", 5), o.doubleValue("warmup-seconds", 10), o.intValue("repeats", 3),
                o.doubleValue("peak-gflops", 220));
    }

    private static List<Integer> ints(Options o, String name, String defaults) {
        try {
            return java.util.Arrays.stream(o.get(name).orElse(defaults).split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects comma-separated numbers, got '" + o.get(name).orElse("") + "'");
        }
    }

    /** Runs every variant × size and prints one block each. */
    private static void runAll(Run options) {
        System.out.printf(Locale.ROOT, "bench nn: backend %s, at least %d warm-up runs and %.0f s, then %d timed runs, fp32 peak %.0f "
                        + "GFLOP/s (--peak-gflops)%n", Nd4j.getBackend().getClass().getSimpleName(), options.warmup(), options.warmupSeconds(),
                options.repeats(), options.peakGflops());
        for (BackboneVariant v : options.variants()) {
            for (int size : options.sizes()) {
                if (size % (1 << v.halvings()) != 0) {
                    System.out.printf(Locale.ROOT, "%s at %dx%d: skipped (size must be a multiple of %d)%n", v.id(), size, size, 1 << v.halvings());
                    continue;
                }
                runOne(options, v, size);
            }
        }
    }

    private static List<ProxyTask> tasks() {
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(),
                new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)));
    }

    private static void runOne(Run options, BackboneVariant v, int size) {
        NetworkSettings s = NetworkSettings.builder().variant(v).cubeSize(size).build();
        MultiTaskNetwork net = MultiTaskNetwork.create(s, tasks());
        double testGflop = NetworkCost.testFlops(v, size, 3) / 1e9;
        double trainGflop = 3 * NetworkCost.trainingForwardFlops(v, size, 3) / 1e9;
        System.out.printf(Locale.ROOT, "%n%s, %dx%d colour: %,d parameters; %.2f GFLOP/object (test), %.2f GFLOP/sample (training)%n",
                v.id(), size, size, net.parameterCount(), testGflop, trainGflop);
        CubeSettings cubes = CubeSettings.builder().size(size).build();
        for (int b : options.forwardBatches()) {
            CubeBatch batch = cubes(cubes, b);
            double sec = time(options, () -> net.outputs(batch));
            double objs = b / sec;
            System.out.printf(Locale.ROOT, "  forward batch %3d: %8.1f objects/s  %6.1f ms/batch  %6.1f GFLOP/s (%4.1f%% of peak)%n",
                    b, objs, sec * 1e3, objs * testGflop, 100 * objs * testGflop / options.peakGflops());
        }
        int splitBatch = options.forwardBatches().get(options.forwardBatches().size() - 1);
        CubeBatch splitCubes = cubes(cubes, splitBatch);
        double full = time(options, () -> net.outputs(splitCubes));
        double aot = single(options, s, new ArrowOfTime(), splitCubes);
        double middle = single(options, s, MiddleBox.standalone(1), splitCubes);
        double motion = single(options, s, new MotionIrregularity(), splitCubes);
        double distill = single(options, s, new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)), splitCubes);
        System.out.printf(Locale.ROOT, "  where the forward time goes (batch %d, ms): 6-frame encoder + classifier head %.0f, "
                        + "6-frame encoder + middle-box decoder %.0f, 7-frame encoder + classifier head %.0f, 7-frame encoder + "
                        + "distillation head %.0f; all four heads on two encoder passes %.0f%n",
                splitBatch, aot * 1e3, middle * 1e3, motion * 1e3, distill * 1e3, full * 1e3);
        SampleMaker maker = new SampleMaker(net);
        SampleBatcher batcher = new SampleBatcher(net);
        long p0 = System.nanoTime();
        List<PreparedSample> samples = new ArrayList<>();
        for (int i = 0; i < options.trainBatch(); i++) {
            samples.add(maker.prepare(randomObject(i, size), i));
        }
        MultiDataSet batch = batcher.batch(samples);
        double prep = (System.nanoTime() - p0) / 1e9;
        double step = time(options, () -> net.fit(batch));
        double sps = options.trainBatch() / step;
        System.out.printf(Locale.ROOT, "  training batch %3d: %8.1f samples/s  %6.2f s/step  %6.1f GFLOP/s (%4.1f%% of peak); "
                        + "sample preparation %.0f samples/s on one thread%n",
                options.trainBatch(), sps, step, sps * trainGflop, 100 * sps * trainGflop / options.peakGflops(),
                options.trainBatch() / prep);
        System.out.printf(Locale.ROOT, "  resident memory now %d MB, peak so far %d MB (run one variant per process for its own peak)%n",
                Machine.processMb("VmRSS"), Machine.processMb("VmHWM"));
    }

    /** Forward time of a network holding one task only (its own encoder pass and head). */
    private static double single(Run options, NetworkSettings s, ProxyTask task, CubeBatch cubes) {
        MultiTaskNetwork one = MultiTaskNetwork.create(s, List.of(task));
        return time(options, () -> one.outputs(cubes));
    }

    private static double time(Run options, Runnable r) {
        long warmupEnd = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
        for (int i = 0; i < options.warmup() || System.nanoTime() < warmupEnd; i++) {
            r.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < options.repeats(); i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e9 / options.repeats();
    }

    /** A batch of n test cubes cut by the real extractor from generated frames (all detections in one frame). */
    private static CubeBatch cubes(CubeSettings settings, int n) {
        int w = 320;
        int h = 240;
        SplittableRandom r = new SplittableRandom(n);
        byte[] px = new byte[w * h * 3];
        try (StreamingCubeExtractor ex = new StreamingCubeExtractor(settings)) {
            int k = settings.temporalRadius();
            for (int f = 0; f <= 2 * k; f++) {
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) r.nextInt(256);
                }
                List<Detection> ds = new ArrayList<>();
                if (f == k) {
                    for (int i = 0; i < n; i++) {
                        ds.add(Detection.of(f, Box.ofSize(r.nextInt(w - 80), r.nextInt(h - 120), 80, 120), 0, "person", 0.9));
                    }
                }
                CubeBatch b = ex.push(new Frame("bench", f, w, h, 3, px), ds);
                if (!b.isEmpty()) {
                    return b;
                }
            }
            return ex.finish();
        }
    }

    private static TrainingObject randomObject(long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] cube = new float[3 * 31 * size * size];
        for (int i = 0; i < cube.length; i++) {
            cube[i] = r.nextInt(256) / 255f;
        }
        float[] teacher = new float[1080];
        teacher[r.nextInt(80) + 1000] = 0.9f;
        return new TrainingObject(cube, 3, 15, size, Detection.of(15, new Box(0, 0, size, size), 0, "person", 0.9), teacher);
    }
}
