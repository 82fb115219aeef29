package io.github.aed.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostProcessorTest {

    private static Detection d(Box b, int cls, double conf) {
        return Detection.of(3, b, cls, "c" + cls, conf);
    }

    @Test
    void clipsBoxesToTheFrameAndDropsThoseOutsideIt() {
        Detection partly = d(new Box(-5, -5, 10, 10), 0, 0.9);
        Detection outside = d(new Box(200, 0, 210, 10), 0, 0.8);
        assertEquals(List.of(partly.withBox(new Box(0, 0, 10, 10))),
                PostProcessor.NONE.apply(List.of(partly, outside), 100, 50));
    }

    @Test
    void filtersByClassConfidenceAreaAndAspect() {
        Detection keep = d(Box.ofSize(0, 0, 10, 20), 1, 0.9);
        Detection wrongClass = d(Box.ofSize(0, 0, 10, 20), 2, 0.9);
        Detection weak = d(Box.ofSize(0, 0, 10, 20), 1, 0.2);
        Detection tiny = d(Box.ofSize(0, 0, 2, 4), 1, 0.9);
        Detection wide = d(Box.ofSize(0, 0, 40, 10), 1, 0.9);
        PostProcessor p = PostProcessor.builder().classes(Set.of(1)).minConfidence(0.5).area(50, 1000).aspect(0.2, 2)
                .build();
        assertEquals(List.of(keep), p.apply(List.of(wrongClass, weak, tiny, wide, keep), 100, 100));
    }

    @Test
    void removesBoxesMostlyInsideAMoreConfidentOne() {
        Detection big = d(Box.ofSize(0, 0, 40, 40), 0, 0.9);
        Detection inner = d(Box.ofSize(5, 5, 10, 10), 1, 0.8); // IoU small, fully contained
        Detection half = d(Box.ofSize(35, 0, 10, 10), 1, 0.7); // half inside
        PostProcessor p = PostProcessor.builder().nms(NmsMode.ACROSS_CLASSES, 0.5).removeContained(0.8).build();
        assertEquals(List.of(big, half), p.apply(List.of(inner, half, big), 100, 100));
    }

    @Test
    void keepsTheMostConfidentUpToTheLimit() {
        Detection a = d(Box.ofSize(0, 0, 5, 5), 0, 0.3);
        Detection b = d(Box.ofSize(10, 0, 5, 5), 0, 0.9);
        Detection c = d(Box.ofSize(20, 0, 5, 5), 0, 0.6);
        assertEquals(List.of(b, c), PostProcessor.builder().maxPerFrame(2).build().apply(List.of(a, b, c), 100, 100));
    }

    @Test
    void describesEverySettingAndRoundTripsThroughItsBuilder() {
        PostProcessor p = PostProcessor.builder().classes(Set.of(0, 2)).minConfidence(0.25).area(10, 500).aspect(0.1, 3)
                .nms(NmsMode.PER_CLASS, 0.45).removeContained(0.9).maxPerFrame(12).build();
        String s = p.describe();
        for (String part : List.of("conf>=0.250", "[0, 2]", "area=10..500", "aspect=0.100..3.000", "per-class@0.450",
                ">=0.900 removed", "max/frame=12")) {
            assertTrue(s.contains(part), s + " lacks " + part);
        }
        assertEquals(p, p.toBuilder().build());
        assertTrue(PostProcessor.NONE.describe().contains("nms=none"));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> PostProcessor.builder().minConfidence(2));
        assertThrows(IllegalArgumentException.class, () -> PostProcessor.builder().area(10, 5));
        assertThrows(IllegalArgumentException.class, () -> PostProcessor.builder().removeContained(0));
        assertThrows(IllegalArgumentException.class, () -> PostProcessor.builder().maxPerFrame(0));
    }

    @Test
    void composedDetectorPoolsItsPartsAndPostProcessesThem() {
        Frame frame = new Frame("v", 0, 50, 50, 1, new byte[2500]);
        Detection a = Detection.of(0, Box.ofSize(0, 0, 10, 10), 0, "person", 0.9);
        Detection b = Detection.of(0, Box.ofSize(1, 1, 10, 10), 1, "bicycle", 0.5);
        int[] resets = new int[1];
        ObjectDetector first = fixed(List.of(a), resets);
        ObjectDetector second = fixed(List.of(b), resets);
        try (ComposedDetector union = ComposedDetector.builder().add(first).add(second).build();
                ComposedDetector suppressed = union.toBuilder()
                        .postProcessor(PostProcessor.builder().nms(NmsMode.ACROSS_CLASSES, 0.5).build()).build()) {
            assertEquals(List.of(a, b), union.detect(frame));
            assertEquals(List.of(a), suppressed.detect(frame));
            union.reset();
            assertEquals(2, resets[0]);
            assertTrue(suppressed.describe().startsWith("union(fixed + fixed) then post["), suppressed.describe());
        }
        assertThrows(IllegalStateException.class, () -> ComposedDetector.builder().build());
    }

    private static ObjectDetector fixed(List<Detection> out, int[] resets) {
        return new ObjectDetector() {
            @Override
            public List<Detection> detect(Frame frame) {
                return out;
            }

            @Override
            public void reset() {
                resets[0]++;
            }

            @Override
            public String describe() {
                return "fixed";
            }
        };
    }
}
