package io.github.aed.examples;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.EdgePolicy;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.nn.bench.NetworkBenchmark;
import io.github.aed.nn.network.BackboneVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** {@code ./aed bench}: throughput and memory benchmarks of the pipeline's stages. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks: 'bench cubes' (object-cube extraction), 'bench nn' (the 3D CNN: objects/s, samples/s, memory)";
    }

    @Override
    public String usage() {
        return """
                usage: ./aed bench cubes [--frames 600] [--objects 8] [--k 3] [--size 64] [--width 360] [--height 240]
                                         [--grey] [--seed 1]

                cubes   streams generated frames (noise texture, default 360x240 BGR, Ped2's size) through the
                        sliding-window cube extractor with --objects random boxes (20..120 px) per frame, and prints
                        cubes/s, frames/s and the JVM heap in use. The first 100 frames are a warm-up.

                usage: ./aed bench nn [--variant all|shallow-narrow|shallow-wide|deep-narrow|deep-wide]... [--sizes 64,32]
                                      [--batches 1,8,64] [--train-batch 64] [--warmup 1] [--repeats 3] [--peak-gflops 220]

                nn      the multi-task 3D CNN with the four built-in tasks (1080-output teacher, colour crops): per
                        variant and cube size, parameters, GFLOP per object (test) and per training sample, forward
                        objects/s per batch size, training samples/s, the share of the fp32 peak, and resident memory.
                        Run one variant per process for its own peak memory. Threads: OMP_NUM_THREADS (default: all cores).""";
    }

    @Override
    public int run(String[] args) {
        Options o = Options.parse(name(), args, Set.of("frames", "objects", "k", "size", "width", "height", "seed", "variant",
                "sizes", "batches", "train-batch", "warmup", "repeats", "peak-gflops"), Set.of("grey"));
        List<String> what = o.positional();
        if (what.size() != 1 || !what.get(0).equals("cubes") && !what.get(0).equals("nn")) {
            throw new UsageException("say what to benchmark: 'cubes' or 'nn'");
        }
        if (what.get(0).equals("nn")) {
            new NetworkBenchmark(networkOptions(o), System.out).run();
            return 0;
        }
        int frames = o.intValue("frames", 600);
        int objects = o.intValue("objects", 8);
        int width = o.intValue("width", 360);
        int height = o.intValue("height", 240);
        CubeSettings settings = CubeSettings.builder().temporalRadius(o.intValue("k", 3)).size(o.intValue("size", 64))
                .colourMode(o.has("grey") ? io.github.aed.core.cube.ColourMode.GREY : io.github.aed.core.cube.ColourMode.COLOUR)
                .edgePolicy(EdgePolicy.SKIP).build();
        benchCubes(settings, frames, objects, width, height, new Random(o.intValue("seed", 1)));
        return 0;
    }

    private static NetworkBenchmark.Options networkOptions(Options o) {
        List<String> names = o.all("variant");
        List<BackboneVariant> variants = names.isEmpty() || names.contains("all") ? List.of(BackboneVariant.values())
                : names.stream().map(BackboneVariant::parse).toList();
        return new NetworkBenchmark.Options(variants, ints(o, "sizes", "64,32"), ints(o, "batches", "1,8,64"),
                o.intValue("train-batch", 64), o.intValue("warmup", 1), o.intValue("repeats", 3), o.doubleValue("peak-gflops", 220));
    }

    private static List<Integer> ints(Options o, String name, String defaults) {
        try {
            return java.util.Arrays.stream(o.get(name).orElse(defaults).split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects comma-separated numbers, got '" + o.get(name).orElse("") + "'");
        }
    }

    private static void benchCubes(CubeSettings settings, int frames, int objects, int width, int height, Random random) {
        if (frames < 1 || objects < 0) {
            throw new UsageException("--frames must be at least 1 and --objects at least 0");
        }
        int warmup = Math.min(100, frames / 4);
        byte[] texture = new byte[width * height * 3 * 2];
        random.nextBytes(texture);
        System.out.printf(Locale.ROOT, "bench cubes: %d frames of %dx%d BGR, %d boxes/frame, %s%n",
                frames, width, height, objects, settings);
        long cubes = 0;
        long timedCubes = 0;
        long t0 = 0;
        long extractNanos = 0;
        try (StreamingCubeExtractor stream = new StreamingCubeExtractor(settings)) {
            for (int i = 0; i < frames; i++) {
                int shift = (i * 3 * 7) % (width * height * 3);
                byte[] pixels = java.util.Arrays.copyOfRange(texture, shift, shift + width * height * 3);
                Frame frame = new Frame("generated", i, width, height, 3, pixels);
                List<Detection> ds = new ArrayList<>(objects);
                for (int j = 0; j < objects; j++) {
                    int w = 20 + random.nextInt(101);
                    int h = 20 + random.nextInt(101);
                    Box b = Box.ofSize(random.nextInt(width - w + 1), random.nextInt(height - h + 1), w, h);
                    ds.add(Detection.unclassified(i, b, 1.0));
                }
                if (i == warmup) {
                    t0 = System.nanoTime();
                    extractNanos = 0;
                }
                long s = System.nanoTime();
                CubeBatch batch = stream.push(frame, ds);
                extractNanos += System.nanoTime() - s;
                cubes += batch.size();
                if (i >= warmup) {
                    timedCubes += batch.size();
                }
            }
            cubes += stream.finish().size();
            double wall = (System.nanoTime() - t0) / 1e9;
            double busy = extractNanos / 1e9;
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.printf(Locale.ROOT, "cubes: %d made, %d skipped at the edges (EdgePolicy.SKIP)%n",
                    cubes, stream.skippedDetections());
            System.out.printf(Locale.ROOT, "extraction: %.0f cubes/s (%.1f us/cube, one thread), %.0f frames/s%n",
                    timedCubes / busy, busy * 1e6 / Math.max(1, timedCubes), (frames - warmup) / busy);
            System.out.printf(Locale.ROOT, "with frame generation: %.0f cubes/s; heap in use %d MB of %d MB max%n",
                    timedCubes / wall, heapMb, rt.maxMemory() >> 20);
        }
    }
}
