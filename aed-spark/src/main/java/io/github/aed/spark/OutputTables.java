package io.github.aed.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.lib.MultipleTextOutputFormat;
import scala.Tuple2;

/**
 * The job's output directory: three CSV files written by one task through Hadoop's output committer, so a directory
 * that exists with its {@code _SUCCESS} marker holds exactly one committed attempt's files.
 * <ul>
 * <li>{@value #SCORES}: {@code video,frame,score}, the format of {@code ./aed score --frame-scores} and of aed-metrics'
 *     {@code FrameScores} (every frame of every scored video, frames from 0, scores {@code %.9g});</li>
 * <li>{@value #REGIONS}: {@code video,frame,x_min,y_min,x_max,y_max,score}, the format of {@code ./aed score --regions}
 *     and of aed-metrics' {@code ScoredRegions} (one row per scored object, inclusive corners);</li>
 * <li>{@value #STATUS}: {@code video,path,status,frames,seconds,load_seconds,executor,error}, one row per video of the
 *     job: {@code ok} or {@code failed} with the error (quoted as RFC 4180 when it holds a comma, quote or line break),
 *     seconds spent reading and scoring it, and seconds spent getting a loaded detector for it (0 when one kept from an
 *     earlier video was reused).</li>
 * </ul>
 * Videos appear in the job's order in all three.
 */
final class OutputTables {

    static final String SCORES = "SCORES.csv";
    static final String REGIONS = "REGIONS.csv";
    static final String STATUS = "STATUS.csv";
    static final String SCORES_HEADER = "video,frame,score";
    static final String REGIONS_HEADER = "video,frame,x_min,y_min,x_max,y_max,score";
    static final String STATUS_HEADER = "video,path,status,frames,seconds,load_seconds,executor,error";

    private OutputTables() {
    }

    /**
     * The lines of the three files as (file name, line) pairs: the headers, then each video's lines in the order of
     * {@code results} (which must come sorted by video index).
     */
    static Iterator<Tuple2<Text, Text>> lines(Iterator<Tuple2<Integer, VideoResult>> results) {
        return new Iterator<>() {
            private final Deque<Tuple2<Text, Text>> pending = new ArrayDeque<>();

            {
                add(SCORES, SCORES_HEADER);
                add(REGIONS, REGIONS_HEADER);
                add(STATUS, STATUS_HEADER);
            }

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && results.hasNext()) {
                    addVideo(results.next()._2());
                }
                return !pending.isEmpty();
            }

            @Override
            public Tuple2<Text, Text> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }

            private void addVideo(VideoResult r) {
                String v = r.task().video();
                double[] s = r.frameScores();
                for (int f = 0; f < s.length; f++) {
                    add(SCORES, v + "," + f + "," + number(s[f]));
                }
                int[] b = r.regionBoxes();
                for (int i = 0; i < r.regionFrames().length; i++) {
                    // + 0.0: a region score of -0.0 is written as 0.0, as aed-metrics' ScoredRegion folds it
                    add(REGIONS, v + "," + r.regionFrames()[i] + "," + b[4 * i] + "," + b[4 * i + 1] + "," + b[4 * i + 2] + ","
                            + b[4 * i + 3] + "," + number(r.regionScores()[i] + 0.0));
                }
                add(STATUS, String.join(",", v, quoted(r.task().path()), r.ok() ? "ok" : "failed", Integer.toString(r.frames()),
                        String.format(Locale.ROOT, "%.3f", r.seconds()), String.format(Locale.ROOT, "%.3f", r.loadSeconds()),
                        quoted(r.executor()), quoted(r.error())));
            }

            private void add(String file, String line) {
                pending.add(new Tuple2<>(new Text(file), new Text(line)));
            }
        };
    }

    /** A score as the score files hold it: nine significant digits ({@code %.9g}), as aed-metrics writes them. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }

    /** A CSV field, quoted as RFC 4180 when it holds a comma, a quote or a line break. */
    static String quoted(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * Hadoop output format writing each pair's value as a line of the file the key names, in the task attempt's
     * directory that the output committer promotes when the task, then the job, commits.
     */
    public static final class TableOutputFormat extends MultipleTextOutputFormat<Text, Text> {

        @Override
        protected String generateFileNameForKeyValue(Text key, Text value, String name) {
            return key.toString();
        }

        /** No key on the line: only the value is written. */
        @Override
        protected Text generateActualKey(Text key, Text value) {
            return null;
        }
    }
}
