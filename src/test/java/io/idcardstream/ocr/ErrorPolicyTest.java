package io.idcardstream.ocr;

import static io.idcardstream.ocr.ErrorCategory.ACCOUNT;
import static io.idcardstream.ocr.ErrorCategory.AUTH;
import static io.idcardstream.ocr.ErrorCategory.IMAGE;
import static io.idcardstream.ocr.ErrorCategory.INTERNAL;
import static io.idcardstream.ocr.ErrorCategory.NETWORK;
import static io.idcardstream.ocr.ErrorCategory.PARAMETER;
import static io.idcardstream.ocr.ErrorCategory.PROTOCOL;
import static io.idcardstream.ocr.ErrorCategory.PROVIDER;
import static io.idcardstream.ocr.ErrorCategory.RATE_LIMIT;
import static io.idcardstream.ocr.ErrorCategory.TIMEOUT;
import static io.idcardstream.ocr.ErrorCategory.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The error policy for every code of the research note on the IDCardOCR API (common codes, IDCardOCR codes and
 * the codes "also defined for the product"), plus the SDK's and this project's client-side codes.
 */
class ErrorPolicyTest {
    private static final Path RESEARCH_NOTE = Path.of("../shared/research/tencent-api.md");

    private static final ErrorClass TERMINAL_IMAGE = new ErrorClass(IMAGE, false, false);
    private static final ErrorClass TERMINAL_PARAMETER = new ErrorClass(PARAMETER, false, false);
    private static final ErrorClass TERMINAL_PROVIDER = new ErrorClass(PROVIDER, false, false);
    private static final ErrorClass PAUSE_AUTH = new ErrorClass(AUTH, false, true);
    private static final ErrorClass PAUSE_ACCOUNT = new ErrorClass(ACCOUNT, false, true);
    private static final ErrorClass PAUSE_CONFIGURATION = new ErrorClass(INTERNAL, false, true);
    private static final ErrorClass RETRY_RATE_LIMIT = new ErrorClass(RATE_LIMIT, true, false);
    private static final ErrorClass RETRY_PROVIDER = new ErrorClass(PROVIDER, true, false);

    /** Every code of tencent-api.md sections 1.4 and 1.5, in the note's order, with its expected policy. */
    private static final Map<String, ErrorClass> RESEARCH_NOTE_CODES = new LinkedHashMap<>();

    static {
        // 1.4 Common (platform) error codes
        RESEARCH_NOTE_CODES.put("ActionOffline", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("AuthFailure.InvalidAuthorization", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.InvalidSecretId", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.MFAFailure", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.SecretIdNotFound", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.SignatureExpire", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.SignatureFailure", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.TokenFailure", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("AuthFailure.UnauthorizedOperation", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("DryRunOperation", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("FailedOperation", TERMINAL_PROVIDER);
        RESEARCH_NOTE_CODES.put("InternalError", RETRY_PROVIDER);
        RESEARCH_NOTE_CODES.put("InvalidAction", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("InvalidParameter", TERMINAL_PARAMETER);
        RESEARCH_NOTE_CODES.put("InvalidParameterValue", TERMINAL_PARAMETER);
        RESEARCH_NOTE_CODES.put("InvalidRequest", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("IpInBlacklist", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("IpNotInWhitelist", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("LimitExceeded", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("MissingParameter", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("NoSuchProduct", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("NoSuchVersion", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("RequestLimitExceeded", RETRY_RATE_LIMIT);
        RESEARCH_NOTE_CODES.put("RequestLimitExceeded.GlobalRegionUinLimitExceeded", RETRY_RATE_LIMIT);
        RESEARCH_NOTE_CODES.put("RequestLimitExceeded.IPLimitExceeded", RETRY_RATE_LIMIT);
        RESEARCH_NOTE_CODES.put("RequestLimitExceeded.UinLimitExceeded", RETRY_RATE_LIMIT);
        RESEARCH_NOTE_CODES.put("RequestSizeLimitExceeded", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("ResponseSizeLimitExceeded", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("ResourceInUse", RETRY_PROVIDER);
        RESEARCH_NOTE_CODES.put("ResourceInsufficient", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("ResourceNotFound", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("ResourceUnavailable", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("ServiceUnavailable", RETRY_PROVIDER);
        RESEARCH_NOTE_CODES.put("UnauthorizedOperation", PAUSE_AUTH);
        RESEARCH_NOTE_CODES.put("UnknownParameter", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("UnsupportedOperation", TERMINAL_PARAMETER);
        RESEARCH_NOTE_CODES.put("UnsupportedProtocol", PAUSE_CONFIGURATION);
        RESEARCH_NOTE_CODES.put("UnsupportedRegion", PAUSE_CONFIGURATION);
        // 1.5 IDCardOCR-specific error codes
        RESEARCH_NOTE_CODES.put("FailedOperation.DownLoadError", new ErrorClass(IMAGE, true, false));
        RESEARCH_NOTE_CODES.put("FailedOperation.EmptyImageError", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.IdCardInfoIllegal", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.ImageBlur", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.ImageDecodeFailed", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.ImageNoIdCard", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.ImageSizeTooLarge", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.MultiCardError", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.OcrFailed", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.UnKnowError", RETRY_PROVIDER);
        RESEARCH_NOTE_CODES.put("FailedOperation.UnOpenError", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("InvalidParameter.ConfigFormatError", TERMINAL_PARAMETER);
        RESEARCH_NOTE_CODES.put("InvalidParameterValue.InvalidParameterValueLimit", TERMINAL_PARAMETER);
        RESEARCH_NOTE_CODES.put("LimitExceeded.TooLargeFileError", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("ResourcesSoldOut.ChargeStatusException", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("ResourceUnavailable.InArrears", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("ResourceUnavailable.ResourcePackageRunOut", PAUSE_ACCOUNT);
        // "Also defined for the product"
        RESEARCH_NOTE_CODES.put("FailedOperation.CardSideError", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.IdCardTooSmall", TERMINAL_IMAGE);
        RESEARCH_NOTE_CODES.put("FailedOperation.WarningServiceFailed", RETRY_PROVIDER);
        RESEARCH_NOTE_CODES.put("FailedOperation.ArrearsError", PAUSE_ACCOUNT);
        RESEARCH_NOTE_CODES.put("FailedOperation.CountLimitError", PAUSE_ACCOUNT);
    }

    @Test
    void shouldClassifyEveryCodeOfTheResearchNote() {
        // When every code is classified
        Map<String, ErrorClass> actual = new LinkedHashMap<>();
        RESEARCH_NOTE_CODES.keySet().forEach(code -> actual.put(code, ErrorPolicy.classify(code)));

        // Then each gets its policy: per request terminal, per request retryable, or an account-wide pause
        assertThat(actual).containsExactlyEntriesOf(RESEARCH_NOTE_CODES);
    }

    @Test
    void shouldListEveryCodeTheResearchNoteNames() throws IOException {
        // Given the research note, where the shared folder is checked out next to the repository
        Assumptions.assumeTrue(Files.isReadable(RESEARCH_NOTE), "no " + RESEARCH_NOTE + " here");

        // When its error code tables are read
        Set<String> documented = codesOf(Files.readAllLines(RESEARCH_NOTE));

        // Then this test covers each of them (a code added to the note must be added here with its policy)
        assertThat(documented).hasSizeGreaterThan(50);
        assertThat(RESEARCH_NOTE_CODES.keySet()).containsAll(documented);
    }

    @Test
    void shouldPauseOnSubCodesOfAccountWidePrefixesTheNoteDoesNotList() {
        // When sub-codes Tencent may add under account-wide prefixes are classified
        Map<String, String> actual = new LinkedHashMap<>();
        for (String code : List.of("UnauthorizedOperation.NoPermission", "ResourceUnavailable.NotExist",
                "ResourceInsufficient.Balance", "LimitExceeded.MonthlyQuota", "ResourcesSoldOut.Other",
                "UnknownParameter.Image", "MissingParameter.Action", "AuthFailure.Other")) {
            actual.put(code, ErrorPolicy.classify(code).pausesProcessing() ? "pause" : "per request");
        }

        // Then every one pauses
        assertThat(actual.values()).containsOnly("pause");
        assertThat(actual).hasSize(8);
    }

    @Test
    void shouldClassifyTheClientSideCodes() {
        // When the SDK's and this project's own codes are classified
        Map<String, ErrorClass> actual = new LinkedHashMap<>();
        for (String code : List.of(ErrorCodes.SERVER_SIDE_ERROR, ErrorCodes.CLIENT_SIDE_ERROR,
                ErrorCodes.CLIENT_NETWORK_ERROR, ErrorCodes.CLIENT_TIMEOUT, ErrorCodes.CLIENT_PROTOCOL_ERROR,
                ErrorCodes.CLIENT_RESULT_ERROR, ErrorCodes.CLIENT_OVERLOADED, "NoSuchCode.Anywhere", "")) {
            actual.put(code, ErrorPolicy.classify(code));
        }

        // Then a paid answer we cannot read is never paid for again, and unknown codes are terminal
        Map<String, ErrorClass> expected = new LinkedHashMap<>();
        expected.put(ErrorCodes.SERVER_SIDE_ERROR, RETRY_PROVIDER);
        expected.put(ErrorCodes.CLIENT_SIDE_ERROR, PAUSE_CONFIGURATION);
        expected.put(ErrorCodes.CLIENT_NETWORK_ERROR, new ErrorClass(NETWORK, true, false));
        expected.put(ErrorCodes.CLIENT_TIMEOUT, new ErrorClass(TIMEOUT, true, false));
        expected.put(ErrorCodes.CLIENT_PROTOCOL_ERROR, new ErrorClass(PROTOCOL, true, false));
        expected.put(ErrorCodes.CLIENT_RESULT_ERROR, new ErrorClass(PROTOCOL, false, false));
        expected.put(ErrorCodes.CLIENT_OVERLOADED, RETRY_RATE_LIMIT);
        expected.put("NoSuchCode.Anywhere", new ErrorClass(UNKNOWN, false, false));
        expected.put("", new ErrorClass(UNKNOWN, false, false));
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldNeverRetryAFailureKnownToBePermanent() {
        // Given a download error, once as it comes and once known to be permanent (an address the guard refuses)
        OcrException transientFailure = new OcrException(ErrorCodes.DOWNLOAD_ERROR, "host down", null);

        // When both are classified
        List<ErrorClass> classes = List.of(transientFailure.classification(),
                transientFailure.permanent().classification());

        // Then the code is kept and only the permanent one is final
        assertThat(classes).containsExactly(new ErrorClass(IMAGE, true, false), new ErrorClass(IMAGE, false, false));
        assertThat(transientFailure.permanent().code()).isEqualTo(ErrorCodes.DOWNLOAD_ERROR);
    }

    /** Codes in the first cell of the tables of sections 1.4 and 1.5, and in the "Also defined" line. */
    private static Set<String> codesOf(List<String> lines) {
        Pattern code = Pattern.compile("`([A-Z][A-Za-z]*(?:\\.[A-Za-z]+)*)`");
        Set<String> codes = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("### 1.4")) {
                inSection = true;
            } else if (line.startsWith("## 2.")) {
                inSection = false;
            }
            if (!inSection) {
                continue;
            }
            String cells;
            if (line.startsWith("| `")) {
                cells = line.substring(1, line.indexOf('|', 1));
            } else if (line.startsWith("Also defined for the product")) {
                cells = line;
            } else {
                continue;
            }
            Matcher matcher = code.matcher(cells);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
        }
        return codes;
    }
}
