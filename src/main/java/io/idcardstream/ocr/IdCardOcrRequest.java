package io.idcardstream.ocr;

import java.util.Objects;

/**
 * One IDCardOCR call: the image, the side to read ({@code null} = detect) and the switches.
 */
public record IdCardOcrRequest(ImageSource image, CardSide cardSide, OcrOptions options) {
    public IdCardOcrRequest {
        Objects.requireNonNull(image, "image");
        options = Objects.requireNonNullElse(options, OcrOptions.DEFAULTS);
    }
}
