package io.github.aed.examples;

import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./aed info}: decodes videos and reports their frames, size and decoding speed. */
@Command(name = "info", header = "decode a video, a frame folder or a folder of clips; print frames, size and decode speed",
        description = "Reads every frame and prints, per clip: frames, width x height x channels, decode rate.")
final class InfoCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "PATH", description = {"a video file (MJPG .avi through OpenCV; "
            + "mp4 and other codecs through FFmpeg), a folder of frame images (jpg, png, tif, bmp; natural numeric order), or "
            + "a folder of such clips (e.g. a dataset's Train folder)"})
    private Path input;

    @Override
    public Integer call() {
        List<Video> clips = ScoreCommand.isClipFolder(input) ? Video.clipsIn(input) : List.of(Video.at(input));
        long totalFrames = 0;
        long start = System.nanoTime();
        for (Video clip : clips) {
            long t0 = System.nanoTime();
            int n = 0;
            Frame first = null;
            try (FrameSource source = clip.open()) {
                while (source.hasNext()) {
                    Frame f = source.next();
                    if (first == null) {
                        first = f;
                    }
                    n++;
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%-24s %6d frames  %4dx%-4d x%d  %8.1f frames/s%n", clip.name(), n,
                    first.width(), first.height(), first.channels(), n / s);
            totalFrames += n;
        }
        if (clips.size() > 1) {
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d clips, %d frames, %.1f frames/s%n", clips.size(), totalFrames, totalFrames / s);
        }
        return 0;
    }

}
