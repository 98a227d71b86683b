package io.idcardstream.worker;

import io.idcardstream.events.BackIdentity;
import io.idcardstream.events.CardWarning;
import io.idcardstream.events.FieldCorrection;
import io.idcardstream.events.FrontIdentity;
import io.idcardstream.events.Point;
import io.idcardstream.events.RawFields;
import io.idcardstream.events.Sex;
import io.idcardstream.events.ValidationReport;
import io.idcardstream.events.WarningKind;
import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a recognised outcome made from the card's fields: the normalised front and back (ISO dates, the
 * validity split, the sex as an enum), the raw strings they came from, the validation report and the warnings.
 * Values are never changed silently: the raw strings travel alongside.
 */
final class CardParts {
    private CardParts() {}

    static FrontIdentity front(CardFields fields) {
        return FrontIdentity.newBuilder()
                .setName(emptyToNull(fields.name()))
                .setSex(switch (io.idcardstream.identity.PrintedSex.fromPrinted(fields.sex())) {
                    case MALE -> Sex.MALE;
                    case FEMALE -> Sex.FEMALE;
                    case UNKNOWN -> Sex.UNKNOWN;
                })
                .setNation(emptyToNull(fields.nation()))
                .setBirthDate(CardDates.parseBirth(fields.birth()).orElse(null))
                .setAddress(emptyToNull(fields.address()))
                .setIdNumber(emptyToNull(fields.idNum().trim().toUpperCase(Locale.ROOT)))
                .build();
    }

    static BackIdentity back(CardFields fields) {
        var validity = CardDates.parseValidity(fields.validDate());
        return BackIdentity.newBuilder()
                .setAuthority(emptyToNull(fields.authority()))
                .setValidFrom(validity.map(v -> v.from()).orElse(null))
                .setValidUntil(validity.map(v -> v.until()).orElse(null))
                .setLongTerm(validity.map(v -> v.longTerm()).orElse(false))
                .build();
    }

    static RawFields raw(CardFields fields) {
        return new RawFields(fields.name(), fields.sex(), fields.nation(), fields.birth(), fields.address(),
                fields.idNum(), fields.authority(), fields.validDate());
    }

    static io.idcardstream.identity.CardFacts facts(CardFields fields) {
        return new io.idcardstream.identity.CardFacts(fields.name(), fields.sex(), fields.birth(), fields.idNum(),
                fields.validDate());
    }

    /** The one place a validation report is built: the checks made and the recogniser's corrections. */
    static ValidationReport validation(io.idcardstream.identity.IdentityChecks checks,
            List<io.idcardstream.ocr.FieldCorrection> corrections) {
        return new ValidationReport(checks.idNumberFormatValid(), checks.checkDigitValid(),
                checks.regionCodeKnown(), checks.birthMatchesIdNumber(), checks.sexMatchesIdNumber(),
                checks.validityPlausible(), checks.expired(),
                checks.issues().stream().map(Enum::name).toList(),
                corrections.stream()
                        .map(c -> new FieldCorrection(c.field().apiName(), c.read(), c.returned(), c.reason()))
                        .toList());
    }

    /** A warning with its score and region when the provider gave them (the local engine and serve do). */
    static CardWarning warning(int code, AdvancedInfo advanced) {
        var detail = advanced.detail(code);
        return new CardWarning(code, warningKind(code), detail.map(d -> d.score()).orElse(null),
                detail.map(d -> d.region().stream().map(p -> new Point(p.x(), p.y())).toList()).orElse(List.of()));
    }

    static WarningKind warningKind(int code) {
        io.idcardstream.ocr.WarningCode warning = io.idcardstream.ocr.WarningCode.fromCode(code);
        return WarningKind.valueOf(warning.name());
    }

    static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
