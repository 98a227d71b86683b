package io.idcardstream.identity;

/** One failed check of a {@link IdentityChecks}; the names are the machine-readable issue strings of the events. */
public enum ValidationIssue {
    /** The ID number is not 17 digits and a digit or X, or digits 7-14 are not a real date. */
    ID_NUMBER_FORMAT_INVALID,
    /** The 18th character is not the GB 11643 check character of the first 17. */
    CHECK_DIGIT_MISMATCH,
    /** The first six digits are not a known GB/T 2260 code. A flag only: codes retired before 2002 are unknown. */
    REGION_CODE_UNKNOWN,
    /** A birth date was read but is not a date in a known format. */
    BIRTH_DATE_UNREADABLE,
    /** The printed birth date differs from digits 7-14 of the ID number. */
    BIRTH_MISMATCH,
    /** The printed sex differs from the parity of digit 17 of the ID number. */
    SEX_MISMATCH,
    /** A validity period was read but is not in a known format. */
    VALIDITY_UNREADABLE,
    /** The validity span is not one the Resident Identity Card Law allows, or not the one for the holder's age. */
    VALIDITY_IMPLAUSIBLE,
    /** The card's validity ended before the verification date. */
    EXPIRED,
    /** The card's validity starts after the verification date. */
    NOT_YET_VALID
}
