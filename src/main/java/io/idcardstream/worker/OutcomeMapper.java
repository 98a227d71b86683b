package io.idcardstream.worker;

import io.idcardstream.events.Crops;
import io.idcardstream.events.ErrorCategory;
import io.idcardstream.events.FieldDetail;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.Point;
import io.idcardstream.events.ProviderInfo;
import io.idcardstream.events.RawFields;
import io.idcardstream.events.Timings;
import io.idcardstream.events.UncheckedWarning;
import io.idcardstream.events.state.LedgerEntry;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.identity.PiiMask;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorClass;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.OcrOptions;
import io.idcardstream.ocr.ProviderDescription;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
/**
 * Builds the outcome events: normalises what the recogniser returned (ISO dates, validity split, sex), adds
 * the validation report, and never changes a value silently: the raw strings travel alongside.
 */
final class OutcomeMapper {
    /** A duplicate's checks: none apply, as it carries no card fields. */
    private static final io.idcardstream.identity.IdentityChecks NOTHING_CHECKED =
            new io.idcardstream.identity.IdentityChecks(null, null, null, null, null, null, null, List.of());

    private final IdentityValidator validator;
    private final Clock clock;
    private final int cropMaxBytes;

    OutcomeMapper(IdentityValidator validator, Clock clock, int cropMaxBytes) {
        this.validator = validator;
        this.clock = clock;
        this.cropMaxBytes = cropMaxBytes;
    }

    /** Facts about one attempt to answer a request, gathered by the processor. */
    record Attempt(Instant receivedAt, long rateLimitWaitMillis, long ocrMillis, int attempts) {}

    IdentityRecognized recognized(
            IdCardOcrRequested event, IdCardOcrRequest request, IdCardOcrResult result,
            ProviderDescription provider, Attempt attempt) {
        CardFields fields = result.fields();
        CardSide side = fields.side() != null ? fields.side() : request.cardSide();
        AdvancedInfo advanced = result.advancedInfo();
        var checks = validator.validate(CardParts.facts(fields), IdentityValidator.todayInShanghai(clock));
        return recognizedFor(event, attempt)
                .setSide(side == null ? io.idcardstream.events.CardSide.UNKNOWN
                        : io.idcardstream.events.CardSide.valueOf(side.name()))
                .setFront(side == CardSide.FRONT ? CardParts.front(fields) : null)
                .setBack(side == CardSide.BACK ? CardParts.back(fields) : null)
                .setRaw(CardParts.raw(fields))
                .setFieldDetails(result.evidence().stream()
                        .map(e -> new FieldDetail(e.field().apiName(), e.confidence(),
                                e.polygon().stream().map(p -> new Point(p.x(), p.y())).toList()))
                        .toList())
                .setWarnings(advanced.warnings().stream().map(code -> CardParts.warning(code, advanced)).toList())
                .setWarningsNotChecked(advanced.warningsNotChecked().stream()
                        .map(code -> new UncheckedWarning(code, CardParts.warningKind(code)))
                        .toList())
                .setQuality(advanced.quality())
                .setBorderCodeValue(advanced.borderCodeValue())
                .setCrops(crops(request.options(), advanced))
                .setValidation(CardParts.validation(checks, result.corrections()))
                .setProvider(providerInfo(provider, result.providerRequestId()))
                .build();
    }

    IdCardOcrFailed failed(IdCardOcrRequested event, OcrException error, ProviderDescription provider,
            Attempt attempt) {
        ErrorClass policy = error.classification();
        return failedFor(event, attempt)
                .setErrorCode(error.code())
                .setCategory(ErrorCategory.valueOf(policy.category().name()))
                .setRetryable(policy.retryable())
                .setMessage(PiiMask.text(error.getMessage() == null ? "" : error.getMessage()))
                .setProvider(attempt.attempts() == 0 ? null : providerInfo(provider, error.providerRequestId()))
                .build();
    }

    /** The fields every recognised outcome of {@code event} shares. */
    private IdentityRecognized.Builder recognizedFor(IdCardOcrRequested event, Attempt attempt) {
        return IdentityRecognized.newBuilder()
                .setRequestId(event.getRequestId())
                .setSubjectId(event.getSubjectId())
                .setAttempts(attempt.attempts())
                .setDuplicate(false)
                .setReprocessed(event.getReprocess())
                .setTimings(timings(event, attempt))
                .setAttributes(event.getAttributes())
                .setApplicationId(applicationId(event));
    }

    /** The fields every failed outcome of {@code event} shares. */
    private IdCardOcrFailed.Builder failedFor(IdCardOcrRequested event, Attempt attempt) {
        return IdCardOcrFailed.newBuilder()
                .setRequestId(event.getRequestId())
                .setSubjectId(event.getSubjectId())
                .setSide(event.getCardSide())
                .setAttempts(attempt.attempts())
                .setDuplicate(false)
                .setReprocessed(event.getReprocess())
                .setTimings(timings(event, attempt))
                .setAttributes(event.getAttributes())
                .setApplicationId(applicationId(event));
    }

    /**
     * The answer to a request id answered before: the earlier outcome's summary with {@code duplicate=true} and
     * no new call. A recognised duplicate carries no card fields, so no checks and no corrections either (they
     * are card values): consumers dedupe by request id and have them from the first outcome, and the ledger
     * keeps no personal data.
     */
    Object duplicate(IdCardOcrRequested event, LedgerEntry earlier, Instant receivedAt) {
        Attempt none = new Attempt(receivedAt, 0, 0, 0);
        ProviderInfo provider = LedgerEntries.provider(earlier);
        if (earlier.getRecognized()) {
            return recognizedFor(event, none)
                    .setSide(earlier.getSide() == null ? io.idcardstream.events.CardSide.UNKNOWN
                            : io.idcardstream.events.CardSide.valueOf(earlier.getSide()))
                    .setFront(null)
                    .setBack(null)
                    .setRaw(new RawFields("", "", "", "", "", "", "", ""))
                    .setFieldDetails(List.of())
                    .setWarnings(List.of())
                    .setWarningsNotChecked(List.of())
                    .setQuality(null)
                    .setBorderCodeValue(null)
                    .setCrops(null)
                    .setValidation(CardParts.validation(NOTHING_CHECKED, List.of()))
                    .setProvider(provider)
                    .setDuplicate(true)
                    .build();
        }
        return failedFor(event, none)
                .setErrorCode(earlier.getErrorCode())
                .setCategory(ErrorCategory.valueOf(earlier.getCategory()))
                .setRetryable(earlier.getRetryable())
                .setMessage("Request id answered before with " + earlier.getErrorCode() + "; no new call was made")
                .setProvider(provider)
                .setDuplicate(true)
                .build();
    }

    /** The outcome of a pending request whose input record is gone: all that is left is the pending entry. */
    IdCardOcrFailed lost(PendingRequest state, ProviderDescription provider, OcrException error) {
        ErrorClass policy = error.classification();
        Instant sourceTime = Instant.ofEpochMilli(state.getSourceTimestamp());
        return IdCardOcrFailed.newBuilder()
                .setRequestId(state.getRequestId())
                .setSubjectId(state.getKey() == null ? "" : state.getKey())
                .setSide(null)
                .setErrorCode(error.code())
                .setCategory(ErrorCategory.valueOf(policy.category().name()))
                .setRetryable(policy.retryable())
                .setAttempts(state.getAttempts())
                .setMessage(error.getMessage())
                .setProvider(state.getAttempts() == 0 ? null : providerInfo(provider, null))
                .setDuplicate(false)
                .setReprocessed(false)
                .setTimings(new Timings(sourceTime, Instant.ofEpochMilli(state.getReceivedAt()), clock.instant(),
                        state.getWaitMillis(), state.getOcrMillis()))
                .setAttributes(java.util.Map.of())
                .build();
    }

    /** The request attribute read when a producer built before the applicationId field sets none. */
    static final String APPLICATION_ID_ATTRIBUTE = "applicationId";

    /**
     * The application an image belongs to: the request's field, else its attribute (producers built before the
     * field), else none. Resolved here once, so identity assembly reads one field of the outcome.
     */
    static String applicationId(IdCardOcrRequested event) {
        String field = event.getApplicationId();
        if (field != null && !field.isBlank()) {
            return field;
        }
        String attribute = event.getAttributes().get(APPLICATION_ID_ATTRIBUTE);
        return attribute == null || attribute.isBlank() ? null : attribute;
    }

    private Crops crops(OcrOptions options, AdvancedInfo advanced) {
        boolean wantCard = OcrOptions.on(options.cropIdCard());
        boolean wantPortrait = OcrOptions.on(options.cropPortrait());
        if (!wantCard && !wantPortrait) {
            return null;
        }
        byte[] card = wantCard ? advanced.idCardCrop() : null;
        byte[] portrait = wantPortrait ? advanced.portraitCrop() : null;
        boolean cardTooLarge = card != null && card.length > cropMaxBytes;
        boolean portraitTooLarge = portrait != null && portrait.length > cropMaxBytes;
        return new Crops(
                card == null || cardTooLarge ? null : ByteBuffer.wrap(card),
                portrait == null || portraitTooLarge ? null : ByteBuffer.wrap(portrait),
                cardTooLarge,
                portraitTooLarge);
    }

    private static ProviderInfo providerInfo(ProviderDescription provider, String providerRequestId) {
        return new ProviderInfo(provider.provider(), provider.endpoint(), provider.engineVersion(),
                provider.modelVersion(), providerRequestId);
    }

    private Timings timings(IdCardOcrRequested event, Attempt attempt) {
        return new Timings(event.getRequestedAt(), attempt.receivedAt(), clock.instant(),
                attempt.rateLimitWaitMillis(), attempt.ocrMillis());
    }

}
