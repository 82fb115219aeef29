package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link FastBatchNorm} against DL4J's own BatchNormalization (+ ReLU layer): outputs, gradients, moving statistics, in
 * the channels-first layout and, on the same values seen as NDHWC {@code [n, d, h, w, c]} with d·h = 12, in the
 * channels-last layout.
 */
class FastBatchNormTest {

    private static final int N = 4;
    private static final int C = 3;
    private static final int D = 3;

    private enum Kind { DL4J, FAST, FAST_CHANNELS_LAST }

    private static ComputationGraph graph(Kind kind) {
        var g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).updater(new Sgd(0.1)).seed(5).graphBuilder().addInputs("in");
        // a 1x1 convolution before the batch norm: its weight gradient depends on the batch norm's input gradient
        switch (kind) {
            case DL4J -> {
                g.addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(C).activation(Activation.IDENTITY).build(), "in");
                g.addLayer("bn", new BatchNormalization.Builder().decay(0.9).eps(1e-3).useLogStd(false).build(), "conv");
                g.addLayer("relu", new ActivationLayer(Activation.RELU), "bn");
                g.addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "relu");
            }
            case FAST -> {
                g.addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(C).activation(Activation.IDENTITY).build(), "in");
                g.addLayer("bn", FastBatchNorm.of(0.9, 1e-3, true), "conv");
                g.addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "bn");
            }
            case FAST_CHANNELS_LAST -> {
                g.addLayer("conv", new Convolution3D.Builder(1, 1, 1).nOut(C).dataFormat(Convolution3D.DataFormat.NDHWC)
                        .activation(Activation.IDENTITY).build(), "in");
                g.addLayer("bn", FastBatchNorm.of(0.9, 1e-3, true).channelsLast(), "conv");
                g.addLayer("out", new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NDHWC).lossFunction(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build(), "bn");
            }
        }
        InputType in = kind == Kind.FAST_CHANNELS_LAST ? InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, D, 12 / D, 6, C)
                : InputType.convolutional(12, 6, C);
        ComputationGraphConfiguration conf = g.setOutputs("out").setInputTypes(in).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        net.getLayer("bn").setParam("gamma", Nd4j.createFromArray(0.5f, 1.5f, -1f).reshape(1, C));
        net.getLayer("bn").setParam("beta", Nd4j.createFromArray(0.2f, -0.1f, 0.3f).reshape(1, C));
        net.getLayer("bn").setParam("mean", Nd4j.createFromArray(0.4f, 0.6f, 0.5f).reshape(1, C));
        net.getLayer("bn").setParam("var", Nd4j.createFromArray(0.1f, 0.2f, 0.05f).reshape(1, C));
        return net;
    }

    /** NCHW {@code [n, c, d·h, w]} → NDHWC {@code [n, d, h, w, c]}. */
    private static INDArray channelsLast(INDArray nchw) {
        return nchw.reshape(N, C, D, 12 / D, 6).permute(0, 2, 3, 4, 1).dup('c');
    }

    @Test
    void matchesDl4jBatchNormalizationFollowedByRelu() {
        compareWithDl4j(Kind.FAST);
    }

    @Test
    void channelsLastMatchesDl4jBatchNormalizationOnTheSameValues() {
        compareWithDl4j(Kind.FAST_CHANNELS_LAST);
    }

    @Test
    void channelsLastRejectsAnInputThatIsNotNdhwc() {
        var g = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("bn", FastBatchNorm.of(0.9, 1e-3, true).channelsLast(), "in").setOutputs("bn")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, D, 4, 6, C));
        IllegalStateException e = assertThrows(IllegalStateException.class, g::build);
        assertTrue(e.getMessage().contains("NDHWC"), e.getMessage());
    }

    private static void compareWithDl4j(Kind kind) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, N, C, 12, 6).muli(3).subi(1);
        INDArray y = Nd4j.rand(DataType.FLOAT, N, C, 12, 6);
        boolean last = kind == Kind.FAST_CHANNELS_LAST;
        INDArray fx = last ? channelsLast(x) : x;
        INDArray fy = last ? channelsLast(y) : y;
        ComputationGraph ref = graph(Kind.DL4J);
        ComputationGraph fast = graph(kind);

        fast.getLayer("conv").setParams(ref.getLayer("conv").params());
        INDArray refTraining = ref.feedForward(new INDArray[] {x}, true, false).get("relu");
        INDArray fastTraining = fast.feedForward(new INDArray[] {fx}, true, false).get("bn");
        close(last ? channelsLast(refTraining) : refTraining, fastTraining, "training-mode output");
        INDArray refInference = ref.output(false, x)[0];
        close(last ? channelsLast(refInference) : refInference, fast.output(false, fx)[0], "inference output");

        Gradient a = gradient(ref, x, y);
        Gradient b = gradient(fast, fx, fy);
        for (String p : new String[] {"bn_gamma", "bn_beta", "conv_W"}) {
            close(a.getGradientFor(p), b.getGradientFor(p), p + " gradient");
            assertTrue(b.getGradientFor(p).norm2Number().doubleValue() > 1e-4, p + " gradient is not trivially zero");
        }
        // a bias before batch norm cannot change its output: its exact gradient is 0 (up to rounding)
        assertTrue(b.getGradientFor("conv_b").norm2Number().doubleValue() < 1e-4 * b.getGradientFor("conv_W").norm2Number().doubleValue() + 1e-6,
                "bias gradient " + b.getGradientFor("conv_b"));

        ref.fit(new INDArray[] {x}, new INDArray[] {y});
        fast.fit(new INDArray[] {fx}, new INDArray[] {fy});
        for (String p : new String[] {"mean", "var", "gamma", "beta"}) {
            close(ref.getLayer("bn").getParam(p), fast.getLayer("bn").getParam(p), p + " after one step");
        }
        assertTrue(Math.abs(fast.getLayer("bn").getParam("mean").getDouble(0) - 0.4) > 1e-4, "the moving mean moved");
    }

    private static Gradient gradient(ComputationGraph g, INDArray x, INDArray y) {
        g.setInputs(x);
        g.setLabels(y);
        g.computeGradientAndScore();
        Gradient out = new org.deeplearning4j.nn.gradient.DefaultGradient();
        g.gradient().gradientForVariable().forEach((k, v) -> out.setGradientFor(k, v.dup()));
        return out;
    }

    private static void close(INDArray expected, INDArray actual, String what) {
        assertEquals(expected.length(), actual.length(), what);
        double diff = expected.castTo(DataType.DOUBLE).reshape(-1).sub(actual.castTo(DataType.DOUBLE).reshape(-1)).norm1Number().doubleValue();
        double scale = Math.max(1e-6, expected.castTo(DataType.DOUBLE).reshape(-1).norm1Number().doubleValue());
        assertTrue(diff / scale < 1e-4, what + ": relative difference " + diff / scale);
    }
}
