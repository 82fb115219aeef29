/**
 * Scoring video archives on Apache Spark: {@link io.github.aed.spark.ScoringJob} scores each video of a list as one
 * Spark task with the single-machine pipeline ({@link io.github.aed.nn.AnomalyDetector}), so its scores are those of
 * {@code ./aed score}, and writes {@code SCORES.csv}, {@code REGIONS.csv} and {@code STATUS.csv} into one output
 * directory through Hadoop's output committer. {@link io.github.aed.spark.SparkScore} is its command line, for
 * {@code spark-submit} and for {@code ./aed spark-score}.
 *
 * <p>Spark is a {@code provided} dependency: the cluster brings it. Nothing in the library depends on this package.
 */
package io.github.aed.spark;
