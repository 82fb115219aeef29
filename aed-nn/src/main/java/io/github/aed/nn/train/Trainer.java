package io.github.aed.nn.train;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.StreamingCubeExtractor;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.progress.ProgressListener;
import io.github.aed.core.progress.ProgressMeter;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.DetectedFrames;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.model.DetectorProvenance;
import io.github.aed.nn.model.FusionWeights;
import io.github.aed.nn.model.ModelFile;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.model.TrainingSummary;
import io.github.aed.nn.model.ValidationScores;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.BatchScores;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.KnowledgeDistillation;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TrainingObject;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.teacher.TeacherTargets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a multi-task network on normal videos, streaming: detector → object cubes → task samples → mini-batches.
 *
 * <ol>
 * <li><b>Index:</b> the detector (and the distillation teacher, while each frame is at hand) runs once over every
 * video; only detections and teacher outputs are kept. Per video, the objects with a full cube are numbered in frame
 * order; the last {@code validationFraction} are validation objects, and up to {@code maxSamplesPerVideo} of the rest,
 * evenly spread, are training objects.</li>
 * <li><b>Epochs:</b> a producer thread decodes the videos again (in an order shuffled per epoch), cuts the training
 * objects' cubes, asks every task for its sample (random source seeded by run seed, epoch, video and object), passes
 * them through a shuffle buffer and assembles mini-batches; the training thread runs Adam steps on them meanwhile, at
 * the rate of {@link TrainingSettings#learningRateSchedule()} (by default falling linearly to zero over the run).
 * Memory is bounded by the frame window, the shuffle buffer and {@code prefetchBatches} batches.</li>
 * <li><b>Validation</b> after each epoch: every task's loss on the validation samples (fixed draws), in inference
 * mode. The epoch with the lowest weighted validation loss is the best; it is checkpointed (if a file is set) and its
 * parameters end up in the result. With a validation fraction of 0 the epoch's mean training loss decides.</li>
 * <li><b>Validation scores:</b> with the best parameters, every task's raw test-time score on the validation objects
 * (test cubes, k = the tasks' test radius), stored in the model for score normalisation.</li>
 * <li><b>Attributes</b> (when set): each attribute's density bank of the non-validation objects, calibrated on the
 * validation objects, whose scores join the tasks'.</li>
 * <li><b>Fusion weights:</b> every score (task and attribute) on the validation objects and on their
 * pseudo-anomalies (played faster, boxed larger) gives its weight ({@link FusionWeights}).</li>
 * </ol>
 *
 * <p>A fixed seed makes two runs identical on the same backend: one producer thread, seeded draws, and ND4J's random
 * generator (dropout) seeded at the start. Instances are single-use.
 */
public final class Trainer {

    /** Stands for "no video / no object" in seeds that depend only on the run and the epoch. */
    private static final int NONE = -1;

    private final NetworkSettings networkSettings;
    private final List<ProxyTask> tasks;
    private final ObjectDetector detector;
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final List<ProgressListener> progressListeners = new ArrayList<>();
    private final Teacher teacher;
    private AttributeSettings attributes = AttributeSettings.none();
    private int detectAhead = DetectedFrames.DEFAULT_AHEAD;

    /**
     * @param networkSettings the network to train
     * @param tasks           its tasks; the first {@link KnowledgeDistillation} task's teacher supplies teacher outputs
     * @param detector        finds the objects in the training videos
     * @param settings        how to train
     */
    public Trainer(NetworkSettings networkSettings, List<ProxyTask> tasks, ObjectDetector detector, TrainingSettings settings) {
        this.networkSettings = Objects.requireNonNull(networkSettings, "networkSettings");
        this.tasks = List.copyOf(tasks);
        this.detector = Objects.requireNonNull(detector, "detector");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.teacher = this.tasks.stream().filter(t -> t instanceof KnowledgeDistillation).map(t -> ((KnowledgeDistillation) t).teacher())
                .findFirst().orElse(null);
        CubeSettings c = settings.cubes();
        if (c.size() != networkSettings.cubeSize() || c.channels() != networkSettings.channels()) {
            throw new IllegalArgumentException("training cubes " + c + " do not match the network's " + networkSettings.channels()
                    + " channels of " + networkSettings.cubeSize() + " px");
        }
        int need = this.tasks.stream().mapToInt(ProxyTask::trainingRadius).max().orElse(0);
        if (c.temporalRadius() < need) {
            throw new IllegalArgumentException("the tasks need training cubes with k >= " + need + ", got k=" + c.temporalRadius());
        }
    }

    /**
     * Also builds these attributes' density banks (default none): from every training object that is not a validation
     * object, calibrated on the validation objects, whose share must then be positive.
     */
    public Trainer attributes(AttributeSettings attributeSettings) {
        this.attributes = Objects.requireNonNull(attributeSettings, "attributes");
        return this;
    }

    /**
     * Frames read and detected ahead of indexing, on a thread of their own (default {@link DetectedFrames#DEFAULT_AHEAD};
     * 0 detects on the training thread). The objects found are the same for every value.
     *
     * @throws IllegalArgumentException if negative
     */
    public Trainer detectAhead(int frames) {
        this.detectAhead = DetectedFrames.checkedAhead(frames);
        return this;
    }

    /** Adds a listener of the run's events (start, epoch ends). */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Adds a progress listener: samples done of the whole run, rate, ETA, with the epoch and its running losses. */
    public Trainer addProgressListener(ProgressListener listener) {
        progressListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Trains on these normal videos.
     *
     * @throws InvalidInputException if the videos yield no training object
     */
    public TrainingResult train(List<Video> videos) {
        Nd4j.getRandom().setSeed(settings.seed());
        MultiTaskNetwork network = MultiTaskNetwork.create(networkSettings, tasks);
        List<VideoIndex> index = new ArrayList<>();
        ProgressMeter indexing = new ProgressMeter("finding the objects of the training videos", "videos", videos.size(),
                ProgressMeter.REPORT_INTERVAL, progressListeners);
        for (int v = 0; v < videos.size(); v++) {
            VideoIndex vi = VideoIndex.build(videos.get(v), v, detector, teacher, attributes.attributes(), detectAhead);
            vi.split(settings.cubes(), settings.validationFraction(), settings.maxSamplesPerVideo());
            index.add(vi);
            indexing.advance(1);
        }
        indexing.finish();
        int trainObjects = index.stream().mapToInt(v -> v.trainingObjects).sum();
        DetectorProvenance provenance = DetectorProvenance.of(detector);
        int valObjects = index.stream().mapToInt(v -> v.validationObjects).sum();
        if (trainObjects < 2) {
            throw new InvalidInputException(videos.size() + " training videos gave " + trainObjects + " training objects "
                    + "(detector " + detector.describe() + ", " + settings.cubes() + "); at least 2 are needed");
        }
        Box frameSize = frameSize(index);
        listeners.forEach(l -> l.onStart(trainObjects, valObjects, settings));
        SampleMaker maker = new SampleMaker(network);
        SampleBatcher batcher = new SampleBatcher(network);
        int rest = trainObjects % settings.batchSize();
        int lastBatch = rest >= 2 ? rest : 0;
        long perEpoch = (long) (trainObjects - rest) + lastBatch;
        int plannedBatches = (trainObjects / settings.batchSize() + (lastBatch > 0 ? 1 : 0)) * settings.epochs();
        if (settings.learningRateSchedule() == LearningRateSchedule.LINEAR_DECAY) {
            network.decayLearningRateOver(plannedBatches);
        }
        ProgressMeter meter = new ProgressMeter("training", "samples", perEpoch * settings.epochs(), ProgressMeter.REPORT_INTERVAL,
                progressListeners);
        List<EpochSummary> summaries = new ArrayList<>();
        Map<String, INDArray> best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double[] lossSums = new double[tasks.size()];
            int batches = 0;
            EpochProducer producer = new EpochProducer(index, maker, batcher, epoch);
            producer.start();
            while (true) {
                MultiDataSet batch = producer.next();
                if (batch == null) {
                    break;
                }
                double[] l = network.fit(batch);
                batches++;
                for (int t = 0; t < l.length; t++) {
                    lossSums[t] += l[t];
                }
                meter.detail("epoch " + epoch + "/" + settings.epochs() + ", loss " + EpochSummary.losses(named(lossSums, batches)));
                meter.advance(batch.getFeatures(0).size(0));
            }
            Map<String, Double> trainLoss = named(lossSums, Math.max(1, batches));
            Map<String, Double> valLoss = valObjects > 0 ? validate(network, index, maker, batcher) : trainLoss;
            double weighted = 0;
            for (ProxyTask t : tasks) {
                weighted += t.weight() * valLoss.get(t.name());
            }
            boolean isBest = weighted < bestLoss;
            EpochSummary s = new EpochSummary(epoch, trainLoss, valLoss, weighted, isBest, (System.nanoTime() - epochStart) / 1e9);
            summaries.add(s);
            if (isBest) {
                bestLoss = weighted;
                bestEpoch = epoch;
                best = network.parameters();
                int bestSoFar = epoch;
                settings.checkpoint().ifPresent(f -> ModelFile.save(model(network, provenance, frameSize, ValidationScores.none(),
                        summaries, bestSoFar), f));
            }
            listeners.forEach(x -> x.onEpochEnd(s));
        }
        meter.finish();
        if (network.trainingGraph().getIterationCount() != plannedBatches) {
            throw new IllegalStateException("training ran " + network.trainingGraph().getIterationCount() + " mini-batches, "
                    + "the learning rate schedule was planned for " + plannedBatches);
        }
        MultiTaskNetwork bestNetwork = MultiTaskNetwork.withParameters(networkSettings, tasks, best);
        if (valObjects == 0) {
            if (!attributes.isEmpty()) {
                throw new InvalidInputException("the attributes " + attributes + " are calibrated on validation objects, but the "
                        + "training videos gave none (validationFraction " + settings.validationFraction() + ")");
            }
            return new TrainingResult(model(bestNetwork, provenance, frameSize, ValidationScores.none(), summaries, bestEpoch),
                    summaries, bestEpoch);
        }
        AttributeFitting fitted = attributes.isEmpty() ? AttributeFitting.none() : AttributeFitting.fit(index, attributes, progressListeners);
        Map<String, double[]> validation = new LinkedHashMap<>(validationScores(bestNetwork, index).byTask());
        validation.putAll(fitted.validation());
        Map<String, double[]> pseudo = new PseudoAnomalies(bestNetwork, testCubes(bestNetwork), teacher, fitted)
                .score(index, progressListeners);
        FusionWeights weights = FusionWeights.fromSeparation(validation, pseudo);
        listeners.forEach(l -> l.onFusionWeights(weights));
        TrainedModel model = model(bestNetwork, provenance, frameSize, new ValidationScores(validation), summaries, bestEpoch)
                .withAttributes(fitted.densities(), weights);
        return new TrainingResult(model, summaries, bestEpoch);
    }

    private CubeSettings testCubes(MultiTaskNetwork network) {
        return settings.cubes().toBuilder().temporalRadius(network.testRadius()).build();
    }

    private TrainedModel model(MultiTaskNetwork network, DetectorProvenance provenance, Box frameSize, ValidationScores stats,
                               List<EpochSummary> epochs, int bestEpoch) {
        String shaping = settings.describeModelShaping() + (attributes.isEmpty() ? "" : ", attributes " + attributes);
        TrainingSummary summary = new TrainingSummary(shaping, bestEpoch,
                epochs.stream().map(EpochSummary::toString).toList(), frameSize.width(), frameSize.height());
        return new TrainedModel(network, settings.cubes(), testCubes(network), provenance, teacher == null ? "none" : teacher.describe(),
                stats, summary);
    }

    /** The one frame size of the indexed videos, as a box at the origin. */
    private static Box frameSize(List<VideoIndex> index) {
        VideoIndex first = null;
        for (VideoIndex v : index) {
            if (v.frames == 0) {
                continue;
            }
            if (first == null) {
                first = v;
            } else if (v.width != first.width || v.height != first.height) {
                throw new InvalidInputException(v.video.name() + " has " + v.width + "x" + v.height + " frames, but "
                        + first.video.name() + " has " + first.width + "x" + first.height + "; training videos need one frame size");
            }
        }
        return new Box(0, 0, first.width, first.height);
    }

    private Map<String, Double> named(double[] sums, int n) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            m.put(tasks.get(t).name(), n == 0 ? 0.0 : sums[t] / n);
        }
        return m;
    }

    /** Mean unweighted loss per task over the validation samples it applies to, in inference mode. */
    private Map<String, Double> validate(MultiTaskNetwork network, List<VideoIndex> index, SampleMaker maker, SampleBatcher batcher) {
        double[] sums = new double[tasks.size()];
        long[] counts = new long[tasks.size()];
        List<PreparedSample> pending = new ArrayList<>();
        Consumer<List<PreparedSample>> evaluate = samples -> {
            MultiDataSet b = batcher.batch(samples);
            INDArray[] out = network.trainingGraph().output(false, b.getFeatures());
            for (int t = 0; t < tasks.size(); t++) {
                int n = samples.size();
                INDArray o = out[t].reshape('c', n, out[t].length() / n);
                for (int i = 0; i < n; i++) {
                    if (samples.get(i).applies()[t]) {
                        sums[t] += tasks.get(t).loss().evaluate(o.getRow(i).toFloatVector(), samples.get(i).targets()[t], 0);
                        counts[t]++;
                    }
                }
            }
        };
        for (VideoIndex v : index) {
            forEachObject(v, 1, settings.cubes(), (obj, id) -> {
                pending.add(maker.prepare(obj, mix(settings.seed(), 0, v.number, id)));
                if (pending.size() == settings.batchSize()) {
                    evaluate.accept(List.copyOf(pending));
                    pending.clear();
                }
            }, null);
        }
        if (!pending.isEmpty()) {
            evaluate.accept(List.copyOf(pending));
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            m.put(tasks.get(t).name(), counts[t] == 0 ? 0.0 : sums[t] / counts[t]);
        }
        return m;
    }

    /** Every task's raw test-time score on every validation object. */
    private ValidationScores validationScores(MultiTaskNetwork network, List<VideoIndex> index) {
        CubeSettings test = testCubes(network);
        List<List<Double>> scores = new ArrayList<>();
        tasks.forEach(t -> scores.add(new ArrayList<>()));
        for (VideoIndex v : index) {
            forEachObject(v, 1, test, null, (batch, targets) -> {
                BatchScores s = network.score(batch, teacher == null ? null : targets);
                for (int t = 0; t < tasks.size(); t++) {
                    for (int i = 0; i < s.size(); i++) {
                        scores.get(t).add(s.score(t, i));
                    }
                }
            });
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            out.put(tasks.get(t).name(), scores.get(t).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new ValidationScores(out);
    }

    /** Receives one object's training cube and its number within the video. */
    private interface ObjectSink {
        void accept(TrainingObject object, int id);
    }

    /** Receives a batch of cubes and their teacher test targets. */
    private interface BatchSink {
        void accept(CubeBatch batch, List<TeacherTargets> targets);
    }

    /**
     * Decodes a video and cuts the cubes of the objects with this role, handing each to {@code objects} (as a training
     * object) or each batch to {@code batches}.
     */
    private void forEachObject(VideoIndex v, int role, CubeSettings cubes, ObjectSink objects, BatchSink batches) {
        Deque<int[]> pushed = new ArrayDeque<>();
        int len = cubes.cubeLength();
        Consumer<CubeBatch> handle = b -> {
            List<TeacherTargets> targets = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) {
                int[] at = pushed.removeFirst();
                Detection expected = v.detections.get(at[0]).get(at[1]);
                if (!expected.equals(b.detections().get(i))) {
                    throw new IllegalStateException(v.video + ": cube order does not match the detections pushed");
                }
                if (objects != null) {
                    float[] cube = Arrays.copyOfRange(b.array(), i * len, (i + 1) * len);
                    objects.accept(new TrainingObject(cube, cubes.channels(), cubes.temporalRadius(), cubes.size(), expected,
                            v.teacherOutputs.get(at[0])[at[1]]), at[2]);
                }
                targets.add(v.teacherTargets.get(at[0])[at[1]]);
            }
            if (batches != null && !b.isEmpty()) {
                batches.accept(b, targets);
            }
        };
        int id = 0;
        try (StreamingCubeExtractor ex = new StreamingCubeExtractor(cubes); FrameSource src = v.video.open()) {
            int f = 0;
            while (src.hasNext()) {
                Frame frame = src.next();
                if (f >= v.frames) {
                    throw new InvalidInputException(v.video + " has more frames than when it was indexed (" + v.frames + ")");
                }
                List<Detection> chosen = new ArrayList<>();
                int[] r = v.role.get(f);
                for (int i = 0; i < r.length; i++) {
                    if (r[i] == role) {
                        chosen.add(v.detections.get(f).get(i));
                        pushed.addLast(new int[] {f, i, id});
                    }
                    if (r[i] >= 0) {
                        id++;
                    }
                }
                handle.accept(ex.push(frame, chosen));
                f++;
            }
            handle.accept(ex.finish());
        }
        if (!pushed.isEmpty()) {
            throw new IllegalStateException(v.video + ": " + pushed.size() + " objects made no cube");
        }
    }

    static long mix(long seed, long epoch, long video, long object) {
        long h = seed;
        for (long x : new long[] {epoch, video, object}) {
            h = (h ^ x) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
        }
        return h;
    }

    /** Prepares one epoch's mini-batches on its own thread, through a shuffle buffer. */
    private final class EpochProducer {

        private final List<VideoIndex> index;
        private final SampleMaker maker;
        private final SampleBatcher batcher;
        private final int epoch;
        private final BlockingQueue<Object> queue;
        private final Object end = new Object();
        private Thread thread;

        EpochProducer(List<VideoIndex> index, SampleMaker maker, SampleBatcher batcher, int epoch) {
            this.index = index;
            this.maker = maker;
            this.batcher = batcher;
            this.epoch = epoch;
            this.queue = new ArrayBlockingQueue<>(settings.prefetchBatches() + 1);
        }

        void start() {
            thread = new Thread(this::run, "aed-training-samples-epoch-" + epoch);
            thread.setDaemon(true);
            thread.start();
        }

        /** The next mini-batch, or null at the end of the epoch. */
        MultiDataSet next() {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for training samples", e);
            }
            if (o == end) {
                return null;
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            return (MultiDataSet) o;
        }

        private void run() {
            try {
                SplittableRandom shuffle = new SplittableRandom(mix(settings.seed(), epoch, NONE, NONE));
                List<VideoIndex> order = new ArrayList<>(index);
                Collections.shuffle(order, new java.util.Random(shuffle.nextLong()));
                List<PreparedSample> buffer = new ArrayList<>();
                List<PreparedSample> batch = new ArrayList<>();
                for (VideoIndex v : order) {
                    forEachObject(v, 0, settings.cubes(), (obj, id) -> {
                        buffer.add(maker.prepare(obj, mix(settings.seed(), epoch, v.number, id)));
                        if (buffer.size() >= settings.shuffleBuffer()) {
                            emit(take(buffer, shuffle), batch);
                        }
                    }, null);
                }
                while (!buffer.isEmpty()) {
                    emit(take(buffer, shuffle), batch);
                }
                if (batch.size() >= 2) {
                    put(batcher.batch(batch));
                }
                put(end);
            } catch (java.util.concurrent.CancellationException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                queue.clear();
                queue.offer(e);
            }
        }

        private PreparedSample take(List<PreparedSample> buffer, SplittableRandom r) {
            int i = r.nextInt(buffer.size());
            PreparedSample s = buffer.get(i);
            buffer.set(i, buffer.get(buffer.size() - 1));
            buffer.remove(buffer.size() - 1);
            return s;
        }

        private void emit(PreparedSample s, List<PreparedSample> batch) {
            batch.add(s);
            if (batch.size() == settings.batchSize()) {
                put(batcher.batch(batch));
                batch.clear();
            }
        }

        private void put(Object o) {
            try {
                queue.put(o);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("training sample preparation interrupted");
            }
        }
    }
}
