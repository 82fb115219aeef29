package io.github.aed.examples;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.EdgePolicy;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** {@code ./aed bench cubes}: object-cube extraction throughput and memory on generated frames. */
final class CubeBench {

    static final Set<String> VALUED = Set.of("frames", "objects", "k", "size", "width", "height", "seed");
    static final Set<String> FLAGS = Set.of("grey");
    static final String USAGE = """
            usage: ./aed bench cubes [--frames 600] [--objects 8] [--k 3] [--size 64] [--width 360] [--height 240]
                                     [--grey] [--seed 1]

            cubes   streams generated frames (noise texture, default 360x240 BGR, Ped2's size) through the
                    sliding-window cube extractor with --objects random boxes (20..120 px) per frame, and prints
                    cubes/s, frames/s and the JVM heap in use. The first 100 frames are a warm-up.
            """;

    private CubeBench() {
    }

    static void run(Options o) {
        CubeSettings settings = CubeSettings.builder().temporalRadius(o.intValue("k", 3)).size(o.intValue("size", 64))
                .colourMode(o.has("grey") ? io.github.aed.core.cube.ColourMode.GREY : io.github.aed.core.cube.ColourMode.COLOUR)
                .edgePolicy(EdgePolicy.SKIP).build();
        benchCubes(settings, o.intValue("frames", 600), o.intValue("objects", 8), o.intValue("width", 360),
                o.intValue("height", 240), new Random(o.intValue("seed", 1)));
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
