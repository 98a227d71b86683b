package io.idcardstream.ocr;

import java.util.Objects;

/**
 * Which recogniser answered: {@code provider} is {@code tencent} (the IDCardOCR API at {@code endpoint}) or
 * {@code local} (the embedded engine); versions name the SDK or engine and the models, when known.
 */
public record ProviderDescription(String provider, String endpoint, String engineVersion, String modelVersion) {
    public ProviderDescription {
        Objects.requireNonNull(provider, "provider");
    }
}
