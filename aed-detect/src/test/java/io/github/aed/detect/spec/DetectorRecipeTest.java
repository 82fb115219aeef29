package io.github.aed.detect.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.PrimedState;
import io.github.aed.detect.coco.CocoDetector;
import io.github.aed.detect.csv.CsvDetector;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.detect.person.HogPeopleDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorRecipeTest {

    private static final SceneGenerator SCENE = SceneGenerator.builder().size(160, 112).frames(40).walkers(4).seed(11).build();
    private static final List<Video> NORMAL = List.of(SCENE.generate("n1", 1).asVideo(), SCENE.generate("n2", 2).asVideo());
    private static final Video TEST = SCENE.generate("t", 3).asVideo();

    /** Every detection of every frame of the video, after a reset. */
    private static List<List<Detection>> detections(ObjectDetector d, Video video, int maxFrames) {
        d.reset();
        List<List<Detection>> out = new ArrayList<>();
        try (FrameSource src = video.open()) {
            while (src.hasNext() && out.size() < maxFrames) {
                Frame f = src.next();
                out.add(d.detect(f));
            }
        }
        return out;
    }

    @Test
    void aPrimedMotionDetectorComesBackWithItsBackgroundAndDetectsTheSame() {
        try (MotionDetector primed = MotionDetector.builder().build()) {
            primed.prime(NORMAL);
            DetectorRecipe recipe = DetectorRecipe.of(primed).orElseThrow();
            assertEquals("motion", recipe.spec());
            assertEquals(Set.of("background"), recipe.state().names());
            try (ObjectDetector back = recipe.rebuild()) {
                assertEquals(primed.describe(), back.describe());
                List<List<Detection>> expected = detections(primed, TEST, 40);
                assertTrue(expected.stream().mapToInt(List::size).sum() > 0, "the test scene has moving objects");
                assertEquals(expected, detections(back, TEST, 40));
            }
            try (MotionDetector unprimed = MotionDetector.builder().build()) {
                assertNotEquals(detections(primed, TEST, 10), detections(unprimed, TEST, 10),
                        "the background state matters, so the test above can fail");
            }
        }
    }

    @Test
    void aDetectorWithSettingsTheSpecCannotSayHasNoRecipe() {
        try (MotionDetector tuned = MotionDetector.builder().history(77).build();
             HogPeopleDetector strided = HogPeopleDetector.builder().stride(4).build()) {
            assertEquals(Optional.empty(), DetectorRecipe.of(tuned));
            assertEquals(Optional.empty(), DetectorRecipe.of(strided));
        }
        ObjectDetector own = new ObjectDetector() {
            @Override
            public List<Detection> detect(Frame frame) {
                return List.of();
            }

            @Override
            public String describe() {
                return "a user's own detector";
            }
        };
        assertEquals(Optional.empty(), DetectorRecipe.of(own));
    }

    @Test
    void cocoSettingsSurviveTheSpec() {
        try (CocoDetector coco = CocoDetector.nanodet().confidence(0.25).nmsIou(0.45).merge(0.8).maxDetections(40)
                .classes(Set.of(0, 1, 36)).build()) {
            DetectorRecipe recipe = DetectorRecipe.of(coco).orElseThrow();
            assertEquals("coco:nanodet,conf=0.25,nms=0.45,merge=0.8,max=40,classes=0/1/36", recipe.spec());
            try (ObjectDetector back = recipe.rebuild()) {
                assertEquals(coco.describe(), back.describe());
            }
        }
    }

    @Test
    void theDefaultDetectorComesBackWholeWithItsPartsStates() {
        try (ObjectDetector d = DetectorSpec.parse("default")) {
            d.prime(NORMAL);
            DetectorRecipe recipe = DetectorRecipe.of(d).orElseThrow();
            assertEquals(Set.of("supplement/background"), recipe.state().names());
            try (ObjectDetector back = recipe.rebuild()) {
                assertEquals(d.describe(), back.describe());
                assertEquals(detections(d, TEST, 6), detections(back, TEST, 6));
            }
        }
    }

    @Test
    void hogAndCsvSpecsRoundTrip(@TempDir Path dir) throws IOException {
        try (HogPeopleDetector hog = HogPeopleDetector.builder().upscale(2.5).build()) {
            assertEquals("hog:2.5", DetectorRecipe.of(hog).orElseThrow().spec());
        }
        Path csv = dir.resolve("boxes.csv");
        Files.writeString(csv, "frame,x_min,y_min,x_max,y_max,class_id,class,score\n0,1,2,30,40,0,person,0.9\n");
        try (CsvDetector file = CsvDetector.at(csv)) {
            DetectorRecipe recipe = DetectorRecipe.of(file).orElseThrow();
            assertEquals("csv:" + csv.toAbsolutePath(), recipe.spec());
        }
    }

    @Test
    void aStateThatDoesNotFitIsRefusedWithWhatWasExpected() {
        try (MotionDetector motion = MotionDetector.builder().build()) {
            var wrongName = assertThrows(IllegalArgumentException.class,
                    () -> motion.restore(PrimedState.of(Map.of("frames", new byte[8]))));
            assertTrue(wrongName.getMessage().contains("background") && wrongName.getMessage().contains("frames"),
                    wrongName.getMessage());
            var damaged = assertThrows(IllegalArgumentException.class,
                    () -> motion.restore(PrimedState.of(Map.of("background", new byte[30]))));
            assertTrue(damaged.getMessage().contains("motion detector state"), damaged.getMessage());
        }
        try (CocoDetector coco = CocoDetector.nanodet().build()) {
            var stateless = assertThrows(IllegalArgumentException.class,
                    () -> coco.restore(PrimedState.of(Map.of("background", new byte[1]))));
            assertTrue(stateless.getMessage().contains("learns nothing"), stateless.getMessage());
        }
    }
}
