package io.github.aed.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTransactionTest {

    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void committedFilesAppearTogetherAndReplaceOldOnes() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old");
        try (OutputTransaction out = OutputTransaction.begin()) {
            Path a = out.stage(dir.resolve("a.csv"));
            Path b = out.stage(out.folder(dir.resolve("videos")).resolve("b.avi"));
            assertTrue(a.getFileName().toString().startsWith(".a.csv.") && a.toString().endsWith(".csv"), a.toString());
            assertTrue(b.toString().endsWith(".avi"), "the temporary file keeps the extension: " + b);
            Files.writeString(a, "new a");
            Files.writeString(b, "new b");
            assertEquals("old", Files.readString(dir.resolve("a.csv")), "nothing moves before the commit");
            out.commit();
        }
        assertEquals("new a", Files.readString(dir.resolve("a.csv")));
        assertEquals("new b", Files.readString(dir.resolve("videos/b.avi")));
        assertEquals(List.of("", "a.csv", "videos", "videos/b.avi"), listing());
    }

    @Test
    void withoutACommitNothingChangesAndNothingIsLeft() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old");
        List<String> before = listing();
        assertThrows(IllegalStateException.class, () -> {
            try (OutputTransaction out = OutputTransaction.begin()) {
                Files.writeString(out.stage(dir.resolve("a.csv")), "half");
                Files.writeString(out.stage(out.folder(dir.resolve("new/deeper").getParent()).resolve("b.csv")), "half");
                throw new IllegalStateException("the job failed");
            }
        });
        assertEquals(before, listing());
        assertEquals("old", Files.readString(dir.resolve("a.csv")));
    }

    @Test
    void targetsThatCannotBeWrittenAreRejectedWhenStaged() throws IOException {
        Files.createDirectories(dir.resolve("folder"));
        Files.writeString(dir.resolve("file.txt"), "x");
        try (OutputTransaction out = OutputTransaction.begin()) {
            out.stage(dir.resolve("one.csv"));
            InvalidInputException twice = assertThrows(InvalidInputException.class, () -> out.stage(dir.resolve("./one.csv")));
            assertTrue(twice.getMessage().contains("one.csv") && twice.getMessage().contains("two outputs"), twice.getMessage());
            InvalidInputException folder = assertThrows(InvalidInputException.class, () -> out.stage(dir.resolve("folder")));
            assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
            InvalidInputException parent = assertThrows(InvalidInputException.class, () -> out.stage(dir.resolve("no/x.csv")));
            assertTrue(parent.getMessage().contains("does not exist"), parent.getMessage());
            InvalidInputException file = assertThrows(InvalidInputException.class, () -> out.folder(dir.resolve("file.txt")));
            assertTrue(file.getMessage().contains("is a file"), file.getMessage());
            InvalidInputException deep = assertThrows(InvalidInputException.class, () -> out.folder(dir.resolve("a/b")));
            assertTrue(deep.getMessage().contains("does not exist"), deep.getMessage());
        }
        assertEquals(List.of("", "file.txt", "folder"), listing());
    }

    @Test
    void aJvmThatExitsHalfWayRollsItsOpenTransactionBack() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "old");
        List<String> before = listing();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), ExitingJob.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(3, p.waitFor(), output);
        assertEquals(before, listing());
        assertEquals("old", Files.readString(dir.resolve("a.csv")));
    }

    @Test
    void writeIsAllOrNothingForOneFile() throws IOException {
        Path target = dir.resolve("r.json");
        OutputTransaction.write(target, tmp -> Files.writeString(tmp, "{}"));
        assertEquals("{}", Files.readString(target));
        assertThrows(IllegalStateException.class, () -> OutputTransaction.write(target, tmp -> {
            Files.writeString(tmp, "{\"half");
            throw new IllegalStateException("failed");
        }));
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of("", "r.json"), listing());
    }
}
