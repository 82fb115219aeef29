package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link LinearConvolution3D} against DL4J's {@link Convolution3D}: same outputs and gradients, in both layouts. */
class LinearConvolution3DTest {

    private static final int N = 2;
    private static final int C = 3;
    private static final int D = 4;
    private static final int H = 5;
    private static final int W = 6;

    private static Convolution3D.Builder conv(Convolution3D.DataFormat format) {
        return new Convolution3D.Builder(3, 3, 3).nOut(4).convolutionMode(ConvolutionMode.Same).dataFormat(format);
    }

    /** Two stacked convolutions, so the first one's weight gradient depends on the second one's input gradient. */
    private static ComputationGraph graph(Convolution3D.DataFormat format, boolean linear) {
        var g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).updater(new Sgd(0.1)).seed(3).graphBuilder().addInputs("in");
        g.addLayer("c1", linear ? LinearConvolution3D.of(conv(format)) : conv(format).activation(Activation.IDENTITY).build(), "in");
        g.addLayer("c2", linear ? LinearConvolution3D.of(conv(format)) : conv(format).activation(Activation.IDENTITY).build(), "c1");
        g.addLayer("out", new Cnn3DLossLayer.Builder(format).lossFunction(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "c2");
        ComputationGraph net = new ComputationGraph(g.setOutputs("out").setInputTypes(InputType.convolutional3D(format, D, H, W, C)).build());
        net.init();
        return net;
    }

    @ParameterizedTest
    @EnumSource(Convolution3D.DataFormat.class)
    void matchesDl4jsConvolution3D(Convolution3D.DataFormat format) {
        Nd4j.getRandom().setSeed(5);
        boolean last = format == Convolution3D.DataFormat.NDHWC;
        INDArray x = last ? Nd4j.rand(DataType.FLOAT, N, D, H, W, C) : Nd4j.rand(DataType.FLOAT, N, C, D, H, W);
        INDArray y = last ? Nd4j.rand(DataType.FLOAT, N, D, H, W, 4) : Nd4j.rand(DataType.FLOAT, N, 4, D, H, W);
        ComputationGraph ref = graph(format, false);
        ComputationGraph linear = graph(format, true);
        linear.setParams(ref.params());

        assertEquals(0, ref.output(false, x)[0].sub(linear.output(false, x)[0]).norm1Number().doubleValue(), 1e-6, "outputs");
        for (ComputationGraph g : new ComputationGraph[] {ref, linear}) {
            g.setInputs(x);
            g.setLabels(y);
            g.computeGradientAndScore();
        }
        for (String p : new String[] {"c1_W", "c1_b", "c2_W", "c2_b"}) {
            INDArray a = ref.gradient().getGradientFor(p);
            INDArray b = linear.gradient().getGradientFor(p);
            double diff = a.sub(b).norm1Number().doubleValue();
            double scale = a.norm1Number().doubleValue();
            assertTrue(scale > 1e-4, p + " gradient is not trivially zero");
            assertTrue(diff / scale < 1e-5, p + " gradient differs: relative " + diff / scale);
        }
    }

    @Test
    void rejectsAnotherActivation() {
        LinearConvolution3D c = LinearConvolution3D.of(conv(Convolution3D.DataFormat.NDHWC));
        c.setActivationFn(Activation.RELU.getActivationFunction());
        var g = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in").addLayer("c", c, "in").setOutputs("c")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, D, H, W, C)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ComputationGraph(g).init());
        assertTrue(e.getMessage().contains("identity"), e.getMessage());
    }
}
