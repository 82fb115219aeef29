package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of a command's input clips before it starts working: each clip opens and yields a first frame (an empty or
 * unreadable clip fails now, naming it), and priming clips have the frame size of the clips they prime for.
 */
final class InputChecks {

    /** A clip's frame size. */
    record Size(Video clip, int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private InputChecks() {
    }

    /** Opens each clip and reads its first frame; the sizes in clip order. */
    static List<Size> firstFrames(List<Video> clips) {
        List<Size> sizes = new ArrayList<>();
        for (Video v : clips) {
            try (FrameSource s = v.open()) {
                if (!s.hasNext()) {
                    throw new InvalidInputException(v + ": an empty clip (no frames)");
                }
                Frame f = s.next();
                sizes.add(new Size(v, f.width(), f.height()));
            }
        }
        return sizes;
    }

    /**
     * Checks every clip and that every priming clip has the frame size of every input clip (the motion detector's
     * background model is per pixel).
     *
     * @param option the priming option's name, for the message
     */
    static void primingMatches(List<Video> priming, List<Video> inputs, String option) {
        List<Size> in = firstFrames(inputs);
        if (priming.isEmpty()) {
            return;
        }
        List<Size> primed = firstFrames(priming);
        for (Size p : primed) {
            for (Size i : in) {
                if (p.width() != i.width() || p.height() != i.height()) {
                    throw new InvalidInputException(option + " " + p.clip() + " has frames of " + p + ", but the input " + i.clip()
                            + " has frames of " + i + ": priming clips must have the input's frame size");
                }
            }
        }
    }
}
