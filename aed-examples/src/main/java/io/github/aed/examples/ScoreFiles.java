package io.github.aed.examples;

import io.github.aed.core.files.OutputTransaction;
import io.github.aed.core.geometry.Box;
import io.github.aed.metrics.FrameScores;
import io.github.aed.metrics.ScoredRegion;
import io.github.aed.metrics.ScoredRegions;
import io.github.aed.nn.scoring.ScoredObject;
import io.github.aed.nn.scoring.VideoScores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes scores in the files {@code ./aed evaluate} reads, through aed-metrics' writers: {@code SCORES.csv}
 * ({@link FrameScores#writeCsv}) and {@code REGIONS.csv} ({@link ScoredRegions#writeCsv}, one row per scored object with
 * its region score), and {@code OBJECTS.csv} for analysis: every object with its detection, its
 * combined score and the score of each task and attribute ({@code video,frame,x_min,y_min,x_max,y_max,class_id,confidence,
 * score,} then one column per task or attribute named after it, inclusive corners; {@code class_id} is the detector's
 * class index, -1 without one, as in detection CSVs). Each file is written all or nothing ({@link OutputTransaction}).
 */
final class ScoreFiles {

    /** The objects file's columns before the per-score ones. */
    static final List<String> OBJECT_COLUMNS = List.of("video", "frame", "x_min", "y_min", "x_max", "y_max", "class_id",
            "confidence", "score");

    private ScoreFiles() {
    }

    static void writeFrameScores(Path file, List<VideoScores> videos) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (VideoScores v : videos) {
            if (scores.put(v.video(), v.frameScores()) != null) {
                throw new IllegalArgumentException("two scored videos are named " + v.video() + "; " + file + " needs unique names");
            }
        }
        FrameScores.of(scores).writeCsv(file);
    }

    static void writeRegions(Path file, List<VideoScores> videos) {
        List<ScoredRegion> regions = new ArrayList<>();
        for (VideoScores v : videos) {
            for (ScoredObject o : v.objects()) {
                regions.add(new ScoredRegion(v.video(), o.detection().frameIndex(), o.detection().box(), o.regionScore()));
            }
        }
        ScoredRegions.of(regions).writeCsv(file);
    }

    static void writeObjects(Path file, List<VideoScores> videos) {
        List<String> scores = videos.stream().flatMap(v -> v.objects().stream()).findFirst()
                .map(o -> List.copyOf(o.rawByTask().keySet())).orElse(List.of());
        for (String t : scores) {
            if (OBJECT_COLUMNS.contains(t)) {
                throw new IllegalArgumentException(file + ": the score '" + t + "' has the name of a column the objects "
                        + "file has already (" + String.join(",", OBJECT_COLUMNS) + "); rename the task or attribute");
            }
        }
        OutputTransaction.write(file, tmp -> writeObjectLines(tmp, videos, scores));
    }

    private static void writeObjectLines(Path file, List<VideoScores> videos, List<String> scores) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", OBJECT_COLUMNS) + scores.stream().map(t -> "," + t)
                    .collect(java.util.stream.Collectors.joining()) + "\n");
            for (VideoScores v : videos) {
                for (ScoredObject o : v.objects()) {
                    StringBuilder line = new StringBuilder(placeColumns(v, o)).append(',').append(o.detection().classId())
                            .append(',').append(number(o.detection().confidence())).append(',').append(number(o.score()));
                    for (String t : scores) {
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
