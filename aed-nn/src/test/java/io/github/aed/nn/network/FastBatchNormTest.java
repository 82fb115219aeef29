package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
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

/** {@link FastBatchNorm} against DL4J's own BatchNormalization (+ ReLU layer): outputs, gradients, moving statistics. */
class FastBatchNormTest {

    private static final int N = 4;
    private static final int C = 3;

    private static ComputationGraph graph(boolean fast) {
        var g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).updater(new Sgd(0.1)).seed(5).graphBuilder().addInputs("in")
                // a 1x1 convolution before the batch norm: its weight gradient depends on the batch norm's input gradient
                .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(C).activation(Activation.IDENTITY).build(), "in");
        if (fast) {
            g.addLayer("bn", FastBatchNorm.of(0.9, 1e-3, true), "conv");
            g.addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "bn");
        } else {
            g.addLayer("bn", new BatchNormalization.Builder().decay(0.9).eps(1e-3).useLogStd(false).build(), "conv");
            g.addLayer("relu", new ActivationLayer(Activation.RELU), "bn");
            g.addLayer("out", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "relu");
        }
        ComputationGraphConfiguration conf = g.setOutputs("out").setInputTypes(InputType.convolutional(12, 6, C)).build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        net.getLayer("bn").setParam("gamma", Nd4j.createFromArray(0.5f, 1.5f, -1f).reshape(1, C));
        net.getLayer("bn").setParam("beta", Nd4j.createFromArray(0.2f, -0.1f, 0.3f).reshape(1, C));
        net.getLayer("bn").setParam("mean", Nd4j.createFromArray(0.4f, 0.6f, 0.5f).reshape(1, C));
        net.getLayer("bn").setParam("var", Nd4j.createFromArray(0.1f, 0.2f, 0.05f).reshape(1, C));
        return net;
    }

    @Test
    void matchesDl4jBatchNormalizationFollowedByRelu() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, N, C, 12, 6).muli(3).subi(1);
        INDArray y = Nd4j.rand(DataType.FLOAT, N, C, 12, 6);
        ComputationGraph ref = graph(false);
        ComputationGraph fast = graph(true);

        fast.getLayer("conv").setParams(ref.getLayer("conv").params());
        close(ref.feedForward(new INDArray[] {x}, true, false).get("relu"), fast.feedForward(new INDArray[] {x}, true, false).get("bn"), "training-mode output");
        close(ref.output(false, x)[0], fast.output(false, x)[0], "inference output");

        Gradient a = gradient(ref, x, y);
        Gradient b = gradient(fast, x, y);
        for (String p : new String[] {"bn_gamma", "bn_beta", "conv_W"}) {
            close(a.getGradientFor(p), b.getGradientFor(p), p + " gradient");
            assertTrue(b.getGradientFor(p).norm2Number().doubleValue() > 1e-4, p + " gradient is not trivially zero");
        }
        // a bias before batch norm cannot change its output: its exact gradient is 0 (up to rounding)
        assertTrue(b.getGradientFor("conv_b").norm2Number().doubleValue() < 1e-4 * b.getGradientFor("conv_W").norm2Number().doubleValue() + 1e-6,
                "bias gradient " + b.getGradientFor("conv_b"));

        ref.fit(new INDArray[] {x}, new INDArray[] {y});
        fast.fit(new INDArray[] {x}, new INDArray[] {y});
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
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).reshape(-1).norm1Number().doubleValue();
        double scale = Math.max(1e-6, expected.castTo(DataType.DOUBLE).reshape(-1).norm1Number().doubleValue());
        assertTrue(diff / scale < 1e-4, what + ": relative difference " + diff / scale);
    }
}
