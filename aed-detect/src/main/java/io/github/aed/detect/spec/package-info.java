/**
 * Detectors named by text, as the command line and configuration files spell them ({@code motion},
 * {@code coco:nanodet,conf=0.3}, {@code PRIMARY+SUPPLEMENT}, ...): the one place that knows every detector
 * subpackage, so that those depend only on the root package.
 */
package io.github.aed.detect.spec;
