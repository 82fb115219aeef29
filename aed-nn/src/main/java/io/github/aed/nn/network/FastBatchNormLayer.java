package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The layer of {@link FastBatchNorm}. For an activation of shape {@code [n, c, …]} with m = n · (values per channel
 * and sample):
 * <ul>
 * <li>training: μ and σ² (population variance) per channel over the m values; y = γ (x − μ) / √(σ² + ε) + β;</li>
 * <li>inference: the moving mean and variance instead;</li>
 * <li>backprop: ∂β = Σ g, ∂γ = Σ g x̂, ∂x = γ / √(σ² + ε) · (g − ∂β / m − x̂ ∂γ / m), with g the incoming gradient (times
 * the ReLU mask when fused); the moving statistics get DL4J's convention, a "gradient" of
 * (1 − momentum) · (moving − batch) applied without an updater.</li>
 * </ul>
 */
final class FastBatchNormLayer extends BatchNormalization {

    private static final long serialVersionUID = 1L;

    private INDArray batchMean;
    private INDArray batchVar;
    private INDArray output;

    FastBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private FastBatchNorm fast() {
        return (FastBatchNorm) conf().getLayer();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray x = DepthReshapePreProcessor.contiguous(input, mgr, ArrayType.ACTIVATIONS);
        long n = x.size(0);
        long c = x.size(1);
        long rest = x.length() / (n * c);
        INDArray mean;
        INDArray var;
        if (training) {
            INDArray x3 = x.reshape('c', n, c, rest);
            try (var ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                batchMean = x3.mean(0, 2).castTo(dataType);
                batchVar = x3.var(false, 0, 2).castTo(dataType);
            }
            mean = batchMean;
            var = batchVar;
        } else {
            mean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(c);
            var = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(c);
        }
        INDArray gamma = getParam(BatchNormalizationParamInitializer.GAMMA).reshape(c);
        INDArray beta = getParam(BatchNormalizationParamInitializer.BETA).reshape(c);
        INDArray scale = Transforms.pow(var.add(layerConf().getEps()), -0.5, false).muli(gamma);
        INDArray shift = beta.sub(mean.mul(scale));
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
        INDArray rows = out.reshape('c', n * c, rest);
        rows.assign(x.reshape('c', n * c, rest)).muliColumnVector(perRow(scale, n)).addiColumnVector(perRow(shift, n));
        if (fast().isRelu()) {
            Transforms.relu(out, false);
        }
        output = training ? out : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray x = DepthReshapePreProcessor.contiguous(input, mgr, ArrayType.BP_WORKING_MEM);
        long n = x.size(0);
        long c = x.size(1);
        long rest = x.length() / (n * c);
        double m = (double) n * rest;
        INDArray g = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), x.shape(), 'c');
        if (fast().isRelu()) {
            Nd4j.exec(new ThresholdReluBp(output, DepthReshapePreProcessor.contiguous(epsilon, mgr, ArrayType.BP_WORKING_MEM), g, 0.0));
        } else {
            g.assign(epsilon);
        }
        INDArray gamma = getParam(BatchNormalizationParamInitializer.GAMMA).reshape(c);
        INDArray invStd = Transforms.pow(batchVar.add(layerConf().getEps()), -0.5, false);
        INDArray xHatRows = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), new long[] {n * c, rest}, 'c');
        xHatRows.assign(x.reshape('c', n * c, rest)).subiColumnVector(perRow(batchMean, n)).muliColumnVector(perRow(invStd, n));
        INDArray gRows = g.reshape('c', n * c, rest);
        INDArray dBeta = gRows.reshape('c', n, c, rest).sum(0, 2);
        INDArray product = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), new long[] {n * c, rest}, 'c');
        product.assign(xHatRows).muli(gRows);
        INDArray dGamma = product.reshape('c', n, c, rest).sum(0, 2);
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
        INDArray dxRows = dx.reshape('c', n * c, rest);
        dxRows.assign(xHatRows).muliColumnVector(perRow(dGamma.div(-m), n)).addi(gRows)
                .addiColumnVector(perRow(dBeta.div(-m), n)).muliColumnVector(perRow(invStd.mul(gamma), n));

        double momentum = layerConf().getDecay();
        Gradient grad = new DefaultGradient();
        INDArray gammaView = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray betaView = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        INDArray meanView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray varView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
        gammaView.assign(dGamma.reshape(gammaView.shape()));
        betaView.assign(dBeta.reshape(betaView.shape()));
        INDArray movingMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray movingVar = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
        meanView.assign(movingMean.sub(batchMean.reshape(movingMean.shape())).muli(1 - momentum));
        varView.assign(movingVar.sub(batchVar.reshape(movingVar.shape())).muli(1 - momentum));
        grad.setGradientFor(BatchNormalizationParamInitializer.GAMMA, gammaView);
        grad.setGradientFor(BatchNormalizationParamInitializer.BETA, betaView);
        grad.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, meanView);
        grad.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, varView);
        output = null;
        return new Pair<>(grad, dx);
    }

    /** A per-channel vector repeated for every sample: the column vector of the {@code [n·c, …]} row view. */
    private static INDArray perRow(INDArray perChannel, long n) {
        long c = perChannel.length();
        return Nd4j.tile(perChannel.reshape(1, c), (int) n, 1).reshape('c', n * c, 1);
    }
}
