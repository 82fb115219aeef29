package io.github.aed.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A job that stages outputs into the folder given as its argument and exits the JVM half-way, without closing. */
public final class ExitingJob {

    private ExitingJob() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        OutputTransaction out = OutputTransaction.begin();
        Files.writeString(out.stage(dir.resolve("a.csv")), "half");
        Files.writeString(out.stage(out.folder(dir.resolve("sub")).resolve("b.csv")), "half");
        System.exit(3);
    }
}
