/**
 * Frozen teachers for knowledge distillation: what each one outputs for an object (a fixed-length vector, e.g. a
 * detector's class confidences) and which slots it compares at test time ({@link
 * io.github.aed.nn.teacher.TeacherTargets}); a registry re-creates them by name from saved settings.
 */
package io.github.aed.nn.teacher;
