package io.github.aed.examples;

import io.github.aed.core.geometry.Box;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.VideoScores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes scores in the files {@code ./aed evaluate} reads: {@code SCORES.csv} ({@code video,frame,score}, 0-based
 * frames) and {@code REGIONS.csv} ({@code video,frame,x_min,y_min,x_max,y_max,score}, inclusive pixel corners, one row
 * per scored object with its region score), and {@code OBJECTS.csv} for analysis: every object with its detection, its
 * combined score and the raw score of each task ({@code video,frame,x_min,y_min,x_max,y_max,class,confidence,score,}
 * then one column per task, inclusive corners).
 */
final class ScoreFiles {

    private ScoreFiles() {
    }

    static void writeFrameScores(Path file, List<VideoScores> videos) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("video,frame,score\n");
            for (VideoScores v : videos) {
                double[] s = v.frameScores();
                for (int f = 0; f < s.length; f++) {
                    w.write(v.video() + "," + f + "," + number(s[f]) + "\n");
                }
            }
        }
    }

    static void writeRegions(Path file, List<VideoScores> videos) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("video,frame,x_min,y_min,x_max,y_max,score\n");
            for (VideoScores v : videos) {
                for (ScoredObject o : v.objects()) {
                    w.write(placeColumns(v, o) + "," + number(o.regionScore()) + "\n");
                }
            }
        }
    }

    static void writeObjects(Path file, List<VideoScores> videos) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> tasks = videos.stream().flatMap(v -> v.objects().stream()).findFirst()
                    .map(o -> List.copyOf(o.rawByTask().keySet())).orElse(List.of());
            w.write("video,frame,x_min,y_min,x_max,y_max,class,confidence,score" + tasks.stream().map(t -> "," + t)
                    .collect(java.util.stream.Collectors.joining()) + "\n");
            for (VideoScores v : videos) {
                for (ScoredObject o : v.objects()) {
                    StringBuilder line = new StringBuilder(placeColumns(v, o)).append(',').append(o.detection().classId())
                            .append(',').append(number(o.detection().confidence())).append(',').append(number(o.score()));
                    for (String t : tasks) {
                        line.append(',').append(number(o.rawByTask().get(t)));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
    }

    /** {@code video,frame,x_min,y_min,x_max,y_max} of an object, inclusive corners. */
    private static String placeColumns(VideoScores v, ScoredObject o) {
        Box b = o.detection().box();
        return v.video() + "," + o.detection().frameIndex() + "," + b.xMin() + "," + b.yMin() + "," + b.inclusiveXMax()
                + "," + b.inclusiveYMax();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
