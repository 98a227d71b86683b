package io.idcardstream.assembly;

import io.idcardstream.events.BackIdentity;
import io.idcardstream.events.FrontIdentity;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.RawFields;
import io.idcardstream.events.state.BackSide;
import io.idcardstream.events.state.FailedSide;
import io.idcardstream.events.state.FrontSide;
import io.idcardstream.events.state.KeptWarning;
import io.idcardstream.identity.CardDates;
import io.idcardstream.identity.PrintedSex;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One outcome event as assembly sees it: the application it belongs to and the sides it shows (front, back,
 * both for an image read with MultiCardDetect), or the failure it reports. Only the fields assembly needs are
 * kept: no raw strings, polygons, confidences, crops or images.
 */
record SideOutcome(String subjectId, String applicationId, String requestId, boolean reprocessed,
        FrontSide front, BackSide back, FailedSide failure, Map<String, String> attributes) {

    /** Read by outcomes from workers built before the applicationId field (the request's attribute). */
    static final String APPLICATION_ID_ATTRIBUTE = "applicationId";

    /** Why an outcome is left alone, or null when it is assembled. */
    static String skipReason(Object outcome) {
        if (outcome instanceof IdentityRecognized recognized) {
            if (applicationId(recognized.getApplicationId(), recognized.getAttributes()) == null) {
                return "no_application_id";
            }
            if (recognized.getDuplicate()) {
                // A duplicate carries no card fields (the ledger keeps none); the first outcome had them.
                return "duplicate";
            }
            return front(recognized, 0) == null && back(recognized, 0) == null ? "no_card_fields" : null;
        }
        if (outcome instanceof IdCardOcrFailed failed) {
            if (applicationId(failed.getApplicationId(), failed.getAttributes()) == null) {
                return "no_application_id";
            }
            return failed.getDuplicate() ? "duplicate" : null;
        }
        return "not_an_outcome";
    }

    /** The outcome as assembly keeps it; call only when {@link #skipReason} is null. */
    static SideOutcome of(Object outcome, long recordTime) {
        if (outcome instanceof IdentityRecognized r) {
            return new SideOutcome(r.getSubjectId(), applicationId(r.getApplicationId(), r.getAttributes()),
                    r.getRequestId(), r.getReprocessed(), front(r, recordTime), back(r, recordTime), null,
                    r.getAttributes());
        }
        IdCardOcrFailed f = (IdCardOcrFailed) outcome;
        return new SideOutcome(f.getSubjectId(), applicationId(f.getApplicationId(), f.getAttributes()),
                f.getRequestId(), f.getReprocessed(), null, null,
                new FailedSide(f.getRequestId(), f.getSide() == null ? null : f.getSide().name(), f.getErrorCode(),
                        f.getRetryable()),
                f.getAttributes());
    }

    static String applicationId(String field, Map<String, String> attributes) {
        if (field != null && !field.isBlank()) {
            return field;
        }
        String attribute = attributes == null ? null : attributes.get(APPLICATION_ID_ATTRIBUTE);
        return attribute == null || attribute.isBlank() ? null : attribute;
    }

    /**
     * The front: the normalised record, else (an image read with MultiCardDetect, whose outcome normalises only
     * the side asked for) the raw strings when they show a front. Null when the outcome shows no front.
     */
    private static FrontSide front(IdentityRecognized r, long recordTime) {
        FrontIdentity f = r.getFront();
        RawFields raw = r.getRaw();
        List<KeptWarning> warnings = warnings(r);
        List<KeptWarning> notChecked = notChecked(r);
        List<String> issues = r.getValidation().getIssues();
        if (f != null) {
            return new FrontSide(r.getRequestId(), recordTime, f.getName(), f.getSex().name(), f.getNation(),
                    f.getBirthDate(), f.getAddress(), f.getIdNumber(), warnings, issues, notChecked);
        }
        if (raw == null || (blank(raw.getIdNum()) && blank(raw.getName()))) {
            return null;
        }
        return new FrontSide(r.getRequestId(), recordTime, trimmed(raw.getName()),
                PrintedSex.fromPrinted(raw.getSex()).name(), trimmed(raw.getNation()),
                CardDates.parseBirth(raw.getBirth()).orElse(null), trimmed(raw.getAddress()),
                blank(raw.getIdNum()) ? null : raw.getIdNum().trim().toUpperCase(Locale.ROOT), warnings, issues,
                notChecked);
    }

    /** The back, as {@link #front} (from the raw strings for a MultiCardDetect image). */
    private static BackSide back(IdentityRecognized r, long recordTime) {
        BackIdentity b = r.getBack();
        RawFields raw = r.getRaw();
        List<KeptWarning> warnings = warnings(r);
        List<KeptWarning> notChecked = notChecked(r);
        List<String> issues = r.getValidation().getIssues();
        if (b != null) {
            return new BackSide(r.getRequestId(), recordTime, b.getAuthority(), b.getValidFrom(), b.getValidUntil(),
                    b.getLongTerm(), warnings, issues, notChecked);
        }
        if (raw == null || (blank(raw.getAuthority()) && blank(raw.getValidDate()))) {
            return null;
        }
        var validity = CardDates.parseValidity(raw.getValidDate());
        return new BackSide(r.getRequestId(), recordTime, trimmed(raw.getAuthority()),
                validity.map(v -> v.from()).orElse(null), validity.map(v -> v.until()).orElse(null),
                validity.map(v -> v.longTerm()).orElse(false), warnings, issues, notChecked);
    }

    private static List<KeptWarning> warnings(IdentityRecognized r) {
        return r.getWarnings().stream().map(w -> new KeptWarning(w.getCode(), w.getKind().name())).toList();
    }

    private static List<KeptWarning> notChecked(IdentityRecognized r) {
        return r.getWarningsNotChecked().stream().map(w -> new KeptWarning(w.getCode(), w.getKind().name())).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }
}
