package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.OutputTransaction;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A comma-separated text file read line by line, with errors that name the file and the 1-based line. Blank lines
 * are skipped; every other line must have exactly the expected number of fields. Fields are trimmed; quoting is not
 * supported (none of the formats read here needs it). {@link #write} writes the files the readers read.
 */
final class CsvFile implements AutoCloseable {

    private final Path path;
    private final BufferedReader reader;
    private final int fields;
    private int line;
    private String[] current;

    private CsvFile(Path path, BufferedReader reader, int fields) {
        this.path = path;
        this.reader = reader;
        this.fields = fields;
    }

    /**
     * Opens a file whose first non-blank line must be {@code header} (compared without spaces, case-insensitively). A
     * different header is an error that names the columns expected, the ones found, and those missing or unexpected.
     */
    static CsvFile withHeader(Path path, String... header) {
        CsvFile f = open(path, header.length);
        String[] found = f.nextFields();
        if (found == null) {
            f.close();
            throw new InvalidInputException(path + ": empty file; expected the header " + String.join(",", header));
        }
        List<String> got = Arrays.stream(found).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!got.equals(List.of(header))) {
            f.close();
            List<String> missing = Arrays.stream(header).filter(c -> !got.contains(c)).toList();
            List<String> unexpected = got.stream().filter(c -> !List.of(header).contains(c)).toList();
            throw new InvalidInputException(path + " line " + f.line + ": expected the columns " + String.join(",", header)
                    + ", found " + String.join(",", found) + (missing.isEmpty() ? "" : " (missing: " + String.join(",", missing) + ")")
                    + (unexpected.isEmpty() ? "" : " (unexpected: " + String.join(",", unexpected) + ")")
                    + (missing.isEmpty() && unexpected.isEmpty() ? " (in another order)" : ""));
        }
        f.current = found;
        return f;
    }

    /** The lines of a file after its header, written by {@link #write}. */
    @FunctionalInterface
    interface Lines {
        void writeTo(BufferedWriter out) throws IOException;
    }

    /**
     * Writes a file (replacing it) all or nothing ({@link OutputTransaction#write}): the header's fields joined by
     * commas, then the lines; UTF-8, {@code \n} line ends.
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    static void write(Path path, String[] header, Lines lines) {
        OutputTransaction.write(path, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(String.join(",", header) + "\n");
                lines.writeTo(w);
            }
        });
    }

    /** A number as the score files hold it: nine significant digits, {@code %.9g} ({@code 0.0132000000}, {@code 1.50000000e-12}). */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }

    /** Opens a file without a header. */
    static CsvFile headerless(Path path, int fields) {
        return open(path, fields);
    }

    private static CsvFile open(Path path, int fields) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(path + ": no such file");
        }
        try {
            return new CsvFile(path, Files.newBufferedReader(path, StandardCharsets.UTF_8), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /** Moves to the next non-blank line; false at the end of the file. */
    boolean next() {
        String[] parts = nextFields();
        if (parts != null && parts.length != fields) {
            throw error("expected " + fields + " comma-separated fields, got " + parts.length + ": '" + String.join(",", parts) + "'");
        }
        current = parts;
        return parts != null;
    }

    /** The next non-blank line's fields, stripped, however many there are; null at the end of the file. */
    private String[] nextFields() {
        try {
            String s;
            while ((s = reader.readLine()) != null) {
                line++;
                if (line == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                if (s.isBlank()) {
                    continue;
                }
                String[] parts = s.split(",", -1);
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].strip();
                }
                return parts;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " after line " + line, e);
        }
    }

    /** The current line's 1-based number. */
    int line() {
        return line;
    }

    Path path() {
        return path;
    }

    /** Field {@code i} (0-based) of the current line. */
    String text(int i) {
        if (current[i].isEmpty()) {
            throw error("field " + (i + 1) + " is empty");
        }
        return current[i];
    }

    /** Field {@code i} as an integer. */
    int integer(int i, String name) {
        String s = text(i);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error(name + " '" + s + "' is not an integer");
        }
    }

    /** Field {@code i} as a finite number. */
    double finite(int i, String name) {
        String s = text(i);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(name + " '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw error(name + " is not finite: '" + s + "'");
        }
        return v;
    }

    /** An error about the current line. */
    InvalidInputException error(String message) {
        return new InvalidInputException(path + " line " + line + ": " + message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }

    @Override
    public String toString() {
        return path + " line " + line + (current == null ? "" : ": " + Arrays.toString(current));
    }
}
