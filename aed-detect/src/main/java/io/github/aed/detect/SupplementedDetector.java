package io.github.aed.detect;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A primary detector's boxes plus those of a supplementary detector that no primary box covers: for example a COCO
 * detector, whose boxes carry classes, supplemented by the motion detector for moving objects the network misses. A
 * supplementary box is covered when its IoU with some primary box of the same frame is at least {@code coverIou}.
 *
 * <p>Owns both parts: {@link #reset()}, {@link #prime} and {@link #close()} reach them. Used by one thread at a time.
 */
public final class SupplementedDetector implements ObjectDetector {

    /** The default IoU at which a primary box covers a supplementary one. */
    public static final double DEFAULT_COVER_IOU = 0.5;
    private static final String PRIMARY = "primary";
    private static final String SUPPLEMENT = "supplement";

    private final ObjectDetector primary;
    private final ObjectDetector supplement;
    private final double coverIou;

    private SupplementedDetector(ObjectDetector primary, ObjectDetector supplement, double coverIou) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.supplement = Objects.requireNonNull(supplement, "supplement");
        this.coverIou = Check.unitInterval("cover IoU", coverIou);
    }

    /** {@code primary} supplemented by {@code supplement} at {@link #DEFAULT_COVER_IOU}. */
    public static SupplementedDetector of(ObjectDetector primary, ObjectDetector supplement) {
        return new SupplementedDetector(primary, supplement, DEFAULT_COVER_IOU);
    }

    /** {@code primary} supplemented by {@code supplement}; a box is covered at IoU {@code coverIou} in [0, 1]. */
    public static SupplementedDetector of(ObjectDetector primary, ObjectDetector supplement, double coverIou) {
        return new SupplementedDetector(primary, supplement, coverIou);
    }

    @Override
    public List<Detection> detect(Frame frame) {
        List<Detection> out = new ArrayList<>(primary.detect(frame));
        int primaries = out.size();
        for (Detection d : supplement.detect(frame)) {
            boolean covered = false;
            for (int i = 0; i < primaries && !covered; i++) {
                covered = out.get(i).box().iou(d.box()) >= coverIou;
            }
            if (!covered) {
                out.add(d);
            }
        }
        return out;
    }

    /** The primary's class names (the supplement's boxes keep their own class ids). */
    @Override
    public List<String> classNames() {
        return primary.classNames();
    }

    /** The detector whose boxes are all kept. */
    public ObjectDetector primary() {
        return primary;
    }

    /** The detector whose uncovered boxes are added. */
    public ObjectDetector supplement() {
        return supplement;
    }

    @Override
    public void reset() {
        primary.reset();
        supplement.reset();
    }

    @Override
    public void prime(List<Video> normalVideos) {
        primary.prime(normalVideos);
        supplement.prime(normalVideos);
    }

    /** {@code PRIMARY+SUPPLEMENT} when both parts have a spec (the cover IoU is checked by the recipe's description). */
    @Override
    public Optional<String> spec() {
        return primary.spec().flatMap(p -> supplement.spec().map(s -> p + "+" + s));
    }

    /** The parts' states under {@code primary/} and {@code supplement/}. */
    @Override
    public PrimedState primedState() {
        return primary.primedState().withPrefix(PRIMARY).and(supplement.primedState().withPrefix(SUPPLEMENT));
    }

    @Override
    public void restore(PrimedState state) {
        if (!state.names().stream().allMatch(n -> n.startsWith(PRIMARY + "/") || n.startsWith(SUPPLEMENT + "/"))) {
            throw new IllegalArgumentException("a supplemented detector's primed state has entries under " + PRIMARY + "/ and "
                    + SUPPLEMENT + "/ only, got " + state.names());
        }
        primary.restore(state.under(PRIMARY));
        supplement.restore(state.under(SUPPLEMENT));
    }

    @Override
    public String describe() {
        return primary.describe() + " + uncovered boxes (IoU < " + String.format(Locale.ROOT, "%.2f", coverIou) + ") of "
                + supplement.describe();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Closes both parts, the supplement even if closing the primary fails. */
    @Override
    public void close() {
        try {
            primary.close();
        } finally {
            supplement.close();
        }
    }
}
