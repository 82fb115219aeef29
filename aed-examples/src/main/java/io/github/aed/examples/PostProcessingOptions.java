package io.github.aed.examples;

import io.github.aed.detect.NmsMode;
import io.github.aed.detect.PostProcessor;
import io.github.aed.examples.cli.UsageErrors;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The post-processing of a detector's boxes (see docs/detect.md): {@code --min-confidence}, {@code --classes},
 * {@code --nms} with {@code --nms-across}, {@code --min-area}, {@code --max-area} and {@code --max-per-frame}. Options
 * not given filter nothing.
 */
final class PostProcessingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--min-confidence", paramLabel = "C", description = "drop boxes below this confidence, in [0, 1]")
    private Double minConfidence;

    @Option(names = "--classes", paramLabel = "ID", split = ",", description = "keep only boxes of these class ids (comma-separated)")
    private List<Integer> classes;

    @Option(names = "--nms", paramLabel = "IOU", description = "non-maximum suppression at this IoU, per class unless --nms-across")
    Double nmsIou;

    @Option(names = "--nms-across", description = "with --nms: suppress boxes across classes")
    private boolean nmsAcross;

    @Option(names = "--min-area", paramLabel = "PX", description = "drop boxes smaller than this area in pixels")
    Integer minArea;

    @Option(names = "--max-area", paramLabel = "PX", description = "drop boxes larger than this area in pixels")
    Double maxArea;

    @Option(names = "--max-per-frame", paramLabel = "N", description = "keep at most the N most confident boxes of each frame")
    Integer maxPerFrame;

    /** The post-processing these options describe ({@link PostProcessor#NONE} if none is given). */
    PostProcessor postProcessor() {
        PostProcessor.Builder b = PostProcessor.builder();
        if (minConfidence != null) {
            UsageErrors.withOption(command, "--min-confidence", () -> b.minConfidence(minConfidence));
        }
        if (classes != null) {
            UsageErrors.withOption(command, "--classes", () -> b.classes(new LinkedHashSet<>(classes)));
        }
        if (nmsIou != null) {
            UsageErrors.withOption(command, "--nms", () -> b.nms(nmsAcross ? NmsMode.ACROSS_CLASSES : NmsMode.PER_CLASS, nmsIou));
        } else if (nmsAcross) {
            throw UsageErrors.of(command, "--nms-across needs --nms IOU");
        }
        if (maxArea != null && maxArea != Math.rint(maxArea)) {
            throw UsageErrors.of(command, "--max-area: a box area in pixels is a whole number, got " + maxArea);
        }
        if (minArea != null || maxArea != null) {
            UsageErrors.withOption(command, "--min-area/--max-area", () -> b.area(minArea != null ? minArea : 0,
                    maxArea != null ? maxArea.longValue() : Long.MAX_VALUE));
        }
        if (maxPerFrame != null) {
            UsageErrors.withOption(command, "--max-per-frame", () -> b.maxPerFrame(maxPerFrame));
        }
        return b.build();
    }
}
