package io.github.aed.detect.csv;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.OutputTransaction;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The detection CSV format: one file per video, a header line, then one detection per line.
 *
 * <pre>
 * frame,x_min,y_min,x_max,y_max,class_id,class,score
 * 0,120,64,151,139,0,person,0.8125
 * 0,30,12,51,60,-1,object,0.5
 * </pre>
 *
 * <ul>
 *   <li>{@code frame}: 0-based frame index in the video;</li>
 *   <li>{@code x_min,y_min,x_max,y_max}: <b>inclusive</b> pixel corners (the box covers columns x_min..x_max and rows
 *       y_min..y_max), integers &gt;= 0 with {@code x_max >= x_min} and {@code y_max >= y_min}; they are converted to
 *       the library's half-open {@link Box} with {@link Box#fromInclusive};</li>
 *   <li>{@code class_id}: the detector's 0-based class id (e.g. COCO: 0 = person), or -1 for detectors without
 *       classes;</li>
 *   <li>{@code class}: the class name (e.g. {@code person}; {@code object} for detectors without classes), without
 *       commas;</li>
 *   <li>{@code score}: the confidence in [0, 1].</li>
 * </ul>
 *
 * Fields are separated by commas with optional surrounding spaces; blank lines are allowed and ignored. The header
 * must be exactly the eight names above, or the seven of the earlier format {@value #LEGACY_HEADER} (no names; its
 * detections read back are named {@code "object"} for class -1 and {@code "class N"} otherwise). Per-class score
 * vectors are not stored.
 */
public final class DetectionCsv {

    /** The header line. */
    public static final String HEADER = "frame,x_min,y_min,x_max,y_max,class_id,class,score";

    /** The header of the earlier format, still read: the class id in {@code class} and no class name. */
    public static final String LEGACY_HEADER = "frame,x_min,y_min,x_max,y_max,class,score";

    private DetectionCsv() {
    }

    /** The CSV line of one detection (without line break). Scores are written with up to 6 decimals. */
    public static String format(Detection d) {
        Box b = d.box();
        if (b.isEmpty()) {
            throw new IllegalArgumentException("frame " + d.frameIndex() + ": an empty box " + b
                    + " has no inclusive corners and cannot be written");
        }
        if (b.xMin() < 0 || b.yMin() < 0) {
            throw new IllegalArgumentException("frame " + d.frameIndex() + ": box " + b + " lies partly left of or above"
                    + " the frame; clip it to the frame before writing");
        }
        if (d.className().contains(",") || d.className().contains("\n") || d.className().contains("\r")) {
            throw new IllegalArgumentException("frame " + d.frameIndex() + ": class name '" + d.className()
                    + "' contains a comma or line break, which the detection CSV format cannot hold");
        }
        return d.frameIndex() + "," + b.xMin() + "," + b.yMin() + "," + b.inclusiveXMax() + "," + b.inclusiveYMax() + ","
                + d.classId() + "," + d.className() + "," + score(d.confidence());
    }

    private static String score(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    /**
     * Writes a whole file (replacing it) all or nothing ({@link OutputTransaction#write}): the header and the detections
     * in the order given.
     */
    public static void write(Path file, Collection<Detection> detections) {
        OutputTransaction.write(file, tmp -> {
            try (DetectionCsvWriter w = DetectionCsvWriter.open(tmp)) {
                w.write(detections);
            }
        });
    }

    /**
     * Reads a whole file. The result is sorted by frame index (the file's order within a frame is kept).
     *
     * @throws InvalidInputException for a missing file, a wrong header, or a bad line (naming the file and line)
     */
    public static List<Detection> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such detection CSV file");
        }
        List<Detection> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            String compact = header == null ? "" : header.strip().replace(" ", "");
            boolean named = compact.equalsIgnoreCase(HEADER);
            if (!named && !compact.equalsIgnoreCase(LEGACY_HEADER)) {
                throw new InvalidInputException(file + " line 1: expected the header '" + HEADER + "' (or the earlier '"
                        + LEGACY_HEADER + "'), got " + (header == null ? "an empty file" : "'" + header + "'"));
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    out.add(parse(line, named, file, lineNo));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        out.sort(Comparator.comparingInt(Detection::frameIndex));
        return out;
    }

    /**
     * Parses one data line, with a class name column ({@code named}) or in the earlier format; {@code file} and
     * {@code lineNo} are only used in error messages.
     */
    static Detection parse(String line, boolean named, Path file, int lineNo) {
        String where = file + " line " + lineNo;
        String[] fields = line.split(",", -1);
        int expected = named ? 8 : 7;
        if (fields.length != expected) {
            throw new InvalidInputException(where + ": expected " + expected + " fields (" + (named ? HEADER : LEGACY_HEADER)
                    + "), got " + fields.length + ": '" + line + "'");
        }
        String name = named ? fields[6].strip() : null;
        String[] f = named ? new String[] {fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[7]} : fields;
        int frame = integer(f[0], "frame", where);
        int x0 = integer(f[1], "x_min", where);
        int y0 = integer(f[2], "y_min", where);
        int x1 = integer(f[3], "x_max", where);
        int y1 = integer(f[4], "y_max", where);
        int cls = integer(f[5], named ? "class_id" : "class", where);
        double score;
        try {
            score = Double.parseDouble(f[6].strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": score must be a number in [0, 1], got '" + f[6].strip() + "'");
        }
        if (frame < 0 || x0 < 0 || y0 < 0) {
            throw new InvalidInputException(where + ": frame, x_min and y_min must be >= 0: '" + line + "'");
        }
        if (x1 < x0 || y1 < y0) {
            throw new InvalidInputException(where + ": expected x_max >= x_min and y_max >= y_min (inclusive corners): '"
                    + line + "'");
        }
        if (cls < Detection.UNKNOWN_CLASS) {
            throw new InvalidInputException(where + ": class must be a class id >= 0 or -1 (no class), got " + cls);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new InvalidInputException(where + ": score must be in [0, 1], got " + f[6].strip());
        }
        if (name != null && name.isEmpty()) {
            throw new InvalidInputException(where + ": the class name is empty");
        }
        Box box = Box.fromInclusive(x0, y0, x1, y1);
        if (name != null) {
            return Detection.of(frame, box, cls, name, score);
        }
        return cls == Detection.UNKNOWN_CLASS ? Detection.unclassified(frame, box, score)
                : Detection.of(frame, box, cls, "class " + cls, score);
    }

    private static int integer(String field, String name, String where) {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": " + name + " must be an integer, got '" + field.strip() + "'");
        }
    }
}
