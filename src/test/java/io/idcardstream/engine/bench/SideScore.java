package io.idcardstream.engine.bench;

import io.idcardstream.engine.labels.LabelledImage;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One side of one image scored against its labels: each labelled field exact or not, with its confidence and, when
 * wrong, the cause. Holds no values, so anything built from it can be printed.
 *
 * @param errorCode the API error code when the call failed, else null
 * @param badFormat whether the answer's Birth or ValidDate is malformed
 */
record SideScore(String file, CardSide side, List<FieldScore> fields, String errorCode, boolean badFormat,
        long wallNanos) {

    /**
     * One labelled field.
     *
     * @param confidence the engine's confidence, or NaN when it gave none (a failed call, an unread field)
     * @param cause why it is not exact (see {@link MissCause}); empty when exact
     */
    record FieldScore(FieldName field, boolean exact, double confidence, String cause) {
    }

    SideScore {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(side, "side");
        fields = List.copyOf(fields);
    }

    /** Scores the answer for {@code side} of {@code image}; fields the labels omit are not scored. */
    static SideScore of(LabelledImage image, CardSide side, Answer answer) {
        CardFields expected = image.expected().get(side);
        boolean badFormat = AnswerFormat.malformed(answer.fields());
        List<FieldScore> fields = new ArrayList<>();
        for (FieldName field : image.labelledFields(side)) {
            String want = expected.get(field);
            String got = answer.fields().get(field);
            boolean exact = answer.errorCode() == null && want.equals(got);
            Float confidence = answer.confidence().get(field);
            boolean fieldBadFormat = field == FieldName.BIRTH ? AnswerFormat.badBirth(got)
                    : field == FieldName.VALID_DATE && AnswerFormat.badValidDate(got);
            fields.add(new FieldScore(field, exact, confidence == null ? Double.NaN : confidence,
                    exact ? "" : MissCause.of(want, got, answer.errorCode(), fieldBadFormat)));
        }
        return new SideScore(image.file().getFileName().toString(), side, fields, answer.errorCode(), badFormat,
                answer.wallNanos());
    }

    boolean allExact() {
        return errorCode == null && fields.stream().allMatch(FieldScore::exact);
    }

    long exactCount() {
        return fields.stream().filter(FieldScore::exact).count();
    }
}
