package io.github.aed.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.progress.Progress;
import io.github.aed.core.cube.ColourMode;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.nn.TestCubes;
import io.github.aed.nn.model.ModelFile;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.MiddleBox;
import io.github.aed.nn.task.MotionIrregularity;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectAttribute;
import io.github.aed.nn.attribute.ObjectView;
import io.github.aed.nn.attribute.SizeAtPosition;
import io.github.aed.nn.attribute.Velocity;
import io.github.aed.nn.model.FusionWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {

    @TempDir
    Path dir;

    /** Two fixed boxes in every frame, class 1 then 0. */
    static final class FixedBoxes implements ObjectDetector {
        @Override
        public List<Detection> detect(Frame frame) {
            return List.of(Detection.of(frame.index(), new Box(2, 4, 30, 36), 1, "car", 0.7),
                    Detection.of(frame.index(), new Box(20, 0, 48, 20), 0, "person", 0.9));
        }

        @Override
        public String describe() {
            return "two fixed test boxes";
        }
    }

    static List<Video> videos(int count, int frames) {
        List<Video> out = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            List<Frame> fs = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                fs.add(TestCubes.frame("clip" + v, i + 5 * v).withIndex("clip" + v, i));
            }
            out.add(Video.of("clip" + v, fs));
        }
        return out;
    }

    static final NetworkSettings NET = NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).channels(1).cubeSize(16).seed(9).build();

    static List<ProxyTask> tasks() {
        return List.of(new ArrowOfTime(), new MotionIrregularity(), new MiddleBox(), new KnowledgeDistillation(new DetectorConfidenceTeacher(2)));
    }

    static TrainingSettings.Builder settings() {
        return TrainingSettings.builder().epochs(2).batchSize(8).shuffleBuffer(16)
                .cubes(CubeSettings.builder().temporalRadius(9).size(16).colourMode(ColourMode.GREY).build());
    }

    @Test
    void attributesAreBankedCalibratedAndWeighedBesideTheTasks() {
        FusionWeights[] logged = new FusionWeights[1];
        TrainedModel m = new Trainer(NET, tasks(), new FixedBoxes(), settings().epochs(1).build())
                .attributes(AttributeSettings.defaults().withAttributes(List.of(new Velocity(), new SizeAtPosition())))
                .addListener(new TrainingListener() {
                    @Override
                    public void onFusionWeights(FusionWeights w) {
                        logged[0] = w;
                    }
                }).train(videos(2, 30)).model();
        assertEquals(List.of("velocity", "size"), m.attributes().stream().map(AttributeDensity::name).toList());
        assertTrue(m.training().settings().endsWith("calibrated against the other training videos"), m.training().settings());
        assertEquals(List.of("arrow-of-time", "motion-irregularity", "middle-box", "distillation", "velocity", "size"),
                List.copyOf(m.validationScores().byTask().keySet()), "validation scores of every task and attribute");
        assertEquals(8, m.validationScores().count(), "aligned: one score per validation object for each");
        assertEquals(m.fusionWeights(), logged[0]);
        assertEquals(m.validationScores().byTask().keySet(), m.fusionWeights().weights().keySet());
        // the fixed boxes never change: boxing them at twice their size is always unusual for their size, while playing
        // the video faster leaves the boxes as they were (ties): AUC (1 + 0.5) / 2 over the two equally many kinds
        assertEquals(0.75, m.fusionWeights().separation().get("size"), 1e-9);
        assertEquals(0.5, m.fusionWeights().weights().get("size"), 1e-9);
        m.fusionWeights().weights().values().forEach(w -> assertTrue(w >= 0 && w <= 1, m.fusionWeights().describe()));
    }

    /**
     * The number of the object's clip ("clip2" → 2) modulo a number (none by default), plus a thousandth per frame, not
     * standardised (distances in these units): objects of one clip are near twins, and so are clips equal modulo it.
     */
    static final class ClipNumber implements ObjectAttribute {
        private final int modulus;

        ClipNumber() {
            this(Integer.MAX_VALUE);
        }

        ClipNumber(int modulus) {
            this.modulus = modulus;
        }

        @Override
        public String name() {
            return "clip-number";
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public float[] features(ObjectView object) {
            return new float[] {Integer.parseInt(object.frame().source().substring(4)) % modulus + object.frame().index() * 1e-3f};
        }

        @Override
        public boolean standardised() {
            return false;
        }
    }

    private static TrainedModel trainedWithClipNumber(int videos, AttributeSettings.Calibration calibration) {
        return new Trainer(NET, tasks(), new FixedBoxes(), settings().epochs(1).build())
                .attributes(AttributeSettings.defaults().withAttributes(List.of(new ClipNumber())).withCalibration(calibration))
                .train(videos(videos, 30)).model();
    }

    @Test
    void validationObjectsAreMeasuredAgainstTheOtherVideosAsANewVideosObjectsWouldBe() {
        // clips 0, 1, 2: against their own clip's earlier objects the validation objects would lie a few thousandths
        // away and calibrate 1 far too low; against the other clips they lie about a whole clip away, as an object of a
        // fourth clip would
        TrainedModel three = trainedWithClipNumber(3, AttributeSettings.Calibration.OTHER_VIDEOS);
        AttributeDensity otherVideos = three.attributes().get(0);
        assertTrue(otherVideos.median() > 0.95 && otherVideos.median() < 1.05, otherVideos.describe());
        // their pseudo-anomalies (a larger box, the video played faster) keep the clip number and are measured the same
        // way: indistinguishable from the validation objects, not closer to the bank than they are
        assertEquals(0.5, three.fusionWeights().separation().get("clip-number"), 0.1, three.fusionWeights().describe());
        AttributeDensity wholeBank = trainedWithClipNumber(3, AttributeSettings.Calibration.WHOLE_BANK).attributes().get(0);
        assertTrue(wholeBank.median() < 0.01, wholeBank.describe());
        // one video has no other: its validation objects are measured against the whole bank, its own objects
        AttributeDensity one = trainedWithClipNumber(1, AttributeSettings.Calibration.OTHER_VIDEOS).attributes().get(0);
        assertTrue(one.median() < 0.01, one.describe());
    }

    private static TrainedModel trainedWithSize(SizeAtPosition size) {
        return new Trainer(NET, tasks(), new FixedBoxes(), settings().epochs(1).build())
                .attributes(AttributeSettings.defaults().withAttributes(List.of(size))).train(videos(2, 30)).model();
    }

    @Test
    void objectsAnAttributeDoesNotDescribeStayOutOfItsBankAndScoreZero() {
        // of the two fixed boxes, the person's touches the frame's top edge: size without edges leaves it out
        TrainedModel described = trainedWithSize(new SizeAtPosition());
        TrainedModel interiorOnly = trainedWithSize(new SizeAtPosition(false));
        assertEquals(described.attributes().get(0).bank().size(), 2 * interiorOnly.attributes().get(0).bank().size());
        double[] validation = interiorOnly.validationScores().byTask().get("size");
        assertEquals(described.validationScores().count(), validation.length, "every validation object keeps a score");
        for (int i = 1; i < validation.length; i += 2) {
            assertEquals(0, validation[i], "the person's box, not described, scores as the median normal object");
        }
    }

    @Test
    void trainsReportsProgressValidatesAndCheckpointsTheBestEpoch() {
        Path checkpoint = dir.resolve("best.aed");
        List<Progress> progress = new ArrayList<>();
        List<EpochSummary> epochs = new ArrayList<>();
        int[] counts = new int[2];
        TrainingResult r = new Trainer(NET, tasks(), new FixedBoxes(), settings().checkpoint(checkpoint).build())
                .addListener(new TrainingListener() {
                    @Override
                    public void onStart(int trainingObjects, int validationObjects, TrainingSettings s) {
                        counts[0] = trainingObjects;
                        counts[1] = validationObjects;
                    }

                    @Override
                    public void onEpochEnd(EpochSummary s) {
                        epochs.add(s);
                    }
                }).addListener(TrainingListener.logging()).addProgressListener(progress::add)
                .train(videos(2, 30));
        // 30 frames, k=9: frames 9..20 have cubes, 12 frames x 2 boxes = 24 objects per video; 85 % = 20 for training
        assertEquals(40, counts[0]);
        assertEquals(8, counts[1]);
        assertEquals(2, epochs.size());
        List<String> tasksReported = progress.stream().map(Progress::task).distinct().toList();
        assertEquals(List.of("finding the objects of the training videos", "training", "scoring the pseudo-anomalies"),
                tasksReported, "indexing, training and the pseudo-anomaly pass report in turn");
        Progress last = progress.stream().filter(p -> p.unit().equals("samples")).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.isFinished(), "the final report comes whatever the interval: " + last);
        assertEquals(80, last.total());
        assertTrue(last.rate() > 0);
        assertTrue(last.detail().startsWith("epoch 2/2, loss {arrow-of-time "), last.detail());
        for (EpochSummary e : epochs) {
            assertEquals(4, e.validationLosses().size());
            e.validationLosses().values().forEach(v -> assertTrue(Double.isFinite(v) && v >= 0, e.toString()));
        }
        assertTrue(epochs.stream().anyMatch(EpochSummary::best));
        TrainedModel m = r.model();
        assertEquals(4, m.validationScores().byTask().size(), "validation scores for every task");
        assertEquals(8, m.validationScores().count(), "one raw score per validation object");
        TrainedModel saved = ModelFile.load(checkpoint);
        assertEquals(NET, saved.networkSettings());
        assertEquals("two fixed test boxes", saved.detector().description());
        assertEquals(java.util.Optional.empty(), saved.detector().recipe(), "a test detector without a spec has no recipe");
    }

    @Test
    void theSameSeedTrainsTheSameNetwork() {
        TrainingSettings s = settings().epochs(1).seed(3).build();
        Map<String, INDArray> a = new Trainer(NET, tasks(), new FixedBoxes(), s).train(videos(1, 30)).model().parameters();
        Map<String, INDArray> b = new Trainer(NET, tasks(), new FixedBoxes(), s).train(videos(1, 30)).model().parameters();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertEquals(v, b.get(k), k));
        Map<String, INDArray> c = new Trainer(NET, tasks(), new FixedBoxes(), settings().epochs(1).seed(4).build())
                .train(videos(1, 30)).model().parameters();
        assertFalse(a.entrySet().stream().allMatch(e -> e.getValue().equals(c.get(e.getKey()))), "another seed, other weights");
        assertEquals(LearningRateSchedule.LINEAR_DECAY, s.learningRateSchedule());
        TrainingSettings constant = s.toBuilder().learningRateSchedule(LearningRateSchedule.CONSTANT).build();
        assertEquals(LearningRateSchedule.CONSTANT, constant.toBuilder().build().learningRateSchedule());
        Map<String, INDArray> d = new Trainer(NET, tasks(), new FixedBoxes(), constant).train(videos(1, 30)).model().parameters();
        assertFalse(a.entrySet().stream().allMatch(e -> e.getValue().equals(d.get(e.getKey()))),
                "a constant learning rate takes other steps than a decaying one");
        assertEquals(LearningRateSchedule.CONSTANT, TrainingSettings.reference().learningRateSchedule(), "the reference's Adam");
    }

    @Test
    void tooFewObjectsAndMismatchedCubesAreClearErrors() {
        var e = assertThrows(InvalidInputException.class, () -> new Trainer(NET, tasks(), new FixedBoxes(), settings().build())
                .train(videos(1, 12)));
        assertTrue(e.getMessage().contains("training objects"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Trainer(NET, tasks(), new FixedBoxes(),
                settings().cubes(CubeSettings.builder().temporalRadius(3).size(16).colourMode(ColourMode.GREY).build()).build()));

        List<Frame> wide = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            wide.add(new Frame("wide", i, 64, 40, 3, new byte[64 * 40 * 3]));
        }
        List<Video> mixed = new ArrayList<>(videos(1, 30));
        mixed.add(Video.of("wide", wide));
        var sizes = assertThrows(InvalidInputException.class, () -> new Trainer(NET, tasks(), new FixedBoxes(), settings().build())
                .train(mixed));
        assertTrue(sizes.getMessage().contains("wide") && sizes.getMessage().contains("64x40") && sizes.getMessage().contains("48x40"),
                sizes.getMessage());
    }
}
