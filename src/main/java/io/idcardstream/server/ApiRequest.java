package io.idcardstream.server;

import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.OcrOptions;

/**
 * A checked {@code IDCardOCR} call as it arrived: exactly one of {@code imageBase64} and {@code imageUrl} is
 * set (the image is decoded or downloaded only once the request is admitted).
 *
 * @param cardSide FRONT, BACK or {@code null} to detect
 */
record ApiRequest(CardSide cardSide, OcrOptions options, String imageBase64, String imageUrl) {

    /** Never prints the image or the URL (its query string may carry a signature). */
    @Override
    public String toString() {
        return "ApiRequest[cardSide=" + cardSide + ", image=" + (imageBase64 != null ? "base64" : "url") + "]";
    }
}
