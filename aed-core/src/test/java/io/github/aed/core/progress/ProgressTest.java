package io.github.aed.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aReportSaysCountsRateEtaAndDetail() {
        Progress p = new Progress("training", "samples", 50, 200, Duration.ofSeconds(10), "epoch 1/4, loss {a 0.5000}");
        assertEquals(5.0, p.rate(), 1e-12);
        assertEquals(30, p.etaSeconds().getAsLong());
        assertEquals("training: 50/200 samples (25.0%), 5.0 samples/s, ETA 30 s; epoch 1/4, loss {a 0.5000}", p.toString());
        assertEquals("live: 7 frames, 0.7 frames/s", new Progress("live", "frames", 7, -1, Duration.ofSeconds(10)).toString());
    }

    @Test
    void aThrottledListenerPassesEachTasksFirstAndFinalReportAndLittleInBetween() {
        List<Progress> seen = new ArrayList<>();
        ProgressListener throttled = ProgressListener.throttled(Duration.ofHours(1), seen::add);
        for (String task : List.of("scoring a", "scoring b")) {
            for (int done = 1; done <= 100; done++) {
                throttled.onProgress(new Progress(task, "frames", done, 100, Duration.ofMillis(done)));
            }
        }
        assertEquals(List.of("scoring a 1", "scoring a 100", "scoring b 1", "scoring b 100"),
                seen.stream().map(p -> p.task() + " " + p.done()).toList());
    }

    @Test
    void aMeterAlwaysReportsTheEndWithTheLatestDetail() {
        List<Progress> seen = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter("training", "samples", 10, Duration.ofHours(1), List.of(seen::add));
        for (int i = 0; i < 10; i++) {
            meter.detail("step " + i);
            meter.advance(1);
        }
        meter.finish();
        assertEquals(1, seen.size(), "nothing within the interval, then the end");
        assertTrue(seen.get(0).isFinished());
        assertEquals("step 9", seen.get(0).detail());
    }
}
