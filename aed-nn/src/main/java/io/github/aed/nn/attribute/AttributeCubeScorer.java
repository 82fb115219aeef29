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

/**
 * A {@link CubeScorer} that adds each attribute's calibrated density score ({@link AttributeDensity}) to the scores
 * of another scorer (the network's proxy tasks), under the attribute's name. Owns the optical flow's native buffers:
 * close it. Not thread-safe.
 */
public final class AttributeCubeScorer implements CubeScorer, AutoCloseable {

    private final CubeScorer tasks;
    private final List<AttributeDensity> attributes;
    private final List<String> names;
    private final ObjectViews views = new ObjectViews();

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
    }

    @Override
    public CubeSettings cubeSettings() {
        return tasks.cubeSettings();
    }

    @Override
    public List<String> taskNames() {
        return names;
    }

    @Override
    public List<ObjectScores> score(CubeBatch batch, IntFunction<Frame> frameAt) {
        List<ObjectScores> taskScores = tasks.score(batch, frameAt);
        List<ObjectScores> out = new ArrayList<>(taskScores.size());
        for (ObjectScores o : taskScores) {
            Map<String, Double> all = new LinkedHashMap<>(o.byTask());
            all.putAll(scores(o.detection(), frameAt));
            out.add(new ObjectScores(o.detection(), all));
        }
        return out;
    }

    /** Every attribute's calibrated score of one object, by attribute name. */
    public Map<String, Double> scores(Detection detection, IntFunction<Frame> frameAt) {
        ObjectView view = views.view(detection, frameAt);
        Map<String, Double> out = new LinkedHashMap<>();
        for (AttributeDensity a : attributes) {
            out.put(a.name(), a.score(view));
        }
        return out;
    }

    @Override
    public void close() {
        views.close();
    }
}
