package io.github.aed.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.cube.ColourMode;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoIndexTest {

    @Test
    void afterTheSplitOnlyValidationObjectsKeepTestTargetsAndOnlyUsedObjectsTeacherOutputs() {
        CubeSettings cubes = CubeSettings.builder().temporalRadius(2).size(16).colourMode(ColourMode.GREY).build();
        VideoIndex v = VideoIndex.build(TrainerTest.videos(1, 20).get(0), 0, new TrainerTest.FixedBoxes(),
                new DetectorConfidenceTeacher(2), List.of(), 2);
        v.split(cubes, 0.2, 10);
        int[] seen = new int[3];
        for (int f = 0; f < v.frames; f++) {
            int[] role = v.role.get(f);
            for (int i = 0; i < role.length; i++) {
                seen[role[i] + 1]++;
                if (role[i] == 1) {
                    assertNotNull(v.teacherTargets.get(f)[i], "validation objects are scored at training: frame " + f);
                } else {
                    assertNull(v.teacherTargets.get(f)[i], "frame " + f + " object " + i + " role " + role[i]);
                }
                if (role[i] < 0) {
                    assertNull(v.teacherOutputs.get(f)[i], "an unused object needs no teacher outputs: frame " + f);
                } else {
                    assertNotNull(v.teacherOutputs.get(f)[i], "training and validation losses use them: frame " + f);
                }
            }
        }
        assertTrue(seen[0] > 0 && seen[1] == 10 && seen[2] > 0, "unused, training, validation: " + java.util.Arrays.toString(seen));
        assertEquals(seen[2], v.validationObjects);
        assertThrows(IllegalStateException.class, () -> v.split(cubes, 0.2, 10), "what it let go cannot be split again");
    }
}
