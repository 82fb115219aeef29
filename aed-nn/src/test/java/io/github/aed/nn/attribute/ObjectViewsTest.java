package io.github.aed.nn.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneFamily;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The flows an object's view holds around its frame, on a short generated street video: as far as the video goes,
 * each frame's flow computed once, and the same at training (the recorder, which sees frames one at a time) as with
 * the whole video at hand.
 */
class ObjectViewsTest {

    private static final GeneratedVideo VIDEO = SceneGenerator.builder().family(SceneFamily.street()).frames(12).walkers(4)
            .seed(5).build().generate("Train0", 0);
    private static final List<Frame> FRAMES = VIDEO.frames();
    private static final IntFunction<Frame> WHOLE_VIDEO = i -> i >= 0 && i < FRAMES.size() ? FRAMES.get(i) : null;

    @Test
    void viewsHoldTheFlowsAroundTheirFrameAsFarAsTheVideoGoes() {
        int n = FRAMES.size();
        try (ObjectViews views = new ObjectViews(2)) {
            for (int t = 0; t < n; t++) {
                ObjectView v = views.view(at(t), WHOLE_VIDEO);
                boolean last = t == n - 1;
                assertEquals(last ? 1 : Math.min(2, t), v.before().size(),
                        "flows before frame " + t + " (the last frame's own flow is that of the frame before)");
                assertEquals(last ? 0 : Math.min(2, n - 2 - t), v.after().size(), "flows after frame " + t);
            }
            assertSame(views.view(at(4), WHOLE_VIDEO).flow(), views.view(at(5), WHOLE_VIDEO).before().get(0),
                    "frame 4's flow is the one before frame 5, computed once");
            assertSame(views.view(at(n - 3), WHOLE_VIDEO).flow(), views.view(at(n - 1), WHOLE_VIDEO).before().get(0),
                    "the last frame's own flow runs from the frame before, which is not counted twice");
            assertEquals(List.of(views.view(at(3), WHOLE_VIDEO).flow(), views.view(at(4), WHOLE_VIDEO).flow(),
                    views.view(at(5), WHOLE_VIDEO).flow()), views.view(at(4), WHOLE_VIDEO).flows(1));
        }
        try (ObjectViews views = new ObjectViews()) {
            ObjectView v = views.view(at(4), WHOLE_VIDEO);
            assertTrue(v.before().isEmpty() && v.after().isEmpty(), "radius 0: the frame's own flow alone");
        }
    }

    @Test
    void anAttributeAskingForMoreFramesThanViewsHoldIsNamed() {
        ObjectAttribute greedy = new ObjectAttribute() {
            public String name() {
                return "greedy";
            }

            public int dimension() {
                return 1;
            }

            public float[] features(ObjectView object) {
                return new float[1];
            }

            @Override
            public int flowRadius() {
                return ObjectViews.MAX_RADIUS + 1;
            }
        };
        assertEquals(Velocity.DEFAULT_RADIUS, ObjectViews.radiusOf(List.of(new Velocity(), new SizeAtPosition())));
        var e = assertThrows(IllegalArgumentException.class, () -> new AttributeRecorder(List.of(new Velocity(), greedy)));
        assertTrue(e.getMessage().contains("attribute 'greedy' asks for a flow radius of " + (ObjectViews.MAX_RADIUS + 1)),
                e.getMessage());
    }

    @Test
    void theRecorderSeesWhatAViewOfTheWholeVideoSees() {
        List<ObjectAttribute> attributes = List.of(new Velocity(), new Direction());
        int objects = 0;
        try (AttributeRecorder recorder = new AttributeRecorder(attributes); ObjectViews views = new ObjectViews(Velocity.DEFAULT_RADIUS)) {
            for (Frame f : FRAMES) {
                recorder.push(f, detections(f.index()));
            }
            recorder.finish();
            for (int f = 0; f < FRAMES.size(); f++) {
                List<Detection> ds = detections(f);
                for (int i = 0; i < ds.size(); i++) {
                    ObjectView v = views.view(ds.get(i), WHOLE_VIDEO);
                    for (int a = 0; a < attributes.size(); a++) {
                        assertArrayEquals(attributes.get(a).features(v), recorder.features(f)[i][a],
                                attributes.get(a).name() + " of object " + i + " of frame " + f);
                    }
                    objects++;
                }
            }
        }
        assertTrue(objects > 20, "objects compared: " + objects);
    }

    private static Detection at(int frame) {
        return Detection.unclassified(frame, Box.ofSize(0, 0, 8, 8), 1);
    }

    /** The generated figures fully in view in frame f. */
    private static List<Detection> detections(int f) {
        List<Detection> out = new ArrayList<>();
        for (Box b : VIDEO.objects().get(f)) {
            if (!b.isEmpty() && b.clipTo(FRAMES.get(f).width(), FRAMES.get(f).height()).equals(b)) {
                out.add(Detection.unclassified(f, b, 1));
            }
        }
        return out;
    }
}
