package io.github.aed.nn.teacher;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.Map;

/**
 * An offline teacher from the detection's box alone: its width and height as fractions of the frame's, and its
 * shape {@code width / (width + height)} (0.5 for a square, below for upright boxes). Nothing is learnt or shipped:
 * the distillation task learns to predict, from the object's appearance, how large and how wide its box is. A
 * student trained on walkers then disagrees with the box of a cyclist or a cart. It is a fixed descriptor, not a
 * network's knowledge; name it for what it is when reporting results. All three outputs lie in [0, 1].
 */
public final class BoxShapeTeacher implements Teacher {

    /** Registry name. */
    public static final String NAME = "box-shape";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "box shape (width and height as fractions of the frame, width / (width + height))";
    }

    @Override
    public int outputSize() {
        return 3;
    }

    @Override
    public float[] outputs(Frame frame, Detection detection) {
        Box b = detection.box();
        return new float[] {(float) b.width() / frame.width(), (float) b.height() / frame.height(),
                (float) b.width() / (b.width() + b.height())};
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }
}
