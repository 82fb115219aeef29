/**
 * Trained models and their files: a {@link io.github.aed.nn.model.TrainedModel} (network, tasks, cube settings,
 * validation scores) saved and loaded by {@link io.github.aed.nn.model.ModelFile} as one zip, with parameters by
 * canonical layer name and tasks re-created through their providers.
 */
package io.github.aed.nn.model;
