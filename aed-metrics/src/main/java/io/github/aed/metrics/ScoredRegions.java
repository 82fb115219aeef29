package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Detected anomalous regions, in a fixed order. The order matters: RBDC/TBDC process regions by descending score
 * with a <b>stable</b> sort, so regions with equal scores are taken in this order (for a file, the order of its
 * rows). Immutable.
 *
 * <p>The file format ({@link #readCsv}) is a header {@code video,frame,x_min,y_min,x_max,y_max,score} and one line per
 * region; coordinates are <b>inclusive</b> pixels (the last covered column and row), frames 0-based:
 * <pre>
 * video,frame,x_min,y_min,x_max,y_max,score
 * 01_0014,154,4,142,119,249,0.93
 * </pre>
 * {@link #writeCsv} writes this format, regions in order, scores with nine significant digits.
 */
public final class ScoredRegions {

    private static final String[] HEADER = {"video", "frame", "x_min", "y_min", "x_max", "y_max", "score"};

    private final List<ScoredRegion> regions;
    private final int[] lines;
    private final String source;

    private ScoredRegions(List<ScoredRegion> regions, int[] lines, String source) {
        this.regions = List.copyOf(regions);
        this.lines = lines;
        this.source = source;
    }

    /** Regions from memory, in the given order. */
    public static ScoredRegions of(List<ScoredRegion> regions) {
        return new ScoredRegions(regions, null, "in-memory regions");
    }

    /**
     * Reads a {@code REGIONS.csv} file (see the class comment).
     *
     * @throws InvalidInputException naming the line on a malformed line, a negative frame, corners out of order or a
     *                               non-finite score
     */
    public static ScoredRegions readCsv(Path csv) {
        List<ScoredRegion> regions = new ArrayList<>();
        int[] lines = new int[1024];
        try (CsvFile f = CsvFile.withHeader(csv, HEADER)) {
            while (f.next()) {
                String video = f.text(0);
                int frame = f.integer(1, "frame");
                if (frame < 0) {
                    throw f.error("frame must be 0-based (>= 0), got " + frame);
                }
                Box box = inclusiveBox(f, 2);
                double score = f.finite(6, "score");
                if (regions.size() == lines.length) {
                    lines = Arrays.copyOf(lines, lines.length * 2);
                }
                lines[regions.size()] = f.line();
                regions.add(new ScoredRegion(video, frame, box, score));
            }
        }
        return new ScoredRegions(regions, Arrays.copyOf(lines, regions.size()), csv.toString());
    }

    /**
     * Writes the regions as a {@code REGIONS.csv} file (see the class comment), replacing {@code csv}: one line per
     * region in {@link #regions()} order, {@code video,frame,x_min,y_min,x_max,y_max,score} with 0-based frames,
     * <b>inclusive</b> corners (the box's last covered column and row) and the score with nine significant digits
     * ({@code %.9g}), so {@link #readCsv} gives back the same regions with each score rounded to nine significant digits.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void writeCsv(Path csv) {
        CsvFile.write(csv, HEADER, out -> {
            for (ScoredRegion r : regions) {
                Box b = r.box();
                out.write(r.video() + "," + r.frame() + "," + b.xMin() + "," + b.yMin() + "," + b.inclusiveXMax() + ","
                        + b.inclusiveYMax() + "," + CsvFile.number(r.score()) + "\n");
            }
        });
    }

    /**
     * Reads four inclusive corners {@code x_min,y_min,x_max,y_max} starting at field {@code first} of the current
     * line into a half-open box.
     */
    static Box inclusiveBox(CsvFile f, int first) {
        int x0 = f.integer(first, "x_min");
        int y0 = f.integer(first + 1, "y_min");
        int x1 = f.integer(first + 2, "x_max");
        int y1 = f.integer(first + 3, "y_max");
        if (x1 < x0 || y1 < y0) {
            throw f.error("box corners out of order: x " + x0 + ".." + x1 + ", y " + y0 + ".." + y1
                    + " (inclusive corners need x_min <= x_max and y_min <= y_max)");
        }
        return Box.fromInclusive(x0, y0, x1, y1);
    }

    /** The regions, in order. */
    public List<ScoredRegion> regions() {
        return regions;
    }

    public int size() {
        return regions.size();
    }

    /** Where the scores came from (a file name, or "in-memory regions"). */
    public String source() {
        return source;
    }

    /** Where region {@code i} was given, for messages: "FILE line N", or "region #i" for in-memory regions. */
    public String where(int i) {
        return lines == null ? "region #" + i : source + " line " + lines[i];
    }

    @Override
    public String toString() {
        return "ScoredRegions[" + regions.size() + " from " + source + "]";
    }
}
