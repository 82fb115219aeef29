package io.github.aed.examples;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.EdgePolicy;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.examples.cli.SeedOption;
import io.github.aed.examples.cli.UsageErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./aed bench cubes}: object-cube extraction throughput and memory on generated frames. */
@Command(name = "cubes", header = "object-cube extraction throughput (cubes/s) and heap use on generated frames",
        description = {"Streams generated frames (noise texture, default 360x240 BGR, Ped2's size) through the sliding-window "
                + "cube extractor with --objects random boxes (20..120 px) per frame, and prints cubes/s, frames/s and the "
                + "JVM heap in use. The first 100 frames are a warm-up."})
final class CubeBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--frames", paramLabel = "N", description = "frames to stream, at least 1 (default: ${DEFAULT-VALUE})")
    private int frames = 600;

    @Option(names = "--objects", paramLabel = "N", description = "random boxes per frame, at least 0 (default: ${DEFAULT-VALUE})")
    private int objects = 8;

    @Option(names = "--k", paramLabel = "K", description = "the cubes' temporal radius (default: ${DEFAULT-VALUE})")
    private int k = 3;

    @Option(names = "--size", paramLabel = "PX", description = "the cubes' side in pixels (default: ${DEFAULT-VALUE})")
    private int size = 64;

    @Option(names = "--width", paramLabel = "PX", description = "frame width (default: ${DEFAULT-VALUE})")
    private int width = 360;

    @Option(names = "--height", paramLabel = "PX", description = "frame height (default: ${DEFAULT-VALUE})")
    private int height = 240;

    @Option(names = "--grey", description = "grey cubes instead of colour ones")
    private boolean grey;

    @Mixin
    private SeedOption seed = new SeedOption(1);

    @Override
    public Integer call() {
        if (frames < 1 || objects < 0) {
            throw UsageErrors.of(spec, "--frames must be at least 1 and --objects at least 0");
        }
        CubeSettings settings = UsageErrors.withOption(spec, "--k/--size", () -> CubeSettings.builder().temporalRadius(k).size(size)
                .colourMode(grey ? io.github.aed.core.cube.ColourMode.GREY : io.github.aed.core.cube.ColourMode.COLOUR)
                .edgePolicy(EdgePolicy.SKIP).build());
        benchCubes(settings, frames, objects, width, height, new Random(seed.seed()));
        return 0;
    }

    private static void benchCubes(CubeSettings settings, int frames, int objects, int width, int height, Random random) {
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
