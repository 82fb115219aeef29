package io.github.aed.nn.scoring;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steps 2–5 of scoring for objects that already have their combined score: block map, cubic mean filter, frame
 * maximum, temporal filter, region scores. Frames go in one at a time and come out once every frame they depend on
 * has arrived, so memory is bounded by the filters' reach rather than the video's length. The whole-video result is
 * the same as the streamed one. Not thread-safe.
 */
final class FramePipeline {

    /** An object with its combined score, waiting for its frame to be finished. */
    record Combined(Detection detection, double score, Map<String, Double> raw) {
    }

    private final ScoringSettings settings;
    private final BlockMap geometry;
    private final int half;
    private final TemporalFilter filter;

    private final Deque<float[]> rawMaps = new ArrayDeque<>();
    private int rawMapsStart;
    private final Deque<List<Combined>> objects = new ArrayDeque<>();
    private final Deque<ScoredFrame> smoothedFrames = new ArrayDeque<>();
    private final Deque<Double> frameMaxima = new ArrayDeque<>();
    private int frameMaximaStart;
    private int framesIn;
    private int nextSmoothed;
    private int nextOut;
    private boolean ended;

    FramePipeline(ScoringSettings settings, int width, int height) {
        this.settings = settings;
        this.geometry = new BlockMap(width, height, settings.blockSize());
        this.half = settings.meanFilterSize() / 2;
        this.filter = settings.temporalFilter();
    }

    /** Frames between a frame's arrival and its result. */
    int delay() {
        return half + filter.lookAhead();
    }

    List<ScoredFrame> push(List<Combined> frameObjects) {
        if (ended) {
            throw new IllegalStateException("the video was already finished");
        }
        float[] map = geometry.newFrame();
        for (Combined c : frameObjects) {
            geometry.splat(map, c.detection().box(), c.score());
        }
        rawMaps.addLast(map);
        objects.addLast(List.copyOf(frameObjects));
        framesIn++;
        return drain();
    }

    List<ScoredFrame> finish() {
        ended = true;
        return drain();
    }

    private List<ScoredFrame> drain() {
        while (nextSmoothed < framesIn && (ended || nextSmoothed + half < framesIn)) {
            smoothFrame(nextSmoothed++);
        }
        List<ScoredFrame> out = new ArrayList<>();
        int known = frameMaximaStart + frameMaxima.size();
        while (nextOut < known && (ended && known == framesIn || nextOut + filter.lookAhead() < known)) {
            out.add(finalFrame(nextOut++));
        }
        return out;
    }

    /** Mean over time of the raw maps around frame t (reflect at the video's ends), then over space; its maximum. */
    private void smoothFrame(int t) {
        float[] mean;
        if (half == 0) {
            mean = rawMap(t);
        } else {
            int n = ended ? framesIn : Integer.MAX_VALUE / 4;
            mean = geometry.newFrame();
            for (int k = -half; k <= half; k++) {
                float[] m = rawMap(BlockMap.reflect(t + k, n));
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += m[i];
                }
            }
            int size = 2 * half + 1;
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= size;
            }
        }
        float[] smoothed = geometry.spatialMean(mean, settings.meanFilterSize());
        List<Combined> frameObjects = objects.removeFirst();
        double[] regions = regionScores(smoothed, frameObjects);
        List<ScoredObject> scored = new ArrayList<>(frameObjects.size());
        for (int i = 0; i < frameObjects.size(); i++) {
            Combined c = frameObjects.get(i);
            scored.add(new ScoredObject(c.detection(), c.score(), regions[i], c.raw()));
        }
        smoothedFrames.addLast(new ScoredFrame(t, Double.NaN, scored, settings.keepMaps() ? Optional.of(smoothed) : Optional.empty()));
        frameMaxima.addLast(BlockMap.max(smoothed));
        while (rawMapsStart < t + 1 - half && !rawMaps.isEmpty()) {
            rawMaps.removeFirst();
            rawMapsStart++;
        }
    }

    private float[] rawMap(int index) {
        int offset = index - rawMapsStart;
        int i = 0;
        for (float[] m : rawMaps) {
            if (i++ == offset) {
                return m;
            }
        }
        throw new IllegalStateException("block map of frame " + index + " is no longer held");
    }

    private double[] regionScores(float[] smoothed, List<Combined> frameObjects) {
        if (frameObjects.isEmpty()) {
            return new double[0];
        }
        if (settings.regionScoreMode() == RegionScoreMode.OBJECT_SCORE) {
            return frameObjects.stream().mapToDouble(Combined::score).toArray();
        }
        List<Box> boxes = frameObjects.stream().map(c -> c.detection().box()).toList();
        return geometry.maxInBoxes(smoothed, boxes);
    }

    /** The temporal filter over the frame maxima around frame i. */
    private ScoredFrame finalFrame(int i) {
        int from = Math.max(frameMaximaStart, i - filter.lookBehind());
        int known = frameMaximaStart + frameMaxima.size();
        int to = Math.min(known - 1, i + filter.lookAhead());
        double[] window = new double[to - from + 1];
        int k = 0;
        int index = frameMaximaStart;
        for (double v : frameMaxima) {
            if (index >= from && index <= to) {
                window[k++] = v;
            }
            index++;
        }
        double score = filter.apply(window)[i - from];
        ScoredFrame pending = smoothedFrames.removeFirst();
        while (frameMaximaStart < i + 1 - filter.lookBehind() && !frameMaxima.isEmpty()) {
            frameMaxima.removeFirst();
            frameMaximaStart++;
        }
        return new ScoredFrame(i, score, pending.objects(), pending.map());
    }
}
