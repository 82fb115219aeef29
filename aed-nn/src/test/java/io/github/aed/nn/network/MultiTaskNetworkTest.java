package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.nn.TinyScenes;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.LossKind;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import io.github.aed.nn.train.PreparedSample;
import io.github.aed.nn.train.SampleBatcher;
import io.github.aed.nn.train.SampleMaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

class MultiTaskNetworkTest {

    static List<ProxyTask> builtIns() {
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(), new KnowledgeDistillation(new DetectorConfidenceTeacher(4)));
    }

    static NetworkSettings tiny(BackboneVariant v, int channels) {
        return NetworkSettings.builder().variant(v).channels(channels).cubeSize(16).dropout(0).seed(3).build();
    }

    static List<PreparedSample> samples(MultiTaskNetwork net, int n, int channels) {
        SampleMaker maker = new SampleMaker(net);
        List<PreparedSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(maker.prepare(TinyScenes.movingSquare(i, channels, 9, 16, new float[] {0.9f, 0, 0, 0}), 100 + i));
        }
        return out;
    }

    @Test
    void everyVariantHasTheReferenceHeadShapes() {
        for (BackboneVariant v : BackboneVariant.values()) {
            MultiTaskNetwork net = MultiTaskNetwork.create(tiny(v, 3), builtIns());
            assertEquals(3, net.trainingLayout().paths().size(), "training: 6-frame, 7-frame MI and 7-frame KD paths");
            assertEquals(2, net.inferenceLayout().paths().size(), v + ": at test time the encoder runs twice (6 and 7 frames)");
            MultiDataSet batch = new SampleBatcher(net).batch(samples(net, 2, 3));
            INDArray[] out = net.trainingGraph().output(false, batch.getFeatures());
            assertArrayEquals(new long[] {2, 2}, out[0].shape(), v + " arrow of time");
            assertArrayEquals(new long[] {2, 2}, out[1].shape(), v + " motion irregularity");
            assertArrayEquals(new long[] {2, 3, 16, 16}, out[2].shape(), v + " middle box");
            assertArrayEquals(new long[] {2, 4}, out[3].shape(), v + " distillation");
        }
    }

    @Test
    void trainableParameterCountsMatchTheReferenceLayerList() {
        // reference section 4: deep+wide about 0.65 M, shallow+narrow about 0.65 M, shallow+wide 0.81 M, deep+narrow 0.30 M
        Map<BackboneVariant, Double> expected = Map.of(BackboneVariant.DEEP_WIDE, 0.65e6, BackboneVariant.SHALLOW_NARROW, 0.65e6,
                BackboneVariant.SHALLOW_WIDE, 0.81e6, BackboneVariant.DEEP_NARROW, 0.30e6);
        List<ProxyTask> tasks = List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(),
                new KnowledgeDistillation(new DetectorConfidenceTeacher(1080)));
        for (var e : expected.entrySet()) {
            MultiTaskNetwork net = MultiTaskNetwork.create(NetworkSettings.builder().variant(e.getKey()).cubeSize(64).build(), tasks);
            long trainable = net.parameters().entrySet().stream()
                    .filter(p -> !p.getKey().endsWith("_mean") && !p.getKey().endsWith("_var"))
                    .mapToLong(p -> p.getValue().length()).sum();
            assertEquals(e.getValue(), trainable, e.getValue() * 0.06, e.getKey() + " trainable parameters");
        }
    }

    @Test
    void lossesAreWeightedElementMeansAsInTheReference() {
        MultiTaskNetwork net = MultiTaskNetwork.create(tiny(BackboneVariant.SHALLOW_NARROW, 3), builtIns());
        List<PreparedSample> samples = samples(net, 4, 3);
        MultiDataSet batch = new SampleBatcher(net).batch(samples);
        ComputationGraph g = net.trainingGraph();
        // training mode (batch statistics); dropout is 0 so the outputs are deterministic
        INDArray[] out = g.output(true, batch.getFeatures());
        double expectedTotal = 0;
        for (int t = 0; t < 4; t++) {
            ProxyTask task = net.tasks().get(t);
            double mean = 0;
            float[] flat = out[t].reshape('c', 4, out[t].length() / 4).toFloatMatrix()[0];
            for (int i = 0; i < 4; i++) {
                float[] row = out[t].reshape('c', 4, out[t].length() / 4).getRow(i).toFloatVector();
                mean += task.loss().evaluate(row, samples.get(i).targets()[t], 0) / 4;
            }
            assertTrue(flat.length > 0);
            expectedTotal += task.weight() * mean;
        }
        double score = g.score(batch, true);
        assertEquals(expectedTotal, score, 1e-3 * Math.max(1, expectedTotal), "DL4J score = sum of weight x element-mean loss");
        assertEquals(LossKind.MEAN_ABSOLUTE_ERROR, net.tasks().get(2).loss());
    }

    @Test
    void encoderCopiesStayIdenticalWhileTraining() {
        MultiTaskNetwork net = MultiTaskNetwork.create(tiny(BackboneVariant.DEEP_NARROW, 1), builtIns());
        ComputationGraph g = net.trainingGraph();
        INDArray before = g.getLayer("p0-b0c0").getParam("W").dup();
        MultiDataSet batch = new SampleBatcher(net).batch(samples(net, 3, 1));
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        for (String layer : List.of("b0c0", "b1c1", "b3c0", "b0c0-bn")) {
            for (String p : g.getLayer("p0-" + layer).paramTable().keySet()) {
                INDArray a = g.getLayer("p0-" + layer).getParam(p);
                for (int path = 1; path < 3; path++) {
                    assertEquals(a, g.getLayer("p" + path + "-" + layer).getParam(p), layer + "_" + p + " copy " + path);
                }
            }
        }
        assertNotEquals(before, g.getLayer("p0-b0c0").getParam("W"), "training changed the encoder");
    }

    @Test
    void aMaskedOutTaskContributesNeitherLossNorGradient() {
        MultiTaskNetwork net = MultiTaskNetwork.create(tiny(BackboneVariant.SHALLOW_NARROW, 1), builtIns());
        ComputationGraph g = net.trainingGraph();
        MultiDataSet a = new SampleBatcher(net).batch(samples(net, 3, 1));
        a.getLabelsMaskArray(3).assign(0);
        MultiDataSet b = a.copy();
        b.getLabels(3).assign(0.5);
        g.setInputs(a.getFeatures());
        g.setLabels(a.getLabels());
        g.setLayerMaskArrays(null, a.getLabelsMaskArrays());
        g.computeGradientAndScore();
        double scoreA = g.score();
        INDArray gradA = g.gradient().gradient().dup();
        g.setLabels(b.getLabels());
        g.computeGradientAndScore();
        assertEquals(scoreA, g.score(), 1e-6);
        assertEquals(gradA, g.gradient().gradient());
        b.getLabelsMaskArray(3).assign(1);
        g.setLayerMaskArrays(null, b.getLabelsMaskArrays());
        g.computeGradientAndScore();
        assertNotEquals(scoreA, g.score(), 1e-6, "unmasked, the changed labels count");
    }

    @Test
    void theLearningRateFallsLinearlyToZeroAndThenStops() {
        MultiTaskNetwork net = MultiTaskNetwork.create(tiny(BackboneVariant.SHALLOW_NARROW, 1), builtIns());
        ComputationGraph g = net.trainingGraph();
        double start = net.settings().learningRate();
        MultiDataSet batch = new SampleBatcher(net).batch(samples(net, 3, 1));
        net.decayLearningRateOver(4);
        assertEquals(start, g.getLearningRate("p0-b0c0"), 1e-12);
        net.fit(batch);
        assertEquals(0.75 * start, g.getLearningRate("p0-b0c0"), 1e-12, "after 1 of 4 mini-batches");
        for (int i = 0; i < 3; i++) {
            net.fit(batch);
        }
        assertEquals(0, g.getLearningRate("p0-b0c0"), 1e-12, "after the last mini-batch");
        ComputationGraphConfiguration copy = ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson());
        assertEquals(g.getConfiguration().toJson(), copy.toJson(), "the schedule survives DL4J's JSON");
        INDArray settled = g.getLayer("p0-b0c0").getParam("W").dup();
        net.fit(batch);
        assertEquals(settled, g.getLayer("p0-b0c0").getParam("W"), "no step at learning rate zero");
        var e = assertThrows(IllegalStateException.class, () -> net.decayLearningRateOver(4));
        assertTrue(e.getMessage().contains("5 mini-batches"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MultiTaskNetwork.create(tiny(BackboneVariant.SHALLOW_NARROW, 1), builtIns()).decayLearningRateOver(0));
    }

    @Test
    void rejectsInconsistentTaskSets() {
        NetworkSettings s = tiny(BackboneVariant.SHALLOW_NARROW, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> MultiTaskNetwork.create(s, List.of(new MiddleBox())));
        assertTrue(e.getMessage().contains("arrow-of-time"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultiTaskNetwork.create(s, List.of(new ArrowOfTime(), new ArrowOfTime())));
        assertThrows(IllegalArgumentException.class, () -> NetworkSettings.builder().variant(BackboneVariant.DEEP_WIDE).cubeSize(24).build());
        assertFalse(MultiTaskNetwork.create(s, List.of(MiddleBox.standalone(1))).tasks().isEmpty());
    }
}
