package io.github.aed.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aReportIsABarWithCountsRateAndEta() {
        Progress half = new Progress("scoring Test004", "frames", 90, 180, Duration.ofSeconds(3), "");
        assertEquals("scoring Test004 [############------------]  50% 90/180 frames, 30.0 frames/s, ETA 3 s", ProgressBar.line(half));
        Progress live = new Progress("live", "frames", 12, -1, Duration.ofSeconds(4), "");
        assertEquals("live 12 frames, 3.0 frames/s", ProgressBar.line(live));
    }

    @Test
    void eachTaskGetsOneLineRedrawnInPlaceAndEndedWhenItFinishes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.onProgress(new Progress("a", "frames", 1, 2, Duration.ofSeconds(1), ""));
        bar.onProgress(new Progress("a", "frames", 2, 2, Duration.ofSeconds(2), ""));
        bar.onProgress(new Progress("b", "frames", 1, 4, Duration.ofSeconds(1), ""));
        bar.onProgress(new Progress("c", "frames", 4, 4, Duration.ofSeconds(1), ""));
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = out.split(System.lineSeparator(), -1);
        assertEquals(4, lines.length, out);
        assertTrue(lines[0].startsWith("\ra [") && lines[0].contains("\ra [########################] 100% 2/2"), lines[0]);
        assertTrue(lines[1].startsWith("\rb [") && lines[1].contains(" 25% 1/4"), "an unfinished task's line ends when another starts: " + lines[1]);
        assertTrue(lines[2].contains("100% 4/4"), lines[2]);
        assertEquals("", lines[3]);
    }
}
