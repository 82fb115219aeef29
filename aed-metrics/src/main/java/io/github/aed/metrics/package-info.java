/**
 * Evaluation against ground truth, independent of how scores were made: frame-level micro and macro AUC, region- and
 * track-based detection criteria (RBDC, TBDC), ROC curves, and readers for the datasets' label formats (UCSD Ped,
 * CUHK Avenue, ShanghaiTech). Frame indices are 0-based; boxes are half-open pixel boxes.
 */
package io.github.aed.metrics;
