package io.github.aed.nn.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Makes the encoder copies of a training graph behave as one shared encoder (see {@link GraphLayout}). DL4J calls it
 * after the gradients are computed and before the updater: for every encoder parameter it replaces each copy's
 * gradient with the sum over the copies, which is the gradient of one encoder applied to every input. For the
 * batch-norm moving statistics, whose DL4J "gradient" is the moving-average step, it takes the mean over the copies
 * instead, so the statistics move once per step towards the mean of the paths' batch statistics.
 */
final class TiedGradients extends BaseTrainingListener {

    private final List<List<String>> sums = new ArrayList<>();
    private final List<List<String>> means = new ArrayList<>();

    /** @param canonical layer name → canonical name; layers sharing a canonical encoder name are tied */
    TiedGradients(Map<String, String> canonical, Map<String, INDArray> paramTable) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String key : paramTable.keySet()) {
            int us = key.lastIndexOf('_');
            String layer = key.substring(0, us);
            String c = canonical.get(layer);
            if (c != null && c.startsWith(GraphLayout.ENCODER)) {
                groups.computeIfAbsent(c + "_" + key.substring(us + 1), k -> new ArrayList<>()).add(key);
            }
        }
        for (Map.Entry<String, List<String>> e : groups.entrySet()) {
            if (e.getValue().size() > 1) {
                boolean stat = e.getKey().endsWith("_mean") || e.getKey().endsWith("_var");
                (stat ? means : sums).add(List.copyOf(e.getValue()));
            }
        }
    }

    /** Whether there is anything to tie (more than one encoder copy). */
    boolean isNeeded() {
        return !sums.isEmpty();
    }

    @Override
    public void onGradientCalculation(Model model) {
        Map<String, INDArray> g = model.gradient().gradientForVariable();
        tie(g, sums, false);
        tie(g, means, true);
    }

    static void tie(Map<String, INDArray> g, List<List<String>> groups, boolean mean) {
        for (List<String> keys : groups) {
            INDArray total = g.get(keys.get(0)).dup();
            for (int i = 1; i < keys.size(); i++) {
                total.addi(g.get(keys.get(i)));
            }
            if (mean) {
                total.divi(keys.size());
            }
            for (String k : keys) {
                g.get(k).assign(total);
            }
        }
    }

}
