package io.github.aed.detect.csv;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Writes a detection CSV file ({@link DetectionCsv}) as frames are processed: the header at opening, then the
 * detections of each frame as they come. Close it to flush. Not thread-safe.
 *
 * <p>The file is written in place as frames come: to get all-or-nothing output, open the writer on a path staged by
 * an {@link io.github.aed.core.files.OutputTransaction} and commit the transaction when the job has succeeded.
 */
public final class DetectionCsvWriter implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private boolean closed;

    private DetectionCsvWriter(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Creates (or replaces) the file and writes the header. The folder must exist. */
    public static DetectionCsvWriter open(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException(file + ": folder " + parent + " does not exist");
        }
        try {
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write(DetectionCsv.HEADER);
            w.newLine();
            return new DetectionCsvWriter(file, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Appends detections, one line each, in the order given. */
    public void write(Collection<Detection> detections) {
        if (closed) {
            throw new IllegalStateException(file + ": writer is closed");
        }
        try {
            for (Detection d : detections) {
                out.write(DetectionCsv.format(d));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Flushes and closes the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file, e);
        }
    }
}
