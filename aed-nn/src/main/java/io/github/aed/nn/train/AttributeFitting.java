package io.github.aed.nn.train;

import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeRecorder;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the attributes' density banks from the training videos' objects: every object that is not a validation object
 * goes into the bank, and the validation objects calibrate it; objects an attribute does not describe are in neither
 * and score 0 among the validation scores.
 *
 * @param densities  the trained attribute densities, in the settings' order
 * @param validation attribute name → calibrated score of every validation object, in the order of the task validation
 *                   scores (video, frame, detection)
 */
record AttributeFitting(List<AttributeDensity> densities, Map<String, double[]> validation) {

    static AttributeFitting none() {
        return new AttributeFitting(List.of(), Map.of());
    }

    static AttributeFitting fit(List<VideoIndex> index, AttributeSettings settings) {
        List<ObjectAttribute> attributes = settings.attributes();
        List<AttributeDensity> densities = new ArrayList<>();
        Map<String, double[]> validation = new LinkedHashMap<>();
        for (int a = 0; a < attributes.size(); a++) {
            List<float[]> bank = new ArrayList<>();
            List<float[]> validationObjects = new ArrayList<>();
            for (VideoIndex v : index) {
                AttributeRecorder r = v.attributes;
                for (int f = 0; f < v.frames; f++) {
                    int[] role = v.role.get(f);
                    for (int i = 0; i < role.length; i++) {
                        float[] features = r.features(f)[i][a];
                        if (role[i] == 1) {
                            validationObjects.add(features);
                        } else if (features != null) {
                            bank.add(features);
                        }
                    }
                }
            }
            List<float[]> heldOut = validationObjects.stream().filter(Objects::nonNull).toList();
            AttributeDensity d = AttributeDensity.fit(attributes.get(a), bank, heldOut, settings);
            densities.add(d);
            validation.put(d.name(), validationObjects.stream().mapToDouble(x -> x == null ? 0 : d.score(x)).toArray());
        }
        return new AttributeFitting(densities, validation);
    }
}
