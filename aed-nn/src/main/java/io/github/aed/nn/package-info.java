/**
 * The anomaly detector in one object: {@link io.github.aed.nn.AnomalyDetector} trains the multi-task network on normal
 * videos and scores test videos (higher scores are more abnormal). The pieces are in the subpackages: proxy tasks
 * ({@code task}), teachers, the DL4J network, training, model files and scoring.
 */
package io.github.aed.nn;
