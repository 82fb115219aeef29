package io.github.aed.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.detect.PrimedState;
import io.github.aed.detect.spec.DetectorRecipe;
import io.github.aed.nn.FrozenFramesTask;
import io.github.aed.nn.TestCubes;
import io.github.aed.nn.TinyScenes;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeProvider;
import io.github.aed.nn.attribute.ObjectAttribute;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.SizeAtPosition;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.network.BatchScores;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TaskRegistry;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import io.github.aed.nn.teacher.TeacherTargets;
import io.github.aed.nn.train.PreparedSample;
import io.github.aed.nn.train.SampleBatcher;
import io.github.aed.nn.train.SampleMaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private static final CubeSettings TEST_CUBES = CubeSettings.builder().size(16).build();

    private static TrainedModel trained(List<ProxyTask> tasks) {
        return trained(tasks, new DetectorProvenance("fixed test boxes", Optional.empty()));
    }

    private static TrainedModel trained(List<ProxyTask> tasks, DetectorProvenance detector) {
        NetworkSettings s = NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).cubeSize(16).seed(5).build();
        MultiTaskNetwork net = MultiTaskNetwork.create(s, tasks);
        SampleMaker maker = new SampleMaker(net);
        List<PreparedSample> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.add(maker.prepare(TinyScenes.movingSquare(i, 3, 9, 16, new float[] {0.2f, 0.8f}), i));
        }
        net.fit(new SampleBatcher(net).batch(samples));
        return new TrainedModel(net, CubeSettings.training().toBuilder().size(16).build(), TEST_CUBES,
                detector, "detector confidence",
                new ValidationScores(Map.of(ArrowOfTime.NAME, new double[] {0.1, 0.9, 0.5})),
                new TrainingSummary("epochs 1", 1, List.of("epoch 1: ..."), 24, 16));
    }

    private static List<ProxyTask> builtIns() {
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(), new KnowledgeDistillation(new DetectorConfidenceTeacher(2)));
    }

    @Test
    void saveThenLoadGivesIdenticalOutputsAndProvenance() {
        TrainedModel m = trained(builtIns());
        Path f = dir.resolve("m.aed");
        ModelFile.save(m, f);
        TrainedModel back = ModelFile.load(f);
        CubeBatch cubes = TestCubes.batch(TEST_CUBES, 12);
        MultiTaskNetwork original = m.newNetwork();
        MultiTaskNetwork loaded = back.newNetwork();
        float[][][] a = original.outputs(cubes);
        float[][][] b = loaded.outputs(cubes);
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                assertArrayEquals(a[t][i], b[t][i], "task " + t + " object " + i);
            }
        }
        assertEquals(m.parameters().keySet(), back.parameters().keySet());
        assertEquals(m.trainingCubes(), back.trainingCubes());
        assertEquals(m.testCubes(), back.testCubes());
        assertEquals(m.detector(), back.detector());
        assertEquals(m.training(), back.training());
        assertEquals(m.teacher(), back.teacher());
        assertEquals(m.validationScores(), back.validationScores());
        assertEquals(m.networkSettings(), back.networkSettings());
        List<TeacherTargets> tt = cubes.detections().stream().map(d -> new DetectorConfidenceTeacher(2).testTargets(null, d)).toList();
        BatchScores s1 = original.score(cubes, tt);
        BatchScores s2 = loaded.score(cubes, tt);
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < cubes.size(); i++) {
                assertEquals(s1.score(t, i), s2.score(t, i));
            }
        }
    }

    @Test
    void aCustomTaskLoadsOnlyWhenRegistered() {
        List<ProxyTask> tasks = List.of(new ArrowOfTime(), new FrozenFramesTask());
        Path f = dir.resolve("custom.aed");
        ModelFile.save(trained(tasks), f);
        var e = assertThrows(InvalidInputException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("'frozen-frames'") && e.getMessage().contains("[arrow-of-time, distillation, "
                + "middle-box, motion-irregularity]"), e.getMessage());
        TrainedModel back = ModelFile.load(f, TaskRegistry.defaults().register(new FrozenFramesTask.Provider()));
        assertEquals(List.of(ArrowOfTime.NAME, FrozenFramesTask.NAME), back.taskNames());
    }

    @Test
    void anotherFormatVersionIsRejectedWithTheVersionsNamed() throws IOException {
        Path f = dir.resolve("v1.aed");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("format.json"));
            z.write("{\"format\":\"aed-model\",\"version\":1}".getBytes());
            z.closeEntry();
        }
        var e = assertThrows(InvalidInputException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("versions 2 to " + ModelFile.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void attributesAndFusionWeightsComeBackWhole() {
        TrainedModel plain = trained(List.of(new ArrowOfTime()));
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            normal.add(new float[] {i % 7, i % 5 * 0.5f, i % 3, 1});
        }
        AttributeDensity size = AttributeDensity.fit(new SizeAtPosition(), normal.subList(0, 30), normal.subList(30, 40),
                new AttributeSettings(List.of(new SizeAtPosition()), 3, 0, 10, 1, AttributeSettings.Calibration.OTHER_VIDEOS));
        FusionWeights weights = new FusionWeights(Map.of(ArrowOfTime.NAME, 0.6, "size", 0.9), Map.of(ArrowOfTime.NAME, 0.2, "size", 0.8));
        TrainedModel m = plain.withAttributes(List.of(size), weights);
        Path f = dir.resolve("m.aed");
        ModelFile.save(m, f);
        TrainedModel back = ModelFile.load(f);
        assertEquals(weights, back.fusionWeights());
        assertEquals(List.of(ArrowOfTime.NAME, "size"), back.scoreNames());
        AttributeDensity restored = back.attributes().get(0);
        for (float[] probe : List.of(new float[] {3, 1, 2, 1}, new float[] {20, -4, 0, 1})) {
            assertEquals(size.score(probe), restored.score(probe), 0);
        }
        var clash = assertThrows(IllegalArgumentException.class, () -> plain.withAttributes(List.of(size),
                new FusionWeights(Map.of("size", 0.9), Map.of("size", 0.8))));
        assertTrue(clash.getMessage().contains("fusion weights for [size]"), clash.getMessage());
    }

    @Test
    void aUsersOwnAttributeIsMadeAgainByItsProvider() {
        ObjectAttribute own = AttributeProvider.create("brightness", Map.of("squared", "true"));
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            normal.add(new float[] {i * i});
        }
        AttributeDensity d = AttributeDensity.fit(own, normal.subList(0, 15), normal.subList(15, 20),
                new AttributeSettings(List.of(own), 2, 0, 10, 1, AttributeSettings.Calibration.OTHER_VIDEOS));
        Path f = dir.resolve("own.aed");
        ModelFile.save(trained(List.of(new ArrowOfTime())).withAttributes(List.of(d), FusionWeights.none()), f);
        AttributeDensity back = ModelFile.load(f).attributes().get(0);
        assertEquals(Map.of("squared", "true"), back.attribute().options());
        assertEquals(d.score(new float[] {50}), back.score(new float[] {50}), 0);
    }

    /**
     * A copy of the model file {@code f} that says it has another format version; before version 5 its density banks
     * lose their weights, as such files were written.
     */
    private Path asVersion(Path f, int version) throws IOException {
        Path old = dir.resolve("v" + version + ".aed");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(f));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(old))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (version < 5 && e.getName().startsWith("attributes/")) {
                    int vectors = java.nio.ByteBuffer.wrap(data).getInt();
                    data = java.util.Arrays.copyOf(data, data.length - 4 * vectors);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("format.json")
                        ? ("{\"format\":\"aed-model\",\"version\":" + version + "}").getBytes() : data);
                out.closeEntry();
            }
        }
        return old;
    }

    @Test
    void aVersion2FileLoadsWithoutAttributes() throws IOException {
        Path f = dir.resolve("m.aed");
        ModelFile.save(trained(List.of(new ArrowOfTime())), f);
        TrainedModel back = ModelFile.load(asVersion(f, 2));
        assertTrue(back.attributes().isEmpty() && back.fusionWeights().isEmpty());
    }

    @Test
    void banksOfFilesBeforeWeightsCountEachVectorOnce() throws IOException {
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            normal.add(new float[] {i % 11, i % 4 * 0.5f, i % 3, 1});
        }
        AttributeDensity size = AttributeDensity.fit(new SizeAtPosition(), normal.subList(0, 50), normal.subList(50, 60),
                new AttributeSettings(List.of(new SizeAtPosition()), 3, 0, 10, 1, AttributeSettings.Calibration.OTHER_VIDEOS));
        assertTrue(size.bank().objects() > size.bank().size(), "compressed with weights");
        Path f = dir.resolve("m.aed");
        ModelFile.save(trained(List.of(new ArrowOfTime())).withAttributes(List.of(size), FusionWeights.none()), f);
        assertArrayEquals(size.bank().weights(), ModelFile.load(f).attributes().get(0).bank().weights());
        var old = ModelFile.load(asVersion(f, 4)).attributes().get(0).bank();
        assertArrayEquals(size.bank().vectors(), old.vectors());
        assertEquals(size.bank().k(), old.k());
        for (float w : old.weights()) {
            assertEquals(1f, w);
        }
    }

    @Test
    void filesBeforeLightCompensationRebuildTheirMotionDetectorsWithoutIt() throws IOException {
        TrainedModel withMotion = trained(List.of(new ArrowOfTime()), new DetectorProvenance("motion boxes",
                Optional.of(new DetectorRecipe("coco:nanodet+motion,hold=0", PrimedState.NONE))));
        Path f = dir.resolve("m.aed");
        ModelFile.save(withMotion, f);
        assertEquals("coco:nanodet+motion,hold=0", ModelFile.load(f).detector().recipe().orElseThrow().spec());
        assertEquals("coco:nanodet+motion,hold=0,light=off",
                ModelFile.load(asVersion(f, 3)).detector().recipe().orElseThrow().spec());
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path f = dir.resolve("m.aed");
        ModelFile.save(trained(List.of(new ArrowOfTime())), f);
        byte[] all = Files.readAllBytes(f);
        for (int keep : new int[] {all.length / 2, all.length - 30, 10}) {
            Path cut = dir.resolve("cut" + keep + ".aed");
            Files.write(cut, java.util.Arrays.copyOf(all, keep));
            var e = assertThrows(InvalidInputException.class, () -> ModelFile.load(cut));
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
        }
        assertThrows(InvalidInputException.class, () -> ModelFile.load(dir.resolve("missing.aed")));
    }
}
