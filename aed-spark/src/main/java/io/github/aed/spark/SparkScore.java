package io.github.aed.spark;

import io.github.aed.core.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's command line: the main class of the job jar for {@code spark-submit}, and {@code ./aed spark-score} for a
 * trial in this JVM ({@code --master local[2]}). Exit status: 0 when every video was scored; 1 to 100 the number of
 * videos that failed (100: 100 or more; {@code STATUS.csv} has them all), the output written; {@value #JOB_FAILED}
 * when the job failed and wrote nothing; {@value #USAGE} for a command line that cannot be parsed.
 */
@Command(name = "spark-score", usageHelpAutoWidth = true, sortOptions = false,
        header = "score video archives on Apache Spark; write SCORES.csv / REGIONS.csv for ./aed evaluate, and STATUS.csv",
        description = {"Each video is one Spark task, scored as ./aed score --model M scores it (the model's detector, network "
                + "and default scoring settings). The output directory is committed by Hadoop's output committer: "
                + "SCORES.csv, REGIONS.csv, STATUS.csv (one row per video: ok or failed with the error) and _SUCCESS.",
                "Exit status: 0 all scored; 1-100 that many videos failed (100: 100 or more); " + SparkScore.JOB_FAILED
                        + " the job failed, nothing written; " + SparkScore.USAGE + " a command line that cannot be parsed."})
public final class SparkScore implements Callable<Integer> {

    /** Exit status of a job that failed as a whole and wrote nothing. */
    public static final int JOB_FAILED = 101;
    /** Exit status of a command line that cannot be parsed. */
    public static final int USAGE = 102;
    /** The highest exit status that counts failed videos. */
    public static final int MAX_COUNTED = 100;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] for a trial in this JVM. "
            + "Default: the one spark-submit sets")
    private String master;

    @Option(names = "--model", required = true, paramLabel = "M.aed", description = "the trained model file (read on the driver, "
            + "shipped once to each executor)")
    private Path model;

    @ArgGroup(exclusive = false, multiplicity = "1")
    private Inputs inputs;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "output directory, a Hadoop path (local "
            + "in local mode; hdfs://... or another Hadoop file system on a cluster); must not exist unless --overwrite")
    private String out;

    @Option(names = "--overwrite", description = "replace an existing output directory (once the new output is scored)")
    private boolean overwrite;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, as spark-submit --conf (repeatable)")
    private Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--spark-log-level", paramLabel = "LEVEL", description = "the log level once Spark has started, e.g. INFO. "
            + "Default: the logging configuration (WARN: the job jar's log4j2.properties, unless the cluster has its own)")
    private String sparkLogLevel;

    /** What to score: at least one of the two. */
    static final class Inputs {
        @Option(names = "--input", paramLabel = "VIDEO_OR_DIR", description = "a video file, a frame folder, or a folder of "
                + "clips, listed on the driver (repeatable)")
        private List<Path> inputs = new ArrayList<>();

        @Option(names = "--list", paramLabel = "FILE", description = "a file naming one video file or frame folder per line "
                + "(relative to the file's folder; # comments); not checked on the driver, a path the executors cannot read "
                + "is a failed video (repeatable)")
        private List<Path> lists = new ArrayList<>();
    }

    private final PrintWriter printer;

    private SparkScore(PrintWriter printer) {
        this.printer = printer;
    }

    /** Runs the job with these arguments and exits with its status (see the class comment). */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the job with these arguments; returns the exit status (see the class comment). */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        CommandLine cli = new CommandLine(new SparkScore(out));
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.getCommandSpec().exitCodeOnExecutionException(JOB_FAILED);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            if (e instanceof InvalidInputException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                err.println("spark-score: " + e.getMessage());
            } else {
                err.println("spark-score failed: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return JOB_FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        List<Path> videos = new ArrayList<>();
        inputs.inputs.forEach(p -> videos.addAll(InputList.expand(p)));
        inputs.lists.forEach(p -> videos.addAll(InputList.read(p)));
        ScoringJob job = ScoringJob.builder().model(model).videos(videos).output(out).overwrite(overwrite).progress(printer::println)
                .build();
        SparkConf sparkConf = new SparkConf().setAppName("aed spark-score");
        if (master != null) {
            sparkConf.setMaster(master);
        }
        conf.forEach(sparkConf::set);
        if (!sparkConf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: give --master (e.g. local[2]) or run through spark-submit");
        }
        if (sparkConf.get("spark.master").startsWith("local")) {
            // a trial in this JVM talks to itself only: Spark's driver ports on the loopback interface, no web UI
            // (--conf spark.ui.enabled=true brings it back, on port 4040)
            sparkConf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        JobSummary s;
        try (JavaSparkContext sc = new JavaSparkContext(sparkConf)) {
            if (sparkLogLevel != null) {
                sc.setLogLevel(sparkLogLevel.toUpperCase(Locale.ROOT));
            }
            s = job.run(sc);
        }
        printer.printf(Locale.ROOT, "scored %d of %d videos, %d frames in %.1f s (%.1f frames/s) -> %s: %s, %s, %s%n",
                s.videos() - s.failed(), s.videos(), s.frames(), s.seconds(), s.framesPerSecond(), s.output(),
                OutputTables.SCORES, OutputTables.REGIONS, OutputTables.STATUS);
        s.failures().forEach(f -> printer.println("  failed: " + f));
        return Math.min(s.failed(), MAX_COUNTED);
    }
}
