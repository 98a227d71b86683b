package io.idcardstream.engine;

import io.idcardstream.engine.image.RgbImage;
import io.idcardstream.engine.text.GlyphLine;
import java.util.List;

/**
 * The image as the caller sent it, for the warnings that look beyond the card: its bytes (a JPEG's compression
 * history), decoded and turned upright, and every line read on it, the card's and the rest (a screen's title).
 */
record SentImage(byte[] bytes, RgbImage decoded, List<GlyphLine> lines) {}
