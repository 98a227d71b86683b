package io.idcardstream.identity;

import java.util.List;
import java.util.Objects;

/**
 * What {@link IdentityValidator} found. Each Boolean is null when the check does not apply (e.g. no ID number
 * was read, or only the back was seen); {@code issues} lists the failed checks in {@link ValidationIssue}
 * order. Holds no personal data.
 *
 * @param idNumberFormatValid  17 digits, a digit or X, and digits 7-14 a real date
 * @param checkDigitValid      the GB 11643 check character matches
 * @param regionCodeKnown      the first six digits are a known GB/T 2260 code (a flag, not a verdict)
 * @param birthMatchesIdNumber the printed birth date equals digits 7-14
 * @param sexMatchesIdNumber   the printed sex agrees with the parity of digit 17
 * @param validityPlausible    the validity span is 5, 10, 20 years or long-term, and the one for the holder's age
 * @param expired              the validity ended before the verification date
 */
public record IdentityChecks(
        Boolean idNumberFormatValid,
        Boolean checkDigitValid,
        Boolean regionCodeKnown,
        Boolean birthMatchesIdNumber,
        Boolean sexMatchesIdNumber,
        Boolean validityPlausible,
        Boolean expired,
        List<ValidationIssue> issues) {

    public IdentityChecks {
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    }
}
