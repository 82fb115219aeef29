package io.github.aed.nn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.nn.TinyScenes;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/** A tiny network learns every built-in task on generated scenes (squares moving rightwards). */
class LearningTest {

    private static final int SIZE = 16;

    private static List<PreparedSample> samples(SampleMaker maker, long from, int n) {
        List<PreparedSample> out = new ArrayList<>();
        for (long i = from; i < from + n; i++) {
            out.add(maker.prepare(TinyScenes.movingSquare(i, 1, 9, SIZE, null, true), i * 31));
        }
        return out;
    }

    @Test
    void everyTaskBeatsChanceAfterAFewEpochs() {
        List<ProxyTask> tasks = List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(),
                new KnowledgeDistillation(new DetectorConfidenceTeacher(2), 1.0));
        MultiTaskNetwork net = MultiTaskNetwork.create(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).channels(1)
                .cubeSize(SIZE).learningRate(3e-3).batchNormMomentum(0.9).seed(1).build(), tasks);
        SampleMaker maker = new SampleMaker(net);
        SampleBatcher batcher = new SampleBatcher(net);
        List<PreparedSample> test = samples(maker, 1_000_000, 64);
        double[] before = evaluate(net, batcher, test);
        List<PreparedSample> train = samples(maker, 0, 256);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (int b = 0; b < train.size(); b += 16) {
                net.fit(batcher.batch(train.subList(b, b + 16)));
            }
            train = samples(maker, 256L * (epoch + 1), 256);
        }
        double[] after = evaluate(net, batcher, test);
        String report = "before " + java.util.Arrays.toString(before) + ", after " + java.util.Arrays.toString(after);
        assertTrue(after[0] > 0.75, "arrow-of-time accuracy; " + report);
        assertTrue(after[1] > 0.75, "motion-irregularity accuracy; " + report);
        assertTrue(after[2] < 0.7 * before[2], "middle-box mean absolute error; " + report);
        assertTrue(after[3] < 0.7 * before[3], "distillation mean absolute error; " + report);
    }

    /** Accuracy of the two classifiers, mean absolute error of the two regressors, in inference mode. */
    private static double[] evaluate(MultiTaskNetwork net, SampleBatcher batcher, List<PreparedSample> samples) {
        MultiDataSet b = batcher.batch(samples);
        INDArray[] out = net.trainingGraph().output(false, b.getFeatures());
        int n = samples.size();
        double[] r = new double[4];
        for (int t = 0; t < 4; t++) {
            INDArray o = out[t].reshape('c', n, out[t].length() / n);
            for (int i = 0; i < n; i++) {
                float[] y = o.getRow(i).toFloatVector();
                float[] target = samples.get(i).targets()[t];
                r[t] += t < 2 ? ((y[1] > y[0]) == (target[1] > target[0]) ? 1 : 0) : net.tasks().get(t).loss().evaluate(y, target, 0);
            }
            r[t] /= n;
        }
        return r;
    }
}
