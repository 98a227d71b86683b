package io.idcardstream.engine.det;

import io.idcardstream.engine.geom.RotatedRect;

/** One text region found by the detector: its rectangle (long side first) and the mean text probability inside. */
public record DetectedBox(RotatedRect rect, float score) {}
