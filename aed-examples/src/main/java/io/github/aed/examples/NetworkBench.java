package io.github.aed.examples;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code ./aed bench nn}: forward and training throughput of the network variants. For each variant and cube size it
 * prints the parameters, the arithmetic per object at test time and per training sample ({@link NetworkCost}; a
 * training step counted as 3 × its forward pass), forward objects/s at several batch sizes (the inference graph: one
 * 6-frame and one 7-frame encoder pass per object, cube selection included), training samples/s (Adam steps on
 * prepared batches; batch preparation timed apart), the achieved GFLOP/s as a share of the machine's fp32 peak, and
 * the process's resident memory. Where the forward time goes is measured with networks that hold one task each.
 */
@Command(name = "nn", header = "network throughput per backbone variant (objects/s, samples/s, share of peak, memory)",
        description = {"The multi-task 3D CNN with the four built-in tasks (1080-output teacher, colour crops): per variant and "
                + "cube size, parameters, GFLOP per object (test) and per training sample, forward objects/s per batch size, "
                + "training samples/s, the share of the fp32 peak, and resident memory.",
                "Run one variant per process for its own peak memory. Threads: OMP_NUM_THREADS (./aed sets 1 unless it is "
                        + "set). Each measurement follows untimed runs, at least --warmup of them and for at least "
                        + "--warmup-seconds: DL4J sizes its workspaces over the first few calls (page-faulting hundreds of MB "
                        + "each), and the JVM compiles DL4J's per-layer code over the first hundred or so; until then the small "
                        + "networks run up to 2x slower than in a long scoring job."})
final class NetworkBench implements Callable<Integer> {

    @Option(names = "--variant", paramLabel = "VARIANT", converter = VariantChoice.Converter.class, description = "all, "
            + "shallow-narrow, shallow-wide, deep-narrow or deep-wide; may be repeated (default: all)")
    private List<VariantChoice> variants = List.of();

    @Option(names = "--sizes", paramLabel = "PX", split = ",", description = "cube sizes (default: ${DEFAULT-VALUE})")
    private List<Integer> sizes = List.of(64, 32);

    @Option(names = "--batches", paramLabel = "N", split = ",", description = "forward batch sizes (default: ${DEFAULT-VALUE})")
    private List<Integer> forwardBatches = List.of(1, 8, 64);

    @Option(names = "--train-batch", paramLabel = "N", description = "training batch size (default: ${DEFAULT-VALUE})")
    private int trainBatch = 64;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed runs before each measurement, at least (default: ${DEFAULT-VALUE})")
    private int warmup = 5;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "untimed runs for at least this long (default: ${DEFAULT-VALUE})")
    private double warmupSeconds = 10;

    @Option(names = "--repeats", paramLabel = "N", description = "timed runs per measurement (default: ${DEFAULT-VALUE})")
    private int repeats = 3;

    @Option(names = "--peak-gflops", paramLabel = "G", description = "the machine's fp32 peak (default: ${DEFAULT-VALUE})")
    private double peakGflops = 220;

    /** One {@code --variant}: a backbone variant, or {@code all} of them. */
    record VariantChoice(List<BackboneVariant> variants) {

        /** Reads {@code all} or a variant's id. */
        static final class Converter implements ITypeConverter<VariantChoice> {
            private final ITypeConverter<BackboneVariant> oneVariant = Main.converter(BackboneVariant::parse);

            @Override
            public VariantChoice convert(String value) throws Exception {
                return new VariantChoice(value.equals("all") ? List.of(BackboneVariant.values()) : List.of(oneVariant.convert(value)));
            }
        }
    }

    @Override
    public Integer call() {
        List<BackboneVariant> chosen = variants.stream().flatMap(v -> v.variants().stream()).distinct().toList();
        runAll(chosen.isEmpty() ? List.of(BackboneVariant.values()) : chosen);
        return 0;
    }

    /** Runs every variant × size and prints one block each. */
    private void runAll(List<BackboneVariant> chosen) {
        System.out.printf(Locale.ROOT, "bench nn: backend %s, at least %d warm-up runs and %.0f s, then %d timed runs, fp32 peak %.0f "
                        + "GFLOP/s (--peak-gflops)%n", Nd4j.getBackend().getClass().getSimpleName(), warmup, warmupSeconds,
                repeats, peakGflops);
        for (BackboneVariant v : chosen) {
            for (int size : sizes) {
                if (size % (1 << v.halvings()) != 0) {
                    System.out.printf(Locale.ROOT, "%s at %dx%d: skipped (size must be a multiple of %d)%n", v.id(), size, size, 1 << v.halvings());
                    continue;
                }
                runOne(v, size);
            }
        }
    }

    private static List<ProxyTask> tasks() {
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(),
                new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)));
    }

    private void runOne(BackboneVariant v, int size) {
        NetworkSettings s = NetworkSettings.builder().variant(v).cubeSize(size).build();
        MultiTaskNetwork net = MultiTaskNetwork.create(s, tasks());
        double testGflop = NetworkCost.testFlops(v, size, 3) / 1e9;
        double trainGflop = 3 * NetworkCost.trainingForwardFlops(v, size, 3) / 1e9;
        System.out.printf(Locale.ROOT, "%n%s, %dx%d colour: %,d parameters; %.2f GFLOP/object (test), %.2f GFLOP/sample (training)%n",
                v.id(), size, size, net.parameterCount(), testGflop, trainGflop);
        CubeSettings cubes = CubeSettings.builder().size(size).build();
        for (int b : forwardBatches) {
            CubeBatch batch = cubes(cubes, b);
            double sec = time(() -> net.outputs(batch));
            double objs = b / sec;
            System.out.printf(Locale.ROOT, "  forward batch %3d: %8.1f objects/s  %6.1f ms/batch  %6.1f GFLOP/s (%4.1f%% of peak)%n",
                    b, objs, sec * 1e3, objs * testGflop, 100 * objs * testGflop / peakGflops);
        }
        int splitBatch = forwardBatches.get(forwardBatches.size() - 1);
        CubeBatch splitCubes = cubes(cubes, splitBatch);
        double full = time(() -> net.outputs(splitCubes));
        double aot = single(s, new ArrowOfTime(), splitCubes);
        double middle = single(s, MiddleBox.standalone(1), splitCubes);
        double motion = single(s, new MotionIrregularity(), splitCubes);
        double distill = single(s, new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)), splitCubes);
        System.out.printf(Locale.ROOT, "  where the forward time goes (batch %d, ms): 6-frame encoder + classifier head %.0f, "
                        + "6-frame encoder + middle-box decoder %.0f, 7-frame encoder + classifier head %.0f, 7-frame encoder + "
                        + "distillation head %.0f; all four heads on two encoder passes %.0f%n",
                splitBatch, aot * 1e3, middle * 1e3, motion * 1e3, distill * 1e3, full * 1e3);
        SampleMaker maker = new SampleMaker(net);
        SampleBatcher batcher = new SampleBatcher(net);
        long p0 = System.nanoTime();
        List<PreparedSample> samples = new ArrayList<>();
        for (int i = 0; i < trainBatch; i++) {
            samples.add(maker.prepare(randomObject(i, size), i));
        }
        MultiDataSet batch = batcher.batch(samples);
        double prep = (System.nanoTime() - p0) / 1e9;
        double step = time(() -> net.fit(batch));
        double sps = trainBatch / step;
        System.out.printf(Locale.ROOT, "  training batch %3d: %8.1f samples/s  %6.2f s/step  %6.1f GFLOP/s (%4.1f%% of peak); "
                        + "sample preparation %.0f samples/s on one thread%n",
                trainBatch, sps, step, sps * trainGflop, 100 * sps * trainGflop / peakGflops,
                trainBatch / prep);
        System.out.printf(Locale.ROOT, "  resident memory now %d MB, peak so far %d MB (run one variant per process for its own peak)%n",
                Machine.processMb("VmRSS"), Machine.processMb("VmHWM"));
    }

    /** Forward time of a network holding one task only (its own encoder pass and head). */
    private double single(NetworkSettings s, ProxyTask task, CubeBatch cubes) {
        MultiTaskNetwork one = MultiTaskNetwork.create(s, List.of(task));
        return time(() -> one.outputs(cubes));
    }

    private double time(Runnable r) {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int i = 0; i < warmup || System.nanoTime() < warmupEnd; i++) {
            r.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e9 / repeats;
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
