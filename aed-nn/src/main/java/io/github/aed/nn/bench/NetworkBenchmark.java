package io.github.aed.nn.bench;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.Heads;
import io.github.aed.nn.network.MultiTaskNetwork;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throughput of the multi-task network with the four built-in tasks (the reference's 1080-output teacher): for each
 * backbone variant and cube size, the parameters, the arithmetic per object at test time and per training sample
 * (counted from the layer list: 2 FLOP per multiply-add of the convolutions and dense layers; a training step counted
 * as 3 × its forward pass), forward objects/s at several batch sizes (the inference graph: one 6-frame and one 7-frame
 * encoder pass per object, cube selection included), training samples/s (Adam steps on prepared batches; batch
 * preparation timed apart), the achieved GFLOP/s as a share of the machine's fp32 peak, and the process's resident
 * memory. Where the forward time goes is measured with networks that hold one task each.
 */
public final class NetworkBenchmark {

    /** What to run. */
    public record Options(List<BackboneVariant> variants, List<Integer> sizes, List<Integer> forwardBatches, int trainBatch,
                          int warmup, int repeats, double peakGflops) {
    }

    private final Options options;
    private final PrintStream out;

    public NetworkBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every variant × size and prints one block each. */
    public void run() {
        out.printf(Locale.ROOT, "bench nn: backend %s, %d warm-up + %d timed runs, fp32 peak %.0f GFLOP/s (--peak-gflops)%n",
                Nd4j.getBackend().getClass().getSimpleName(), options.warmup(), options.repeats(), options.peakGflops());
        for (BackboneVariant v : options.variants()) {
            for (int size : options.sizes()) {
                if (size % (1 << v.halvings()) != 0) {
                    out.printf(Locale.ROOT, "%s at %dx%d: skipped (size must be a multiple of %d)%n", v.id(), size, size, 1 << v.halvings());
                    continue;
                }
                runOne(v, size);
            }
        }
    }

    static List<ProxyTask> tasks() {
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(),
                new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)));
    }

    private void runOne(BackboneVariant v, int size) {
        NetworkSettings s = NetworkSettings.builder().variant(v).cubeSize(size).build();
        MultiTaskNetwork net = MultiTaskNetwork.create(s, tasks());
        double testGflop = testFlops(v, size, 3) / 1e9;
        double trainGflop = 3 * trainingForwardFlops(v, size, 3) / 1e9;
        out.printf(Locale.ROOT, "%n%s, %dx%d colour: %,d parameters; %.2f GFLOP/object (test), %.2f GFLOP/sample (training)%n",
                v.id(), size, size, net.parameterCount(), testGflop, trainGflop);
        CubeSettings cubes = CubeSettings.builder().size(size).build();
        for (int b : options.forwardBatches()) {
            CubeBatch batch = cubes(cubes, b);
            double sec = time(() -> net.outputs(batch));
            double objs = b / sec;
            out.printf(Locale.ROOT, "  forward batch %3d: %8.1f objects/s  %6.1f ms/batch  %6.1f GFLOP/s (%4.1f%% of peak)%n",
                    b, objs, sec * 1e3, objs * testGflop, 100 * objs * testGflop / options.peakGflops());
        }
        int splitBatch = options.forwardBatches().get(options.forwardBatches().size() - 1);
        CubeBatch splitCubes = cubes(cubes, splitBatch);
        double full = time(() -> net.outputs(splitCubes));
        double aot = single(s, new ArrowOfTime(), splitCubes);
        double middle = single(s, MiddleBox.standalone(1), splitCubes);
        double motion = single(s, new MotionIrregularity(), splitCubes);
        double distill = single(s, new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)), splitCubes);
        out.printf(Locale.ROOT, "  where the forward time goes (batch %d, ms): 6-frame encoder + classifier head %.0f, "
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
        double step = time(() -> net.fit(batch));
        double sps = options.trainBatch() / step;
        out.printf(Locale.ROOT, "  training batch %3d: %8.1f samples/s  %6.2f s/step  %6.1f GFLOP/s (%4.1f%% of peak); "
                        + "sample preparation %.0f samples/s on one thread%n",
                options.trainBatch(), sps, step, sps * trainGflop, 100 * sps * trainGflop / options.peakGflops(),
                options.trainBatch() / prep);
        out.printf(Locale.ROOT, "  resident memory now %d MB, peak so far %d MB (run one variant per process for its own peak)%n",
                memoryMb("VmRSS"), memoryMb("VmHWM"));
    }

    /** Forward time of a network holding one task only (its own encoder pass and head). */
    private double single(NetworkSettings s, ProxyTask task, CubeBatch cubes) {
        MultiTaskNetwork one = MultiTaskNetwork.create(s, List.of(task));
        return time(() -> one.outputs(cubes));
    }

    private double time(Runnable r) {
        for (int i = 0; i < options.warmup(); i++) {
            r.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < options.repeats(); i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e9 / options.repeats();
    }

    /** A batch of n test cubes cut by the real extractor from generated frames (all detections in one frame). */
    static CubeBatch cubes(CubeSettings settings, int n) {
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

    /** FLOP of one encoder pass over a {@code depth}-frame input. */
    static double encoderFlops(BackboneVariant v, int size, int channels, int depth) {
        double f = 0;
        int in = channels;
        int[][] blocks = v.blocks();
        for (int b = 0; b < blocks.length; b++) {
            double plane = (double) (size >> b) * (size >> b);
            for (int out : blocks[b]) {
                f += 2.0 * 27 * in * out * depth * plane;
                in = out;
            }
        }
        return f;
    }

    /** FLOP of the four heads for one object. */
    static double headFlops(BackboneVariant v, int size, int channels) {
        int latent = v.latentSize(size);
        int pooled = (latent + 1) / 2;
        double trunk = 2.0 * 9 * v.latentChannels() * Heads.HEAD_FILTERS * latent * latent;
        double dense = 2.0 * Heads.HEAD_FILTERS * pooled * pooled;
        double heads = 2 * (trunk + dense * 2) + trunk + dense * 1080;
        int in = v.latentChannels();
        for (int s = 0; s < v.halvings(); s++) {
            int side = latent << (s + 1);
            int out = s == v.halvings() - 1 ? channels : Heads.HEAD_FILTERS;
            heads += 2.0 * 9 * in * out * side * side;
            in = out;
        }
        return heads;
    }

    /** Test time: one 6-frame and one 7-frame encoder pass, and the heads. */
    static double testFlops(BackboneVariant v, int size, int channels) {
        return encoderFlops(v, size, channels, 6) + encoderFlops(v, size, channels, 7) + headFlops(v, size, channels);
    }

    /** Training forward pass: encoder passes over 6, 7 and 7 frames, and the heads. */
    static double trainingForwardFlops(BackboneVariant v, int size, int channels) {
        return encoderFlops(v, size, channels, 6) + 2 * encoderFlops(v, size, channels, 7) + headFlops(v, size, channels);
    }

    private static long memoryMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
