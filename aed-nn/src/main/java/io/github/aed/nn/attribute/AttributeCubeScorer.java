package io.github.aed.nn.attribute;

import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.video.Frame;
import io.github.aed.nn.scoring.CubeScorer;
import io.github.aed.nn.scoring.ObjectScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CubeScorer} that adds each attribute's calibrated density score ({@link AttributeDensity}) to the scores
 * of another scorer (the network's proxy tasks), under the attribute's name; without attributes it passes the tasks'
 * scores through (and computes no optical flow). Owns the optical flow's native buffers: close it. Not thread-safe.
 */
public final class AttributeCubeScorer implements CubeScorer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttributeCubeScorer.class);

    private final CubeScorer tasks;
    private final List<AttributeDensity> attributes;
    private final List<String> names;
    private final ObjectViews views;
    private long nanos;
    private long objects;

    /**
     * @param tasks      the scorer whose scores come first
     * @param attributes the attributes' trained densities; their names must differ from the tasks'
     */
    public AttributeCubeScorer(CubeScorer tasks, List<AttributeDensity> attributes) {
        this.tasks = tasks;
        this.attributes = List.copyOf(attributes);
        List<String> all = new ArrayList<>(tasks.taskNames());
        for (AttributeDensity a : this.attributes) {
            if (all.contains(a.name())) {
                throw new IllegalArgumentException("attribute '" + a.name() + "' has the name of a task or another attribute: "
                        + all);
            }
            all.add(a.name());
        }
        this.names = List.copyOf(all);
        this.views = new ObjectViews(ObjectViews.radiusOf(this.attributes.stream().map(AttributeDensity::attribute).toList()));
    }

    /**
     * The tasks' cube settings, their radius raised where the attributes' flow reaches further (an object's views need
     * the frames {@code t − r} to {@code t + r + 1}), so that those frames have been read when its cube is scored.
     */
    @Override
    public CubeSettings cubeSettings() {
        CubeSettings c = tasks.cubeSettings();
        int need = views.radius() + 1;
        return attributes.isEmpty() || c.temporalRadius() >= need ? c : c.toBuilder().temporalRadius(need).build();
    }

    @Override
    public List<String> taskNames() {
        return names;
    }

    @Override
    public List<ObjectScores> score(CubeBatch batch, IntFunction<Frame> frameAt) {
        List<ObjectScores> taskScores = tasks.score(batch, frameAt);
        if (attributes.isEmpty()) {
            return taskScores;
        }
        List<ObjectScores> out = new ArrayList<>(taskScores.size());
        for (ObjectScores o : taskScores) {
            Map<String, Double> all = new LinkedHashMap<>(o.byTask());
            all.putAll(scores(o.detection(), frameAt));
            out.add(new ObjectScores(o.detection(), all));
        }
        return out;
    }

    private Map<String, Double> scores(Detection detection, IntFunction<Frame> frameAt) {
        long start = System.nanoTime();
        ObjectView view = views.view(detection, frameAt);
        Map<String, Double> out = new LinkedHashMap<>();
        for (AttributeDensity a : attributes) {
            out.put(a.name(), a.score(view));
        }
        nanos += System.nanoTime() - start;
        objects++;
        return out;
    }

    /** Logs (at DEBUG) the time the attributes took, optical flow included, and releases the flow's buffers. */
    @Override
    public void close() {
        if (objects > 0) {
            LOG.debug("attribute scores of {} objects took {} s (optical flow included)", objects,
                    String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9));
        }
        views.close();
    }
}
