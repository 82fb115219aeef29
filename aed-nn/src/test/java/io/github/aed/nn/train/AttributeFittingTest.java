package io.github.aed.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.cube.ColourMode;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.video.Video;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectAttribute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeFittingTest {

    private static AttributeDensity fitted(int videos) {
        // clips i and i + 16 are twins, in the same held-out group when there are more than 16 clips
        List<ObjectAttribute> attributes = List.of(new TrainerTest.ClipNumber(AttributeFitting.MAX_HELD_OUT_GROUPS));
        CubeSettings cubes = CubeSettings.builder().temporalRadius(2).size(16).colourMode(ColourMode.GREY).build();
        List<VideoIndex> index = new ArrayList<>();
        List<Video> clips = TrainerTest.videos(videos, 20);
        for (int v = 0; v < videos; v++) {
            VideoIndex i = VideoIndex.build(clips.get(v), v, new TrainerTest.FixedBoxes(), null, attributes, 0);
            i.split(cubes, 0.2, 0);
            index.add(i);
        }
        return AttributeFitting.fit(index, AttributeSettings.defaults().withAttributes(attributes), List.of()).densities().get(0);
    }

    @Test
    void withMoreVideosThanGroupsAVideoIsHeldOutWithItsWholeGroup() {
        // 32 clips, two of each feature value, clip i and its twin i + 16 dealt into the same group: measured without
        // its group a held-out object's nearest objects lie a whole clip away, as a new video's would; measured without
        // its own video alone, its twin would sit in the bank at a few thousandths
        AttributeDensity grouped = fitted(2 * AttributeFitting.MAX_HELD_OUT_GROUPS);
        assertTrue(grouped.median() > 0.95 && grouped.median() < 1.1, grouped.describe());
        // up to 16 videos each video is its own group: the calibration is the one against the other videos
        AttributeDensity perVideo = fitted(AttributeFitting.MAX_HELD_OUT_GROUPS);
        assertTrue(perVideo.median() > 0.95 && perVideo.median() < 1.1, perVideo.describe());
        assertEquals(perVideo.median(), fitted(AttributeFitting.MAX_HELD_OUT_GROUPS).median(), 0, "seeded alike: reproducible");
    }
}
