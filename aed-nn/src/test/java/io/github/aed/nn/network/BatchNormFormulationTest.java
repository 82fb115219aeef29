package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 3D batch normalisation as the encoder runs it (channels-last {@link FastBatchNorm} on NDHWC activations) against a
 * hand computation with per-channel statistics over n·d·h·w values.
 */
class BatchNormFormulationTest {

    private static final int N = 2;
    private static final int C = 3;
    private static final int D = 4;
    private static final int H = 4;
    private static final int W = 6;
    private static final double EPS = 1e-3;

    private static ComputationGraph graph() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).graphBuilder()
                .addInputs("in")
                .addLayer("out", NetworkSettings.builder().batchNormEpsilon(EPS).build().batchNorm(false).channelsLast(), "in")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, D, H, W, C))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static INDArray input() {
        Nd4j.getRandom().setSeed(7);
        // channels with clearly different means and spreads, so a wrong reduction axis shows
        INDArray x = Nd4j.rand(DataType.FLOAT, N, D, H, W, C);
        for (int c = 0; c < C; c++) {
            x.slice(c, 4).muli(1 + 3 * c).addi(5 * c - 2);
        }
        return x;
    }

    @Test
    void trainingModeNormalisesEachChannelOverBatchDepthHeightAndWidth() {
        ComputationGraph g = graph();
        INDArray gamma = Nd4j.createFromArray(0.5f, 2f, -1f);
        INDArray beta = Nd4j.createFromArray(0.1f, -0.3f, 2f);
        g.getLayer("out").setParam("gamma", gamma.reshape(1, C));
        g.getLayer("out").setParam("beta", beta.reshape(1, C));
        INDArray x = input();
        INDArray y = g.feedForward(new INDArray[] {x}, true, false).get("out");
        assertEquals(5, y.rank());
        double[][][][][] xs = toJava(x);
        for (int c = 0; c < C; c++) {
            double sum = 0;
            int count = 0;
            for (int n = 0; n < N; n++) {
                for (int d = 0; d < D; d++) {
                    for (int h = 0; h < H; h++) {
                        for (int w = 0; w < W; w++) {
                            sum += xs[n][c][d][h][w];
                            count++;
                        }
                    }
                }
            }
            double mean = sum / count;
            double sq = 0;
            for (int n = 0; n < N; n++) {
                for (int d = 0; d < D; d++) {
                    for (int h = 0; h < H; h++) {
                        for (int w = 0; w < W; w++) {
                            sq += (xs[n][c][d][h][w] - mean) * (xs[n][c][d][h][w] - mean);
                        }
                    }
                }
            }
            double var = sq / count;
            for (int n = 0; n < N; n++) {
                for (int d = 0; d < D; d++) {
                    for (int h = 0; h < H; h++) {
                        for (int w = 0; w < W; w++) {
                            double expected = (xs[n][c][d][h][w] - mean) / Math.sqrt(var + EPS) * gamma.getDouble(c) + beta.getDouble(c);
                            assertEquals(expected, y.getDouble(n, d, h, w, c), 2e-4,
                                    "n=" + n + " c=" + c + " d=" + d + " h=" + h + " w=" + w);
                        }
                    }
                }
            }
        }
    }

    @Test
    void inferenceModeUsesTheMovingStatisticsPerChannel() {
        ComputationGraph g = graph();
        INDArray mean = Nd4j.createFromArray(1f, -2f, 3f);
        INDArray var = Nd4j.createFromArray(4f, 0.25f, 1f);
        g.getLayer("out").setParam("mean", mean.reshape(1, C));
        g.getLayer("out").setParam("var", var.reshape(1, C));
        INDArray x = input();
        INDArray y = g.output(false, x)[0];
        for (int c = 0; c < C; c++) {
            double expected = (x.getDouble(1, 3, 2, 5, c) - mean.getDouble(c)) / Math.sqrt(var.getDouble(c) + EPS);
            assertEquals(expected, y.getDouble(1, 3, 2, 5, c), 1e-4, "channel " + c);
        }
    }

    private static double[][][][][] toJava(INDArray x) {
        double[][][][][] out = new double[N][C][D][H][W];
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int d = 0; d < D; d++) {
                    for (int h = 0; h < H; h++) {
                        for (int w = 0; w < W; w++) {
                            out[n][c][d][h][w] = x.getDouble(n, d, h, w, c);
                        }
                    }
                }
            }
        }
        return out;
    }
}
