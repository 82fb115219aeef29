package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution3DLayer;
import org.deeplearning4j.nn.params.Convolution3DParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.Convolution3DUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The layer of {@link LinearConvolution3D}: DL4J's forward pass, and a backprop that hands the incoming gradient (the
 * gradient of the pre-activation, as the activation is the identity) to {@code conv3dnew_bp} without recomputing the
 * forward convolution; or, for a layer {@linkplain LinearConvolution3D#withoutInputGradient() without input gradient},
 * only the weight and bias gradients from a patch matrix. Parameters are stored as DL4J stores them: weights
 * {@code [out, in, kD, kH, kW]}, which the op reads permuted as {@code [kD, kH, kW, in, out]}.
 */
final class LinearConvolution3DLayer extends Convolution3DLayer {

    private static final long serialVersionUID = 1L;

    private transient INDArray[] onehot;

    LinearConvolution3DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Convolution3D c = (Convolution3D) layerConf();
        boolean ncdhw = c.getDataFormat() == Convolution3D.DataFormat.NCDHW;
        INDArray x = input.castTo(dataType);
        int[] kernel = c.getKernelSize();
        int[] stride = c.getStride();
        int[] dilation = c.getDilation();
        int[] pad = c.getPadding();
        if (c.getConvolutionMode() == ConvolutionMode.Same) {
            int[] in = ncdhw ? new int[] {(int) x.size(2), (int) x.size(3), (int) x.size(4)}
                    : new int[] {(int) x.size(1), (int) x.size(2), (int) x.size(3)};
            int[] out = Convolution3DUtils.get3DOutputSize(x, kernel, stride, null, ConvolutionMode.Same, dilation, ncdhw);
            pad = Convolution3DUtils.get3DSameModeTopLeftPadding(out, in, kernel, stride, dilation);
        }
        int[] args = {kernel[0], kernel[1], kernel[2], stride[0], stride[1], stride[2], pad[0], pad[1], pad[2],
                dilation[0], dilation[1], dilation[2], c.getConvolutionMode() == ConvolutionMode.Same ? 1 : 0, ncdhw ? 0 : 1};
        if (!((LinearConvolution3D) c).isInputGradient()) {
            return weightGradientOnly(x, DepthReshapePreProcessor.contiguous(epsilon, mgr, ArrayType.BP_WORKING_MEM), args, mgr);
        }
        INDArray weights = getParamWithNoise(Convolution3DParamInitializer.WEIGHT_KEY, true, mgr).permute(2, 3, 4, 1, 0);
        INDArray weightGrad = gradientViews.get(Convolution3DParamInitializer.WEIGHT_KEY);
        INDArray inputGrad = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, weights.dataType(), x.shape(), 'c');
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv3dnew_bp").addIntegerArguments(args);
        Gradient gradient = new DefaultGradient();
        if (c.hasBias()) {
            INDArray bias = getParamWithNoise(Convolution3DParamInitializer.BIAS_KEY, true, mgr);
            INDArray biasGrad = gradientViews.get(Convolution3DParamInitializer.BIAS_KEY);
            op.addInputs(x, weights, bias, epsilon).addOutputs(inputGrad, weightGrad.permute(2, 3, 4, 1, 0), biasGrad);
            gradient.setGradientFor(Convolution3DParamInitializer.BIAS_KEY, biasGrad);
        } else {
            op.addInputs(x, weights, epsilon).addOutputs(inputGrad, weightGrad.permute(2, 3, 4, 1, 0));
        }
        Nd4j.exec(op.callInplace(false).build());
        gradient.setGradientFor(Convolution3DParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }

    /**
     * Weight and bias gradients only (no input gradient), for NDHWC input with stride and dilation 1. A convolution
     * with fixed one-hot weights copies every output position's input patch into a row of K = kD·kH·kW·c values plus a
     * constant 1 (its bias): the patch matrix. Then [∂W; ∂b] = patchesᵀ · ∂out, one matrix product, summed over chunks
     * of the mini-batch so the patch matrix stays under {@link #PATCH_BYTES}. Returns no input gradient (null): the
     * layer reads the network's input.
     */
    private Pair<Gradient, INDArray> weightGradientOnly(INDArray x, INDArray epsilon, int[] args, LayerWorkspaceMgr mgr) {
        Convolution3D c = (Convolution3D) layerConf();
        int[] k = c.getKernelSize();
        int in = (int) c.getNIn();
        int out = (int) c.getNOut();
        int patch = k[0] * k[1] * k[2] * in;
        if (onehot == null) {
            try (var ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                onehot = patchWeights(k, in, dataType);
            }
        }
        INDArray products = patchProducts(x, epsilon, args, onehot, PATCH_BYTES, mgr);
        INDArray weightGrad = gradientViews.get(Convolution3DParamInitializer.WEIGHT_KEY);
        weightGrad.permute(2, 3, 4, 1, 0).assign(products.get(NDArrayIndex.interval(0, patch), NDArrayIndex.all())
                .reshape('c', k[0], k[1], k[2], in, out));
        Gradient gradient = new DefaultGradient();
        if (c.hasBias()) {
            INDArray biasGrad = gradientViews.get(Convolution3DParamInitializer.BIAS_KEY);
            biasGrad.assign(products.getRow(patch).reshape(biasGrad.shape()));
            gradient.setGradientFor(Convolution3DParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(Convolution3DParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    /** The patch matrix of one chunk stays under this size (bytes). */
    private static final long PATCH_BYTES = 64L << 20;

    /**
     * patchesᵀ · ∂out, {@code [K + 1, out]}: the weight gradient in libnd4j's order (kd, kh, kw, ch) and, last, the bias
     * gradient. {@code x} is the NDHWC input, {@code epsilon} the C-ordered NDHWC output gradient, {@code args} the
     * layer's conv3dnew arguments, {@code onehot} from {@link #patchWeights}; chunks of the mini-batch keep each
     * patch matrix under {@code patchBytes}.
     */
    static INDArray patchProducts(INDArray x, INDArray epsilon, int[] args, INDArray[] onehot, long patchBytes, LayerWorkspaceMgr mgr) {
        long columns = onehot[1].length();
        long out = epsilon.size(4);
        long n = x.size(0);
        long positions = epsilon.length() / (n * out);
        long chunk = Math.max(1, Math.min(n, patchBytes / (positions * columns * Float.BYTES)));
        INDArray buffer = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(),
                new long[] {chunk, epsilon.size(1), epsilon.size(2), epsilon.size(3), columns}, 'c');
        INDArray rows = epsilon.reshape('c', n * positions, out);
        INDArray products = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), new long[] {columns, out}, 'c');
        for (long i0 = 0; i0 < n; i0 += chunk) {
            long i1 = Math.min(n, i0 + chunk);
            INDArray xc = x.get(NDArrayIndex.interval(i0, i1), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            INDArray patches = i1 - i0 == chunk ? buffer : buffer.get(NDArrayIndex.interval(0, i1 - i0), NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(xc, onehot[0], onehot[1]).addIntegerArguments(args)
                    .addOutputs(patches).build());
            INDArray gc = rows.get(NDArrayIndex.interval(i0 * positions, i1 * positions), NDArrayIndex.all());
            Nd4j.gemm(patches.reshape('c', (i1 - i0) * positions, columns), gc, products, true, false, 1.0, i0 == 0 ? 0.0 : 1.0);
        }
        return products;
    }

    /**
     * The one-hot weights {@code [kD, kH, kW, c, K + 1]} (libnd4j's layout) that copy input value (kd, kh, kw, ch) of
     * each patch to output channel ((kd·kH + kh)·kW + kw)·c + ch, and the bias that sets output channel K to 1.
     */
    static INDArray[] patchWeights(int[] k, int in, DataType dataType) {
        int patch = k[0] * k[1] * k[2] * in;
        INDArray w = Nd4j.zeros(dataType, k[0], k[1], k[2], in, patch + 1);
        for (int kd = 0; kd < k[0]; kd++) {
            for (int kh = 0; kh < k[1]; kh++) {
                for (int kw = 0; kw < k[2]; kw++) {
                    for (int ch = 0; ch < in; ch++) {
                        w.putScalar(new int[] {kd, kh, kw, ch, ((kd * k[1] + kh) * k[2] + kw) * in + ch}, 1.0);
                    }
                }
            }
        }
        INDArray b = Nd4j.zeros(dataType, patch + 1);
        b.putScalar(patch, 1.0);
        return new INDArray[] {w, b};
    }
}
