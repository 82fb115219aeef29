package io.github.aed.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.core.video.FrameSource;
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thread-safety contract of {@link AnomalyDetector} (its class comment), with the library's default object
 * detector (NanoDet supplemented by the motion detector, both with per-video buffers): three threads scoring three
 * different videos at once, through the original and its siblings, through {@link AnomalyDetector#copyForThread()}
 * copies, and through the streaming path, give exactly the scores of scoring the videos one after another; two
 * independently made detectors that share one object detector refuse the second thread instead of corrupting it.
 */
class ConcurrentScoringTest {

    private static final int THREADS = 3;
    private static final SceneGenerator SCENE = SceneGenerator.builder().size(120, 80).frames(32).walkers(3).seed(11).build();

    private static AnomalyDetector trained;
    private static final List<Video> videos = new ArrayList<>();
    private static final List<double[]> sequential = new ArrayList<>();

    @BeforeAll
    static void trainThenScoreOneAfterAnother() {
        List<Video> normal = List.of(SCENE.generate("Train0", 0).asVideo(), SCENE.generate("Train1", 1).asVideo());
        trained = tiny(DetectorSpec.parse(DetectorSpec.DEFAULT), 7).fit(normal);
        SceneGenerator abnormal = SCENE.toBuilder().frames(16).anomaly(AnomalyKind.FAST_MOVER, 4, 8).build();
        for (int v = 0; v < THREADS; v++) {
            videos.add(abnormal.generate("Test" + v, 10 + v).asVideo());
            sequential.add(trained.score(videos.get(v)).frameScores());
        }
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    /** A network small enough for two cores on {@code objects}: 16x16 grey crops, one short epoch. */
    static AnomalyDetector tiny(ObjectDetector objects, long seed) {
        return AnomalyDetector.builder().detector(objects)
                .network(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).channels(1).cubeSize(16).build())
                .training(TrainingSettings.builder().epochs(1).batchSize(16).maxSamplesPerVideo(60).seed(seed)
                        .cubes(CubeSettings.builder().temporalRadius(9).build()).build())
                .build();
    }

    @Test
    void theOriginalAndItsSiblingsOnThreeThreadsScoreAsOneAfterAnother() throws Exception {
        List<AnomalyDetector> family = List.of(trained, trained.withScoring(trained.scoringSettings()),
                trained.withProgress(List.of()));
        List<double[]> together = inParallel(v -> family.get(v).score(videos.get(v)).frameScores());
        for (int v = 0; v < THREADS; v++) {
            assertArrayEquals(sequential.get(v), together.get(v), "video " + v);
        }
    }

    @Test
    void streamingBesideWholeVideoScoringOnTheSameFamilyKeepsBothExact() throws Exception {
        AnomalyDetector sibling = trained.withProgress(List.of());
        double[] streamedAlone = streamed(trained, videos.get(0));
        List<double[]> together = inParallel(v -> v == 0 ? streamed(sibling, videos.get(0))
                : (v == 1 ? sibling : trained).score(videos.get(v)).frameScores());
        assertArrayEquals(streamedAlone, together.get(0), "the stream");
        assertArrayEquals(sequential.get(1), together.get(1));
        assertArrayEquals(sequential.get(2), together.get(2));
    }

    @Test
    void copiesForThreadsScoreInParallelAsTheOriginalOneAfterAnother() throws Exception {
        List<AnomalyDetector> copies = new ArrayList<>();
        try {
            for (int v = 0; v < THREADS; v++) {
                copies.add(trained.copyForThread());
            }
            List<double[]> together = inParallel(v -> copies.get(v).score(videos.get(v)).frameScores());
            for (int v = 0; v < THREADS; v++) {
                assertArrayEquals(sequential.get(v), together.get(v), "copy " + v);
            }
        } finally {
            copies.forEach(AnomalyDetector::close);
        }
    }

    @Test
    void twoDetectorsSharingOneObjectDetectorRefuseTheSecondThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.aed");
        trained.save(file);
        try (AnomalyDetector first = AnomalyDetector.load(file)) {
            ObjectDetector shared = first.objectDetector();
            AnomalyDetector second = AnomalyDetector.load(file, shared);
            CountDownLatch streaming = new CountDownLatch(1);
            CountDownLatch refused = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> stream = pool.submit(() -> first.stream(pausingAt(5, videos.get(0), streaming, refused), f -> { }));
                assertTrue(streaming.await(60, TimeUnit.SECONDS), "the first detector started streaming");
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.score(videos.get(1)));
                refused.countDown();
                assertTrue(e.getMessage().contains(shared.describe()) && e.getMessage().contains("copyForThread"), e.getMessage());
                stream.get(60, TimeUnit.SECONDS);
            } finally {
                refused.countDown();
                pool.shutdownNow();
            }
            assertArrayEquals(sequential.get(1), second.score(videos.get(1)).frameScores(), "usable once the first is done");
        }
    }

    @Test
    void trainingTwiceWithTheSameSeedAndThreadCountGivesIdenticalScores() {
        List<Video> normal = List.of(SCENE.generate("Train0", 0).asVideo(), SCENE.generate("Train1", 1).asVideo());
        try (AnomalyDetector once = tiny(DetectorSpec.parse("motion"), 5).fit(normal);
             AnomalyDetector twice = tiny(DetectorSpec.parse("motion"), 5).fit(normal);
             AnomalyDetector otherSeed = tiny(DetectorSpec.parse("motion"), 6).fit(normal)) {
            double[] scores = once.score(videos.get(0)).frameScores();
            assertArrayEquals(scores, twice.score(videos.get(0)).frameScores(), "bit for bit");
            assertTrue(!java.util.Arrays.equals(scores, otherSeed.score(videos.get(0)).frameScores()),
                    "another seed trains another network: the comparison above can fail");
        }
    }

    /** Runs {@code task(0..THREADS-1)} on as many threads, released together, and returns their results in order. */
    private static List<double[]> inParallel(IndexedTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int v = 0; v < THREADS; v++) {
                int index = v;
                futures.add(pool.submit((Callable<double[]>) () -> {
                    start.await(60, TimeUnit.SECONDS);
                    return task.run(index);
                }));
            }
            List<double[]> out = new ArrayList<>();
            for (Future<double[]> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface IndexedTask {
        double[] run(int index) throws Exception;
    }

    private static double[] streamed(AnomalyDetector detector, Video video) {
        List<ScoredFrame> frames = new ArrayList<>();
        detector.stream(video.open(), frames::add);
        return frames.stream().mapToDouble(ScoredFrame::score).toArray();
    }

    /** The video's frames; before frame {@code at} it signals {@code reached} and waits for {@code resume}. */
    private static FrameSource pausingAt(int at, Video video, CountDownLatch reached, CountDownLatch resume) {
        Iterator<Frame> frames = new Iterator<>() {
            private final FrameSource source = video.open();

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Frame next() {
                Frame f = source.next();
                if (f.index() == at) {
                    reached.countDown();
                    try {
                        assertTrue(resume.await(60, TimeUnit.SECONDS), "the main thread tried the second detector");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return f;
            }
        };
        return FrameSource.of(video.name(), frames);
    }

    @Test
    void theSequentialScoresAreThoseOfDistinctVideos() {
        assertEquals(THREADS, sequential.size());
        assertTrue(!java.util.Arrays.equals(sequential.get(0), sequential.get(1)), "different videos, different scores: "
                + "otherwise the comparisons above could not tell the videos apart");
    }
}
