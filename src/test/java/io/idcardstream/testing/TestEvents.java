package io.idcardstream.testing;

import io.idcardstream.events.CardSide;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.ImageUrl;
import io.idcardstream.events.InlineImage;
import io.idcardstream.events.OcrOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Request events for tests. */
public final class TestEvents {
    public static final Instant REQUESTED_AT = Instant.parse("2026-11-25T08:00:00Z");

    private TestEvents() {}

    public static IdCardOcrRequested inline(String requestId, String subjectId, byte[] image, CardSide side,
            OcrOptions options) {
        return IdCardOcrRequested.newBuilder()
                .setRequestId(requestId)
                .setSubjectId(subjectId)
                .setImage(new InlineImage(ByteBuffer.wrap(image), "image/jpeg"))
                .setCardSide(side)
                .setOptions(options)
                .setRequestedAt(REQUESTED_AT)
                .setReprocess(false)
                .setAttributes(Map.of("tenant", "t1"))
                .build();
    }

    /** An inline "image" whose bytes are the given text: scripted recognisers answer by it. */
    public static IdCardOcrRequested inline(String requestId, String subjectId, String image, CardSide side) {
        return inline(requestId, subjectId, image.getBytes(StandardCharsets.UTF_8), side, null);
    }

    public static IdCardOcrRequested url(String requestId, String subjectId, String url, CardSide side) {
        return IdCardOcrRequested.newBuilder()
                .setRequestId(requestId)
                .setSubjectId(subjectId)
                .setImage(new ImageUrl(url))
                .setCardSide(side)
                .setRequestedAt(REQUESTED_AT)
                .build();
    }

    public static OcrOptions crops() {
        return OcrOptions.newBuilder().setCropIdCard(true).setCropPortrait(true).build();
    }
}
