package io.idcardstream.server;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<service>/tc3_request,
 * SignedHeaders=<a;b>, Signature=<hex>} header. The service is whatever the client put in its scope (the Java
 * SDK uses the first label of its endpoint, e.g. {@code 127} for {@code 127.0.0.1:8090}).
 *
 * @param signedHeaders lower-case header names in the order the client gave them
 */
record Tc3Authorization(String secretId, String date, String service, List<String> signedHeaders,
                        String signature) {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String SHAPE = "Authorization must be '" + ALGORITHM
            + " Credential=<SecretId>/<yyyy-MM-dd>/<service>/tc3_request, SignedHeaders=<names>, Signature=<hex>'";

    /** Parses the header or fails with {@code AuthFailure.InvalidAuthorization} saying what is wrong. */
    static Tc3Authorization parse(String header) throws OcrException {
        if (header == null || header.isBlank()) {
            throw invalid("The Authorization header is missing. " + SHAPE + ".");
        }
        String value = header.trim();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw invalid("Only the " + ALGORITHM + " signature method is supported. " + SHAPE + ".");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(ALGORITHM.length() + 1).split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw invalid(SHAPE + ".");
            }
            parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
        String credential = required(parts, "Credential");
        String signedHeaders = required(parts, "SignedHeaders");
        String signature = required(parts, "Signature");

        String[] scope = credential.split("/", -1);
        if (scope.length != 4 || scope[0].isEmpty() || scope[2].isEmpty() || !scope[3].equals("tc3_request")) {
            throw invalid("Credential must be <SecretId>/<yyyy-MM-dd>/<service>/tc3_request.");
        }
        if (!DATE.matcher(scope[1]).matches() || !isDate(scope[1])) {
            throw invalid("The date in Credential must be yyyy-MM-dd.");
        }
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";", -1)) {
            if (name.isBlank()) {
                throw invalid("SignedHeaders must be header names separated by ';'.");
            }
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        if (!names.contains("content-type") || !names.contains("host")) {
            throw invalid("SignedHeaders must include content-type and host.");
        }
        if (!HEX_SHA256.matcher(signature).matches()) {
            throw invalid("Signature must be 64 hexadecimal characters.");
        }
        return new Tc3Authorization(scope[0], scope[1], scope[2], List.copyOf(names),
                signature.toLowerCase(Locale.ROOT));
    }

    /** {@code <Date>/<service>/tc3_request}. */
    String credentialScope() {
        return date + "/" + service + "/tc3_request";
    }

    private static String required(Map<String, String> parts, String name) throws OcrException {
        String value = parts.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid("Authorization has no " + name + ". " + SHAPE + ".");
        }
        return value;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static OcrException invalid(String message) {
        return new OcrException(ErrorCodes.INVALID_AUTHORIZATION, message, null);
    }

    /** The signature is a credential too: keep it out of logs. */
    @Override
    public String toString() {
        return "Tc3Authorization[secretId=" + secretId + ", scope=" + credentialScope() + ", signedHeaders="
                + signedHeaders + "]";
    }
}
