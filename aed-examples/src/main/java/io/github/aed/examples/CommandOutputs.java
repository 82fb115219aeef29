package io.github.aed.examples;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.OutputTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The output files of one {@code ./aed} command, written all or nothing through an {@link OutputTransaction}: a
 * command stages every output before it starts working, so an output it cannot honour (a folder where a file is
 * expected or the reverse, a missing parent folder, two outputs on one path, an output on an input) is an error
 * naming the option before any work; it writes to the staged temporary files and commits at the end. A failure in
 * between leaves the output locations as they were. Not thread-safe.
 */
final class CommandOutputs implements AutoCloseable {

    private static final Set<String> VIDEO_EXTENSIONS = Set.of("avi", "mp4", "mkv", "mov", "m4v", "webm", "mpg", "mpeg", "wmv", "flv");

    private final OutputTransaction transaction = OutputTransaction.begin();
    private final Set<Path> inputs;

    /** Outputs of a command that reads {@code inputs} (files or folders), none of which an output may replace. */
    CommandOutputs(Collection<Path> inputs) {
        this.inputs = inputs.stream().map(CommandOutputs::normal).collect(Collectors.toUnmodifiableSet());
    }

    /** Stages the file {@code option} names; returns the temporary path to write to. */
    Path file(Path target, String option) {
        if (inputs.contains(normal(target))) {
            throw new InvalidInputException(option + " " + target + ": is also an input; an output must not replace its input");
        }
        try {
            return transaction.stage(target);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + " " + e.getMessage(), e);
        }
    }

    /**
     * Declares the folder {@code option} names (created if missing, removed again if the command fails); returns it.
     * A name that ends in a video extension is rejected when no such folder exists, since it was most likely meant as
     * a file.
     */
    Path folder(Path folder, String option) {
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && !Files.isDirectory(folder)) {
            throw new InvalidInputException(option + " " + folder + ": names a folder (one file per clip, whatever the number "
                    + "of clips), but this looks like a video file name; give a folder, e.g. " + (folder.getParent() == null
                    ? "annotated" : folder.getParent().resolve("annotated")));
        }
        try {
            return transaction.folder(folder);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + " " + e.getMessage(), e);
        }
    }

    /** Moves every staged file into place. */
    void commit() {
        transaction.commit();
    }

    /** Without a commit: deletes the staged files and the folders created for them. */
    @Override
    public void close() {
        transaction.close();
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
