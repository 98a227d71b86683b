package io.idcardstream.testing;

import io.idcardstream.events.BackIdentity;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.CardWarning;
import io.idcardstream.events.ErrorCategory;
import io.idcardstream.events.FrontIdentity;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.ProviderInfo;
import io.idcardstream.events.RawFields;
import io.idcardstream.events.Sex;
import io.idcardstream.events.Timings;
import io.idcardstream.events.ValidationReport;
import io.idcardstream.identity.ResidentIdNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Outcome events as the worker writes them, for tests of identity assembly (which reads outcomes, so these tests
 * need no OCR). A {@link Card} is one synthetic holder: ID number with a valid check digit, birth date, and the
 * back's authority and validity.
 */
public final class OutcomeEvents {
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("uuuu.MM.dd");
    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private OutcomeEvents() {}

    /** One card: front fields and back fields. {@code validUntil} null = long-term. */
    public record Card(String name, LocalDate birth, String idNumber, String address, String authority,
            LocalDate validFrom, LocalDate validUntil) {

        /**
         * A holder of region {@code region} (six digits) born on {@code birth}, sequence {@code sequence} (three
         * digits; odd = male), whose card was issued on {@code validFrom} for {@code years} (0 = long-term).
         */
        public static Card of(String region, LocalDate birth, int sequence, String authority, LocalDate validFrom,
                int years) {
            String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
            return new Card("测试" + sequence, birth, first17 + ResidentIdNumber.checkDigit(first17),
                    "北京市朝阳区示例路" + sequence + "号", authority, validFrom,
                    years == 0 ? null : validFrom.plusYears(years));
        }

        String validDate() {
            return DOTTED.format(validFrom) + "-" + (validUntil == null ? "长期" : DOTTED.format(validUntil));
        }

        Sex sex() {
            return (idNumber.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        }
    }

    public static IdentityRecognized front(String requestId, String subjectId, String applicationId, Card card) {
        return base(requestId, subjectId, applicationId, CardSide.FRONT)
                .setFront(front(card))
                .setRaw(frontRaw(card).build())
                .build();
    }

    public static IdentityRecognized back(String requestId, String subjectId, String applicationId, Card card) {
        return base(requestId, subjectId, applicationId, CardSide.BACK)
                .setBack(back(card))
                .setRaw(RawFields.newBuilder().setAuthority(card.authority()).setValidDate(card.validDate()).build())
                .build();
    }

    /**
     * One image showing both sides, read with MultiCardDetect: as the worker writes it, the side asked for is
     * normalised and the raw strings hold both.
     */
    public static IdentityRecognized both(String requestId, String subjectId, String applicationId, Card card) {
        return base(requestId, subjectId, applicationId, CardSide.FRONT)
                .setFront(front(card))
                .setRaw(frontRaw(card).setAuthority(card.authority()).setValidDate(card.validDate()).build())
                .build();
    }

    public static IdCardOcrFailed failed(String requestId, String subjectId, String applicationId, CardSide side,
            String errorCode) {
        return IdCardOcrFailed.newBuilder()
                .setRequestId(requestId)
                .setSubjectId(subjectId)
                .setSide(side)
                .setErrorCode(errorCode)
                .setCategory(ErrorCategory.IMAGE)
                .setRetryable(false)
                .setAttempts(1)
                .setMessage("test failure")
                .setTimings(timings())
                .setAttributes(Map.of("tenant", "t1"))
                .setApplicationId(applicationId)
                .build();
    }

    /** The same outcome as replay makes it: reprocessed. */
    public static IdentityRecognized reprocessed(IdentityRecognized outcome) {
        return IdentityRecognized.newBuilder(outcome).setReprocessed(true).build();
    }

    public static IdentityRecognized withWarnings(IdentityRecognized outcome, List<CardWarning> warnings) {
        return IdentityRecognized.newBuilder(outcome).setWarnings(warnings).build();
    }

    private static IdentityRecognized.Builder base(String requestId, String subjectId, String applicationId,
            CardSide side) {
        return IdentityRecognized.newBuilder()
                .setRequestId(requestId)
                .setSubjectId(subjectId)
                .setSide(side)
                .setFront((FrontIdentity) null)
                .setBack((BackIdentity) null)
                .setFieldDetails(List.of())
                .setWarnings(List.of())
                .setValidation(ValidationReport.newBuilder().setIssues(List.of()).setCorrections(List.of()).build())
                .setProvider(ProviderInfo.newBuilder().setProvider("local").build())
                .setAttempts(1)
                .setTimings(timings())
                .setAttributes(Map.of("tenant", "t1"))
                .setApplicationId(applicationId);
    }

    private static FrontIdentity front(Card card) {
        return FrontIdentity.newBuilder()
                .setName(card.name())
                .setSex(card.sex())
                .setNation("汉")
                .setBirthDate(card.birth())
                .setAddress(card.address())
                .setIdNumber(card.idNumber())
                .build();
    }

    private static RawFields.Builder frontRaw(Card card) {
        return RawFields.newBuilder()
                .setName(card.name())
                .setSex(card.sex() == Sex.MALE ? "男" : "女")
                .setNation("汉")
                .setBirth(card.birth().getYear() + "/" + card.birth().getMonthValue() + "/"
                        + card.birth().getDayOfMonth())
                .setAddress(card.address())
                .setIdNum(card.idNumber());
    }

    private static BackIdentity back(Card card) {
        return BackIdentity.newBuilder()
                .setAuthority(card.authority())
                .setValidFrom(card.validFrom())
                .setValidUntil(card.validUntil())
                .setLongTerm(card.validUntil() == null)
                .build();
    }

    private static Timings timings() {
        return Timings.newBuilder().setRequestedAt(AT).setReceivedAt(AT).setCompletedAt(AT).build();
    }
}
