package io.github.aed.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic {@code SCORES.csv} and {@code REGIONS.csv} for benchmarking {@code ./aed evaluate} at full scale.
 * JDK only, so it runs as a single source file without a build:
 * <pre>
 * java aed-examples/src/test/java/io/github/aed/examples/SyntheticEvaluationFiles.java \
 *      LABELS_CSV TRACKS_DIR OUT_DIR [REGIONS=100000] [SEED=1] [WIDTH=856] [HEIGHT=480]
 * </pre>
 * {@code LABELS_CSV} is a dataset's {@code frame_labels.csv} ({@code video,n_frames,n_anomalous,anomalous_ranges}, ranges
 * 1-based inclusive, {@code a-b;c-d}); it gives the videos and frame counts. Frame scores are uniform noise plus 0.35 on
 * abnormal frames. A tenth of the regions are ground-truth boxes from {@code TRACKS_DIR} (AED format) shifted by up to
 * 8 pixels with high scores; the rest are random boxes in random frames with lower scores. The files exercise the
 * evaluator's speed; their numbers mean nothing.
 */
public final class SyntheticEvaluationFiles {

    private SyntheticEvaluationFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SyntheticEvaluationFiles LABELS_CSV TRACKS_DIR OUT_DIR [REGIONS=100000] [SEED=1] [WIDTH=856] [HEIGHT=480]");
            System.exit(2);
        }
        Path labels = Path.of(args[0]);
        Path tracks = Path.of(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        int regions = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 1);
        int width = args.length > 5 ? Integer.parseInt(args[5]) : 856;
        int height = args.length > 6 ? Integer.parseInt(args[6]) : 480;

        List<String> videos = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();
        long total = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("scores.csv"))) {
            w.write("video,frame,score\n");
            for (String line : Files.readAllLines(labels)) {
                if (line.startsWith("#") || line.startsWith("video,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                int n = Integer.parseInt(f[1]);
                boolean[] abnormal = new boolean[n];
                for (String range : f[3].split(";")) {
                    if (!range.isBlank()) {
                        String[] ab = range.split("-");
                        for (int i = Integer.parseInt(ab[0]) - 1; i < Integer.parseInt(ab[1]); i++) {
                            abnormal[i] = true;
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%.6f%n", f[0], i, random.nextDouble() + (abnormal[i] ? 0.35 : 0)));
                }
                videos.add(f[0]);
                frames.add(n);
                total += n;
            }
        }
        List<String[]> truth = new ArrayList<>();
        for (String video : videos) {
            Path file = tracks.resolve(video + ".txt");
            if (Files.isRegularFile(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.filter(l -> !l.isBlank()).forEach(l -> truth.add((video + "," + l.strip()).split(",")));
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("regions.csv"))) {
            w.write("video,frame,x_min,y_min,x_max,y_max,score\n");
            for (int r = 0; r < regions; r++) {
                if (r % 10 == 0 && !truth.isEmpty()) {
                    String[] t = truth.get(random.nextInt(truth.size()));
                    int dx = random.nextInt(17) - 8;
                    int dy = random.nextInt(17) - 8;
                    int x0 = clamp(Integer.parseInt(t[3]) + dx, width);
                    int y0 = clamp(Integer.parseInt(t[4]) + dy, height);
                    int x1 = Math.max(x0, clamp(Integer.parseInt(t[5]) + dx, width));
                    int y1 = Math.max(y0, clamp(Integer.parseInt(t[6]) + dy, height));
                    w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.6f%n", t[0], t[2], x0, y0, x1, y1,
                            0.5 + 0.5 * random.nextDouble()));
                } else {
                    int v = random.nextInt(videos.size());
                    int bw = 20 + random.nextInt(120);
                    int bh = 20 + random.nextInt(120);
                    int x0 = random.nextInt(width - bw);
                    int y0 = random.nextInt(height - bh);
                    w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.6f%n", videos.get(v), random.nextInt(frames.get(v)),
                            x0, y0, x0 + bw - 1, y0 + bh - 1, 0.7 * random.nextDouble()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s (%d videos, %d frames) and %s (%d regions, %d ground-truth boxes to copy from)%n",
                out.resolve("scores.csv"), videos.size(), total, out.resolve("regions.csv"), regions, truth.size());
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
