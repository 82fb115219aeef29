package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.examples.StreamBench.Sample;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./aed bench stream}: a short run end to end, and the growth it judges memory by. */
class StreamBenchTest {

    @Test
    void aShortStreamReportsEveryNFramesAndJudgesTheGrowthAfterWarmUp(@TempDir Path dir) {
        Path model = dir.resolve("tiny.aed");
        SceneGenerator scene = SceneGenerator.builder().size(120, 80).frames(48).walkers(4).seed(1).build();
        try (AnomalyDetector tiny = AnomalyDetector.builder().detector(DetectorSpec.parse("motion"))
                .network(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).channels(1).cubeSize(16).build())
                .training(TrainingSettings.builder().epochs(1).batchSize(16).maxSamplesPerVideo(80).validationFraction(0.3)
                        .cubes(CubeSettings.builder().temporalRadius(9).build()).build())
                .build().fit(List.of(scene.generate("Train0", 0).asVideo(), scene.generate("Train1", 1).asVideo()))) {
            tiny.save(model);
        }
        String[] r = InProcessAed.run("bench", "stream", "--model", model.toString(), "--frames", "120", "--report-every", "40",
                "--clip-frames", "50", "--quiet");
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        for (int frames : new int[] {24, 40, 80, 120}) {
            assertTrue(out.lines().anyMatch(l -> l.trim().startsWith(frames + " ")), "a report at frame " + frames + ":\n" + out);
        }
        assertTrue(out.contains("<- warm-up point"), out);
        assertTrue(out.contains("streamed 120 frames in "), out);
        assertTrue(out.contains("growth after warm-up, frame 24 to 120 (4 samples)"), out);
        assertTrue(out.contains("heap after GC") && out.contains("resident (VmRSS)") && out.contains("JavaCPP totalBytes"), out);
        assertTrue(out.contains("memory flat after warm-up"), out);
    }

    @Test
    void badValuesAreUsageErrors() {
        assertEquals("2", InProcessAed.run("bench", "stream", "--frames", "5")[0]);
        assertEquals("2", InProcessAed.run("bench", "stream", "--size", "96")[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamBench.parseSize("10x10"));
        assertTrue(e.getMessage().contains("'10x10'"), e.getMessage());
    }

    @Test
    void theTrendSeesASteadyLeakThroughNoiseAndNoGrowthInNoiseAlone() {
        List<Sample> leaking = new ArrayList<>();
        List<Sample> flat = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            long noise = i % 2 == 0 ? 8 : -8;
            leaking.add(sample(1000 * i, 100 + 2 * i + noise));
            flat.add(sample(1000 * i, 100 + noise));
        }
        // 2 MB per 1000 frames on a line through 100 MB at frame 0 (the alternating noise has its own small slope)
        assertEquals(20, StreamBench.trendGrowth(leaking, Sample::heapBytes), 2.0);
        assertEquals(0, StreamBench.trendGrowth(flat, Sample::heapBytes), 2.0);
        assertEquals(20, StreamBench.growth(100, 120), 1e-12);
    }

    private static Sample sample(int frames, long heapMb) {
        return new Sample(frames, frames / 10.0, heapMb << 20, 0, 0, 0, 0);
    }
}
