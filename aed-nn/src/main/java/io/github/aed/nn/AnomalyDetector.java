package io.github.aed.nn;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import io.github.aed.core.progress.ProgressListener;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.DetectedFrames;
import io.github.aed.detect.DetectorLease;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.spec.DetectorRecipe;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.nn.attribute.AttributeCubeScorer;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectAttribute;
import io.github.aed.nn.model.ModelFile;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.model.TrainingSummary;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.CubeScorer;
import io.github.aed.nn.scoring.ScoreStatistics;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.scoring.ScoringPipeline;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.VideoScores;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TaskRegistry;
import io.github.aed.nn.teacher.DetectorClassScoresTeacher;
import io.github.aed.nn.teacher.DetectorConfidenceTeacher;
import io.github.aed.nn.teacher.Teacher;
import io.github.aed.nn.train.Trainer;
import io.github.aed.nn.train.TrainingListener;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's front door: finds abnormal events in video with SSMTL (object detection, object cubes, a multi-task
 * 3D CNN trained on normal video, frame and region scores).
 *
 * <pre>{@code
 * AnomalyDetector detector = AnomalyDetector.builder().build().fit(Video.clipsIn(Path.of("Train")));
 * VideoScores scores = detector.score(Video.at(Path.of("Test/Test001")));
 * detector.save(Path.of("model.aed"));
 * }</pre>
 *
 * <p>An instance is immutable: {@link #fit} returns a new, trained detector, and {@link #toBuilder()} makes variations.
 * Scoring before training is an error. A saved model comes back whole: {@link #load(Path)} rebuilds the object
 * detector it was trained with, primed state included, when that detector has a recipe ({@link DetectorRecipe});
 * otherwise scoring asks for the detector ({@link #load(Path, ObjectDetector)}) instead of silently using another.
 *
 * <p><b>Threads.</b> An instance may be shared between threads. What runs in parallel depends on where it came from:
 * <ul>
 * <li>A detector and its <em>siblings</em> ({@link #withScoring}, {@link #withProgress}, {@link #withDetector}, and
 *     theirs) share one network and one set of tasks and teachers, and all but {@link #withDetector}'s one object
 *     detector; they share one lock. {@link #fit}, {@link #score}, {@link #stream}, {@link #copyForThread} and
 *     {@link #close} take turns on it: any number of threads may use one family, which scores one video at a time,
 *     each exactly as if the calls had come one after another. A {@link #stream} sink runs on the streaming thread
 *     under the lock; scoring with the same object detector from inside it fails (below).</li>
 * <li>{@link #copyForThread()} makes an independent detector (its own network, tasks, teachers, object detector and
 *     lock) that scores at the same time as the original and gives the same scores.</li>
 * <li>An object detector handed in ({@link Builder#detector}, {@link #load(Path, ObjectDetector)},
 *     {@link #withDetector}) is used as it is, not copied. If two detectors that are not siblings get the same
 *     instance, a video started on it while the other is scoring or training fails at once with an
 *     {@link IllegalStateException} that names it ({@link io.github.aed.detect.DetectorLease}), instead of corrupting
 *     its per-video state. {@link #objectDetector()} hands out the family's instance: priming or running it while the
 *     family scores on another thread is the caller's race.</li>
 * </ul>
 * A video's scores do not depend on the thread that scores it or on what was scored before (the object detector is
 * reset before every video). Training twice with the same settings, seed and native thread count
 * ({@code OMP_NUM_THREADS}) on the same backend gives identical scores; another native thread count trains slightly
 * other weights (frame scores moved by up to 2 %), while a given model scored identically on 1 and 2 native threads
 * (docs/reliability.md).
 *
 * <p><b>Resources.</b> The instance owns its object detector's native resources: {@link #close()} releases them
 * (siblings from {@link #withScoring} and {@link #withProgress} share them, so close one of the family, last).
 */
public final class AnomalyDetector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyDetector.class);

    private final DetectorSettings settings;
    private final TrainedModel model;
    /** The network scoring uses, built from the model; null before training. */
    private final MultiTaskNetwork network;
    /** Serialises the use of the object detector and network, shared with the siblings that share them. */
    private final Object lock;

    private AnomalyDetector(DetectorSettings settings, TrainedModel model) {
        this(settings, model, model == null ? null : model.newNetwork(), new Object());
    }

    private AnomalyDetector(DetectorSettings settings, TrainedModel model, MultiTaskNetwork network, Object lock) {
        this.settings = settings;
        this.model = model;
        this.network = network;
        this.lock = lock;
    }

    /** A builder with the library's defaults (see {@link Builder}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this detector's settings (not its trained network). */
    public Builder toBuilder() {
        return new Builder(settings);
    }

    /**
     * Loads a trained detector from a model file written by {@link #save}, with the object detector it was trained
     * with: rebuilt from its recipe and primed state when it has one; otherwise {@link #score} fails and says to use
     * {@link #load(Path, ObjectDetector)}. Scoring settings are the defaults; change them with {@link #withScoring}.
     *
     * @throws InvalidInputException if the file is missing, damaged or of another format version
     */
    public static AnomalyDetector load(Path file) {
        return load(file, TaskRegistry.defaults());
    }

    /** {@link #load(Path)} for a model whose tasks include custom ones, registered in {@code tasks}. */
    public static AnomalyDetector load(Path file, TaskRegistry tasks) {
        TrainedModel m = ModelFile.load(file, tasks);
        ObjectDetector detector = m.detector().recipe().map(r -> {
            try {
                return r.rebuild();
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + ": cannot rebuild the detector the model was trained with ('" + r.spec()
                        + "'): " + e.getMessage() + "; load it with AnomalyDetector.load(file, detector)", e);
            }
        }).orElse(null);
        return loaded(m, detector);
    }

    /**
     * Loads a trained detector that scores with {@code objectDetector} instead of the one saved with the model (a
     * detector the model file cannot rebuild, or one primed on the test scene). A detector that describes itself
     * otherwise than the trained one is logged as a warning, since its boxes differ from those the network learned on.
     */
    public static AnomalyDetector load(Path file, ObjectDetector objectDetector) {
        return load(file, TaskRegistry.defaults(), objectDetector);
    }

    /** {@link #load(Path, ObjectDetector)} for a model with custom tasks, registered in {@code tasks}. */
    public static AnomalyDetector load(Path file, TaskRegistry tasks, ObjectDetector objectDetector) {
        Objects.requireNonNull(objectDetector, "objectDetector");
        TrainedModel m = ModelFile.load(file, tasks);
        warnIfOther(m, objectDetector);
        return loaded(m, objectDetector);
    }

    /** The model with its tasks and network, scoring with {@code detector} (null: none, scoring fails and says why). */
    private static AnomalyDetector loaded(TrainedModel m, ObjectDetector detector) {
        Builder b = builder().network(m.networkSettings()).tasks(m.tasks());
        return new AnomalyDetector(b.settings(detector), m);
    }

    private static void warnIfOther(TrainedModel m, ObjectDetector detector) {
        if (!detector.describe().equals(m.detector().description())) {
            LOG.warn("scoring with another object detector than the model was trained with:\n  trained: {}\n  scoring: {}",
                    m.detector().description(), detector.describe());
        }
    }

    /**
     * Trains on normal videos (no anomalies) and returns the trained detector. The object detector is first primed on
     * the same videos when {@link Builder#primeDetector} is on. Progress goes to the training listeners.
     *
     * @throws InvalidInputException if the videos give too few objects to train on
     */
    public AnomalyDetector fit(List<Video> normalVideos) {
        if (normalVideos.isEmpty()) {
            throw new IllegalArgumentException("fit needs at least one normal video");
        }
        synchronized (lock) {
            ObjectDetector detector = requireDetector();
            try (DetectorLease lease = DetectorLease.take(detector, "training")) {
                if (settings.primeDetector()) {
                    detector.prime(normalVideos);
                }
                Trainer trainer = new Trainer(settings.network(), settings.tasks(), detector, settings.training())
                        .attributes(settings.attributes()).detectAhead(settings.detectAhead());
                settings.trainingListeners().forEach(trainer::addListener);
                settings.progressListeners().forEach(trainer::addProgressListener);
                return new AnomalyDetector(settings, trainer.train(normalVideos).model());
            }
        }
    }

    /** Scores one whole video: a score per frame, and every object with its per-task scores. */
    public VideoScores score(Video video) {
        TrainedModel m = requireTrained();
        synchronized (lock) {
            try (AttributeCubeScorer scorer = scorer(m)) {
                return pipeline(m, scorer).score(video);
            }
        }
    }

    /** Scores frames held in memory (consecutive indices from 0, one size). */
    public VideoScores score(List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new InvalidInputException("cannot score an empty list of frames");
        }
        return score(Video.of(frames.get(0).source(), frames));
    }

    /**
     * Scores a live stream, handing each frame's result to {@code sink} as soon as it is final: k frames (the cube's
     * reach) plus the smoothing filters' look-ahead after the frame arrived. Needs non-transductive scoring settings.
     */
    public void stream(FrameSource source, Consumer<ScoredFrame> sink) {
        TrainedModel m = requireTrained();
        if (settings.scoring().isTransductive()) {
            throw new IllegalStateException("scoring setting " + settings.scoring().normalisation()
                    + " needs whole videos; use score(video), or TRAINING_QUANTILES normalisation for streams");
        }
        synchronized (lock) {
            try (AttributeCubeScorer scorer = scorer(m)) {
                pipeline(m, scorer).stream(source, sink);
            }
        }
    }

    /** Writes the trained network, its settings and its validation scores to one file. */
    public void save(Path file) {
        ModelFile.save(requireTrained(), file);
    }

    /**
     * This trained detector with another object detector (e.g. one primed on the test scene's normal video): a
     * sibling that shares the network, tasks, teachers and lock (so it takes turns with this one; for parallel
     * scoring use {@link #copyForThread(ObjectDetector)}). The caller keeps owning both object detectors.
     */
    public AnomalyDetector withDetector(ObjectDetector detector) {
        if (model != null) {
            warnIfOther(model, detector);
        }
        return new AnomalyDetector(toBuilder().detector(detector).settings(), model, network, lock);
    }

    /** This trained detector with other scoring settings, sharing its object detector, network and lock. */
    public AnomalyDetector withScoring(ScoringSettings scoring) {
        return new AnomalyDetector(toBuilder().scoring(scoring).settings(settings.detector()), model, network, lock);
    }

    /**
     * This detector reporting progress to {@code listeners} instead of its own, sharing its object detector, network
     * and lock (e.g. a loaded model whose scoring a program shows as a progress bar).
     */
    public AnomalyDetector withProgress(List<ProgressListener> listeners) {
        Builder b = toBuilder();
        b.progressListeners.clear();
        listeners.forEach(b::addProgressListener);
        return new AnomalyDetector(b.settings(settings.detector()), model, network, lock);
    }

    /**
     * An independent copy for another thread: the same trained model with its own network, tasks and teachers (made
     * anew, as loading the model file would, by the task providers on the class path) and its own object detector,
     * rebuilt from this one's recipe with what its priming learned. The copy and this detector score a video
     * identically and may do so at the same time. The copy owns its native resources: close it when its thread is done.
     *
     * @throws IllegalStateException before training, or when the object detector has no recipe (a detector the spec
     *                               syntax cannot express): give the copy one with {@link #copyForThread(ObjectDetector)}
     */
    public AnomalyDetector copyForThread() {
        requireTrained();
        ObjectDetector own = requireDetector();
        ObjectDetector copy;
        synchronized (lock) {
            copy = DetectorRecipe.copyOf(own).orElseThrow(() -> new IllegalStateException("the object detector "
                    + own.describe() + " cannot be rebuilt from a spec; give each thread its own with copyForThread(detector)"));
        }
        return copyForThread(copy);
    }

    /**
     * {@link #copyForThread()} scoring with {@code detector}, which the copy owns from now on (it closes it) and which
     * no other thread may use.
     */
    public AnomalyDetector copyForThread(ObjectDetector detector) {
        TrainedModel copy = ModelFile.copy(requireTrained(), TaskRegistry.defaults());
        return new AnomalyDetector(toBuilder().detector(detector).tasks(copy.tasks()).settings(), copy);
    }

    /** Releases the object detector's native resources (shared with the {@link #withScoring} siblings). Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (settings.detector() != null) {
                settings.detector().close();
            }
        }
    }

    public boolean isTrained() {
        return model != null;
    }

    /** The trained model; empty before {@link #fit}. */
    public java.util.Optional<TrainedModel> model() {
        return java.util.Optional.ofNullable(model);
    }

    /**
     * The object detector scoring uses (primed on the training videos after {@link #fit}, when priming is on): the
     * instance itself, shared with the siblings; do not use it while one of them scores on another thread.
     *
     * @throws IllegalStateException for a loaded model whose detector could not be rebuilt (see {@link #load(Path)})
     */
    public ObjectDetector objectDetector() {
        return requireDetector();
    }

    /** The scoring settings (checked against the trained model's scores once trained). */
    public ScoringSettings scoringSettings() {
        return model == null ? settings.scoring() : scoringSettings(model);
    }

    /** Every setting that shapes the scores, one per line: print it with any result. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("detector: ").append(settings.detector() == null ? "none (the model's cannot be rebuilt; give one to load)"
                : settings.detector().describe()).append(model == null && settings.primeDetector() ? " (primed on the training videos)" : "")
                .append('\n');
        sb.append("network: ").append(settings.network()).append('\n');
        sb.append("tasks: ").append(settings.tasks().stream().map(t -> t.name() + " x" + t.weight()).toList()).append('\n');
        sb.append("attributes: ").append(model != null ? model.attributes().stream().map(AttributeDensity::describe).toList()
                : settings.attributes()).append('\n');
        sb.append("training: ").append(model != null ? model.training().settings() : settings.training()).append('\n');
        sb.append("scoring: ").append(scoringSettings().describe());
        if (model != null) {
            sb.append('\n').append("fusion weights chosen at training: ").append(model.fusionWeights().describe());
            sb.append('\n').append("model: trained on ").append(model.detector().description()).append(", teacher ")
                    .append(model.teacher()).append(", validation scores of ").append(model.validationScores().count())
                    .append(" objects, frame size ").append(model.training().frameSize());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "AnomalyDetector[" + (model == null ? "untrained" : "trained") + "]\n" + describe();
    }

    private TrainedModel requireTrained() {
        if (model == null) {
            throw new IllegalStateException("the detector is not trained: call fit(normalVideos) first, or AnomalyDetector.load(modelFile)");
        }
        return model;
    }

    private ObjectDetector requireDetector() {
        if (settings.detector() == null) {
            throw new IllegalStateException("the model was trained with the object detector '" + model.detector().description()
                    + "', which a model file cannot rebuild (it has no spec, or its spec does not reproduce it); load the model "
                    + "with AnomalyDetector.load(file, detector) or call withDetector(detector)");
        }
        return settings.detector();
    }

    /** The network's task scores followed by the model's attribute scores (none for a model without attributes). */
    private AttributeCubeScorer scorer(TrainedModel m) {
        return new AttributeCubeScorer(new NetworkCubeScorer(network, m.testCubes()), m.attributes());
    }

    private ScoringPipeline pipeline(TrainedModel m, CubeScorer scorer) {
        ScoringSettings scoring = scoringSettings(m).forTasks(m.taskNames());
        ScoreStatistics stats = scoring.normalisation().fromTraining() ? m.validationScores().statistics(scoring) : null;
        TrainingSummary t = m.training();
        return new ScoringPipeline(requireDetector(), scorer, scoring, stats, settings.progressListeners(), settings.scoringBatchSize(),
                new Box(0, 0, t.frameWidth(), t.frameHeight()), settings.detectAhead());
    }

    /**
     * The scoring settings, checked against the model's scores.
     *
     * @throws IllegalArgumentException if the settings weigh a score the model does not have
     */
    private ScoringSettings scoringSettings(TrainedModel m) {
        Set<String> unknown = new java.util.TreeSet<>(settings.scoring().weights().keySet());
        m.scoreNames().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("scoring: weights name " + unknown + ", which the model does not score; its scores: "
                    + m.scoreNames());
        }
        return settings.scoring();
    }

    /**
     * Settings of an {@link AnomalyDetector}. Every setting has a default, so {@code builder().build()} works:
     * <ul>
     * <li>detector: {@link DetectorSpec#DEFAULT}, the bundled COCO detector (NanoDet) supplemented by the motion detector's
     *     boxes that no COCO box covers, primed on the training videos;</li>
     * <li>network: {@link NetworkSettings#defaults()}, shallow+narrow backbone, 16×16 colour crops (0.05 GFLOP per
     *     object; 32×32 crops cost four times the arithmetic, 64×64 sixteen times, and the reference's deep+wide at
     *     64×64 about two hundred times; docs/RESULTS.md says what each buys);</li>
     * <li>tasks: arrow of time, motion irregularity, middle box (weight 1 each) and distillation (0.5) of the
     *     detector's class scores ({@link DetectorClassScoresTeacher}) for a detector with classes, else of its
     *     confidence ({@link DetectorConfidenceTeacher});</li>
     * <li>attributes: {@link AttributeSettings#forDetector} of the detector (velocity, direction, size at position and, for a
     *     detector with classes, class evidence, each scored by density; {@link AttributeSettings#none()} for the
     *     paper's tasks alone); every score weighs 1 in the object score, as the paper sums its tasks (the weights
     *     chosen at training from pseudo-anomalies, {@link io.github.aed.nn.model.FusionWeights}, are an opt-in
     *     scoring setting);</li>
     * <li>training: {@link TrainingSettings#defaults()}, 4 epochs on at most 1000 objects per training video;
     *     scoring: {@link ScoringSettings#defaults()}
     *     (non-transductive, usable on streams);</li>
     * <li>progress: logged through SLF4J.</li>
     * </ul>
     */
    public static final class Builder {
        private ObjectDetector detector;
        private boolean primeDetector = true;
        private NetworkSettings network = NetworkSettings.defaults();
        private List<ProxyTask> tasks;
        private Teacher teacher;
        private final List<ProxyTask> extraTasks = new ArrayList<>();
        private AttributeSettings attributes;
        private final List<ObjectAttribute> extraAttributes = new ArrayList<>();
        private TrainingSettings training = TrainingSettings.defaults();
        private ScoringSettings scoring = ScoringSettings.defaults();
        private final List<TrainingListener> trainingListeners = new ArrayList<>();
        private final List<ProgressListener> progressListeners = new ArrayList<>();
        private boolean defaultListeners = true;
        private int scoringBatchSize = 32;
        private int detectAhead = DetectedFrames.DEFAULT_AHEAD;

        private Builder() {
        }

        private Builder(DetectorSettings s) {
            this.detector = s.detector();
            this.primeDetector = s.primeDetector();
            this.network = s.network();
            this.tasks = s.tasks();
            this.attributes = s.attributes();
            this.training = s.training();
            this.scoring = s.scoring();
            this.trainingListeners.addAll(s.trainingListeners());
            this.progressListeners.addAll(s.progressListeners());
            this.defaultListeners = false;
            this.scoringBatchSize = s.scoringBatchSize();
            this.detectAhead = s.detectAhead();
        }

        /** The object detector (default: {@link DetectorSpec#DEFAULT}, NanoDet supplemented by the motion detector). */
        public Builder detector(ObjectDetector d) {
            this.detector = Objects.requireNonNull(d, "detector");
            return this;
        }

        /** Whether {@link AnomalyDetector#fit} primes the object detector on the training videos (default on). */
        public Builder primeDetector(boolean on) {
            this.primeDetector = on;
            return this;
        }

        /** The network's backbone and crop geometry. The training cubes follow its crop size and channels. */
        public Builder network(NetworkSettings n) {
            this.network = Objects.requireNonNull(n, "network");
            return this;
        }

        /** Replaces the proxy tasks (default: the four of the reference). */
        public Builder tasks(List<ProxyTask> t) {
            this.tasks = List.copyOf(t);
            return this;
        }

        /** Adds a task to the defaults (or to {@link #tasks}), e.g. a custom fifth task. */
        public Builder addTask(ProxyTask t) {
            extraTasks.add(Objects.requireNonNull(t, "task"));
            return this;
        }

        /**
         * The attributes objects are also scored by, and how their density banks are built (default
         * {@link AttributeSettings#forDetector} of the detector: velocity, direction, size at position and, for a detector with
         * classes, class evidence; {@link AttributeSettings#none()} for the proxy tasks alone, as in the paper). On by
         * default because with them UCSD Ped2's micro AUC and RBDC rose on every training seed and varied less across
         * seeds (docs/RESULTS.md).
         */
        public Builder attributes(AttributeSettings a) {
            this.attributes = Objects.requireNonNull(a, "attributes");
            return this;
        }

        /** Adds an attribute to the defaults (or to {@link #attributes}), e.g. a user's own {@link ObjectAttribute}. */
        public Builder addAttribute(ObjectAttribute a) {
            extraAttributes.add(Objects.requireNonNull(a, "attribute"));
            return this;
        }

        /**
         * The distillation teacher of the default tasks (default: the detector's class scores when it has classes,
         * else its confidence in one class slot).
         */
        public Builder teacher(Teacher t) {
            this.teacher = Objects.requireNonNull(t, "teacher");
            return this;
        }

        public Builder training(TrainingSettings t) {
            this.training = Objects.requireNonNull(t, "training");
            return this;
        }

        public Builder scoring(ScoringSettings s) {
            this.scoring = Objects.requireNonNull(s, "scoring");
            return this;
        }

        /** Adds a listener of training events, start and epoch summaries (default: they are logged). */
        public Builder addTrainingListener(TrainingListener l) {
            trainingListeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /**
         * Adds a progress listener of training and scoring: units done, rate, ETA (default: logged through SLF4J every
         * 10 s, {@link ProgressListener#logging()}).
         */
        public Builder addProgressListener(ProgressListener l) {
            progressListeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** Cubes scored together when scoring whole videos (default 32). */
        public Builder scoringBatchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("scoringBatchSize must be at least 1, got " + n);
            }
            this.scoringBatchSize = n;
            return this;
        }

        /**
         * Frames read and detected ahead of the rest, on a thread of their own, in training and scoring (default
         * {@link DetectedFrames#DEFAULT_AHEAD}): detection then overlaps with cutting and scoring cubes. 0 detects on
         * the calling thread. Scores and trained models are the same for every value.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder detectAhead(int frames) {
            this.detectAhead = DetectedFrames.checkedAhead(frames);
            return this;
        }

        /**
         * Validates the settings and makes an untrained detector.
         *
         * @throws IllegalArgumentException naming the setting when tasks repeat a name, the scoring settings name a task
         *                                  the detector does not have, or the training cubes do not fit the network
         */
        public AnomalyDetector build() {
            return new AnomalyDetector(settings(), null);
        }

        private DetectorSettings settings() {
            if (detector != null) {
                return settings(detector);
            }
            ObjectDetector d = DetectorSpec.parse(DetectorSpec.DEFAULT);
            try {
                return settings(d);
            } catch (RuntimeException e) {
                d.close();
                throw e;
            }
        }

        /** The settings with detector {@code d}; null only for a loaded model, whose tasks are given. */
        private DetectorSettings settings(ObjectDetector d) {
            List<ProxyTask> all = new ArrayList<>(tasks != null ? tasks : DetectorSettings.defaultTasks(d, teacher));
            all.addAll(extraTasks);
            AttributeSettings base = attributes != null ? attributes
                    : d != null ? AttributeSettings.forDetector(d) : AttributeSettings.none();
            List<ObjectAttribute> allAttributes = new ArrayList<>(base.attributes());
            allAttributes.addAll(extraAttributes);
            AttributeSettings attributeSettings = base.withAttributes(allAttributes);
            List<TrainingListener> tl = trainingListeners.isEmpty() && defaultListeners ? List.of(TrainingListener.logging()) : trainingListeners;
            List<ProgressListener> pl = progressListeners.isEmpty() && defaultListeners ? List.of(ProgressListener.logging()) : progressListeners;
            return new DetectorSettings(d, primeDetector, network, all, attributeSettings, training, scoring, tl, pl, scoringBatchSize,
                    detectAhead);
        }
    }
}
