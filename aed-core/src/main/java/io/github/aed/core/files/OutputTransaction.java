package io.github.aed.core.files;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All-or-nothing output files: the one rule by which the library and {@code ./aed} write files. Each output is
 * written to a temporary file beside its target ({@link #stage}); {@link #commit()} moves every staged file into place
 * at the end of a job that succeeded; {@link #close()} without a commit deletes the temporary files and the folders
 * the transaction created, so a failed job leaves no new file and changes no existing one.
 *
 * <pre>{@code
 * try (OutputTransaction out = OutputTransaction.begin()) {
 *     Path scores = out.stage(Path.of("SCORES.csv"));     // checked now: not a folder, its folder exists, staged once
 *     Path video = out.stage(out.folder(Path.of("annotated")).resolve("Test001.avi"));
 *     ...                                                  // the job writes to scores and video
 *     out.commit();                                        // both appear, or (on an exception above) neither
 * }
 * }</pre>
 *
 * <p>Staging checks the target at once (so a command can stage all its outputs before it starts working and fail
 * early): it must not be a folder, its folder must exist or have been declared with {@link #folder}, and no target may
 * be staged twice. A temporary file keeps the target's extension ({@code .Test001.avi.3.partial.avi}), so writers that
 * choose a format by extension (video codecs) choose the target's.
 *
 * <p>Commit moves each file with an atomic rename. Several files cannot be renamed as one, so each existing target is
 * first kept as a hard link (a copy where links are not supported); if a rename fails part-way, the targets already
 * replaced are restored and the new files removed. A process killed outright (SIGKILL, power loss) can leave hidden
 * {@code .*.partial.*} files beside the targets, never a half-written target; an orderly JVM shutdown (Ctrl-C) rolls
 * back an open transaction. Meant for one job on one thread; its methods are synchronized only so that the shutdown
 * rollback never interleaves with a commit.
 */
public final class OutputTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputTransaction.class);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String PARTIAL = ".partial";

    /** Writes one file, given the temporary path to write to. */
    @FunctionalInterface
    public interface FileBody {
        void writeTo(Path file) throws IOException;
    }

    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final List<Path> createdFolders = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private final Thread onExit = new Thread(this::close, "output-transaction-rollback");
    private boolean done;

    private OutputTransaction() {
    }

    /**
     * A new, empty transaction. Use it with try-with-resources. Until it is committed or closed, a JVM shutdown
     * (Ctrl-C, {@code System.exit}) rolls it back.
     */
    public static OutputTransaction begin() {
        OutputTransaction t = new OutputTransaction();
        Runtime.getRuntime().addShutdownHook(t.onExit);
        return t;
    }

    /**
     * Writes one file all or nothing: {@code body} writes a temporary file beside {@code target}, which replaces the
     * target only if {@code body} returns normally.
     *
     * @throws InvalidInputException if the target is a folder or its folder does not exist
     * @throws UncheckedIOException  naming the target if writing fails with an I/O error
     */
    public static void write(Path target, FileBody body) {
        try (OutputTransaction out = begin()) {
            Path tmp = out.stage(target);
            try {
                body.writeTo(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            out.commit();
        }
    }

    /**
     * Declares an output folder: created now if missing (its own parent must exist) and removed again on rollback if
     * it is still empty; an existing folder is used as it is.
     *
     * @return the folder
     * @throws InvalidInputException if the path is a file or its parent folder does not exist
     */
    public synchronized Path folder(Path folder) {
        checkOpen();
        Path f = folder.toAbsolutePath().normalize();
        if (folders.contains(f)) {
            return folder;
        }
        if (Files.isDirectory(f)) {
            folders.add(f);
            return folder;
        }
        if (Files.exists(f)) {
            throw new InvalidInputException(folder + ": is a file, but a folder is expected here");
        }
        Path parent = f.getParent();
        if (parent != null && !Files.isDirectory(parent) && !folders.contains(parent)) {
            throw new InvalidInputException(folder + ": cannot create this folder, its parent " + parent + " does not exist");
        }
        try {
            Files.createDirectory(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + folder, e);
        }
        createdFolders.add(f);
        folders.add(f);
        return folder;
    }

    /**
     * Stages a target: creates an empty temporary file beside it (same folder, same extension) and returns its path,
     * which the job writes to (or replaces).
     *
     * @throws InvalidInputException if the target is a folder, its folder neither exists nor was declared, or it was
     *                               staged before in this transaction
     */
    public synchronized Path stage(Path target) {
        checkOpen();
        Path t = target.toAbsolutePath().normalize();
        if (staged.containsKey(t)) {
            throw new InvalidInputException(target + ": two outputs would be written to this file");
        }
        if (Files.isDirectory(t)) {
            throw new InvalidInputException(target + ": is a folder, but an output file is expected here");
        }
        Path parent = t.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException(target + ": folder " + parent + " does not exist");
        }
        Path tmp = temporaryFor(t);
        try {
            Files.createFile(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file beside " + target, e);
        }
        staged.put(t, tmp);
        return tmp;
    }

    /** The targets staged so far, in staging order, as absolute normalised paths. */
    public synchronized List<Path> targets() {
        return List.copyOf(staged.keySet());
    }

    /**
     * Moves every staged file into place, replacing existing targets. On failure every target is as it was before and
     * the temporary files are gone.
     *
     * @throws UncheckedIOException naming the target that could not be replaced
     * @throws IllegalStateException if the transaction was committed or rolled back already
     */
    public synchronized void commit() {
        checkOpen();
        done = true;
        removeShutdownHook();
        Map<Path, Path> kept = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        Path current = null;
        try {
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                current = e.getKey();
                if (Files.exists(current)) {
                    kept.put(current, keep(current));
                }
                move(e.getValue(), current);
                placed.add(current);
            }
        } catch (IOException e) {
            restore(placed, kept);
            deleteTemporaries();
            removeCreatedFolders();
            throw new UncheckedIOException("cannot move the new " + current + " into place; no output was changed", e);
        }
        for (Path backup : kept.values()) {
            deleteQuietly(backup);
        }
    }

    /** Rolls back unless committed: deletes the temporary files and the folders this transaction created. */
    @Override
    public synchronized void close() {
        if (done) {
            return;
        }
        done = true;
        if (Thread.currentThread() != onExit) {
            removeShutdownHook();
        }
        deleteTemporaries();
        removeCreatedFolders();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) and finds the transaction finished
        }
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("this output transaction is finished (committed or rolled back)");
        }
    }

    private static Path temporaryFor(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        return target.resolveSibling("." + name + "." + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + PARTIAL + ext);
    }

    /** Keeps the existing target's content under a hidden name: a hard link, or a copy where links are unsupported. */
    private static Path keep(Path target) throws IOException {
        Path backup = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".previous");
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return backup;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restore(List<Path> placed, Map<Path, Path> kept) {
        for (Path target : placed) {
            Path backup = kept.get(target);
            try {
                if (backup == null) {
                    Files.deleteIfExists(target);
                } else {
                    move(backup, target);
                }
            } catch (IOException e) {
                LOG.error("{}: could not be restored after a failed commit ({}); its previous content is in {}", target,
                        e.getMessage(), backup);
            }
        }
        for (Map.Entry<Path, Path> e : kept.entrySet()) {
            if (!placed.contains(e.getKey())) {
                deleteQuietly(e.getValue());
            }
        }
    }

    private void deleteTemporaries() {
        for (Path tmp : staged.values()) {
            deleteQuietly(tmp);
        }
    }

    private void removeCreatedFolders() {
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            Path f = createdFolders.get(i);
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.warn("{}: the output folder created for a failed job is not empty, so it was kept ({})", f, e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary file {}: {}", p, e.getMessage());
        }
    }

    @Override
    public synchronized String toString() {
        return "OutputTransaction[" + staged.size() + " staged" + (done ? ", finished" : "") + "]";
    }
}
