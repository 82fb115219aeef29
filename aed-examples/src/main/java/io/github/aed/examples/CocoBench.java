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
                + "OMP_NUM_THREADS (./aed sets 1 unless it is set)."})
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

    @Override
    public Integer call() {
        if (count < 1 || warmup < 0 || !(peak > 0)) {
            throw UsageErrors.of(spec, "--frames must be >= 1, --warmup-seconds >= 0 and --peak-gflops > 0");
        }
        List<Frame> frames = frames();
        try (ObjectDetector parsed = UsageErrors.withOption(spec, "--detector", () -> DetectorSpec.parse(detectorSpec))) {
            if (!(parsed instanceof CocoDetector detector)) {
                throw UsageErrors.of(spec, "--detector must name a COCO detector (coco:...), got '" + detectorSpec + "'");
            }
            System.out.printf(Locale.ROOT, "bench coco: %s%nmachine: %s, %d cores, OMP_NUM_THREADS=%s, backend %s%n",
                    detector.describe(), Machine.cpuModel(), Machine.cores(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                    Nd4j.getBackend().getClass().getSimpleName());
            long start = System.nanoTime();
            int warmed = 0;
            while (warmed < 5 || (System.nanoTime() - start) / 1e9 < warmup) {
                detector.detect(frames.get(warmed++ % frames.size()));
            }
            System.out.printf(Locale.ROOT, "warm-up: %d frames in %.1f s%n", warmed, (System.nanoTime() - start) / 1e9);
            detector.resetTimings();
            long boxes = 0;
            long t0 = System.nanoTime();
            for (Frame f : frames) {
                boxes += detector.detect(f).size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            CocoDetector.StageTimes t = detector.stageTimes();
            System.out.printf(Locale.ROOT, "%d frames %dx%d: %.1f frames/s (%.1f ms/frame), %.1f boxes/frame%n", frames.size(),
                    frames.get(0).width(), frames.get(0).height(), frames.size() / seconds, 1000 * seconds / frames.size(),
                    (double) boxes / frames.size());
            System.out.printf(Locale.ROOT, "stages per frame: preprocess %.2f ms, network %.2f ms (%.1f frames/s), decode+NMS %.2f ms%n",
                    t.preprocessMs(), t.networkMs(), 1000 / t.networkMs(), t.postprocessMs());
            List<OpProfile> profile = detector.profile(frames.get(0));
            long flops = profile.stream().mapToLong(OpProfile::flops).sum();
            double profiled = profile.stream().mapToDouble(OpProfile::millis).sum();
            System.out.printf(Locale.ROOT, "network: %.2f GFLOP/frame of convolutions; at the measured %.2f ms/frame %.1f GFLOP/s, "
                    + "%.0f%% of the %.0f GFLOP/s fp32 peak%n", flops / 1e9, t.networkMs(), flops / 1e6 / t.networkMs(),
                    100 * flops / 1e6 / t.networkMs() / peak, peak);
            System.out.printf(Locale.ROOT, "one profiled call (%.1f ms), per operation:%n", profiled);
            for (OpProfile p : profile) {
                System.out.printf(Locale.ROOT, "  %-28s %4d nodes %7.2f ms%s%n", p.op(), p.nodes(), p.millis(),
                        p.flops() == 0 ? "" : String.format(Locale.ROOT, "  %.2f GFLOP, %.1f GFLOP/s", p.flops() / 1e9,
                                p.flops() / 1e6 / p.millis()));
            }
            System.out.printf(Locale.ROOT, "memory: peak resident %d MB (heap and native), peak heap %d MB of %d MB%n",
                    Machine.processMb("VmHWM"), Machine.peakHeapMb(), Machine.maxHeapMb());
        }
        return 0;
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
