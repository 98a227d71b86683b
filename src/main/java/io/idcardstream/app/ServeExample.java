package io.idcardstream.app;

/**
 * The example call {@code serve} prints: a bash script that signs one IDCardOCR request with
 * TC3-HMAC-SHA256 using only openssl and coreutils, and sends it with curl. It reads the SecretKey from the
 * key file or the environment when it runs, so the key itself is never printed.
 */
final class ServeExample {
    /** First line of the script, so people and tests can find where it starts. */
    static final String FIRST_LINE = "# IDCardOCR example call (bash, GNU coreutils, openssl, curl); set IMAGE first.";

    private ServeExample() {}

    /**
     * @param endpoint {@code host:port} of the server
     * @param keyFile the key file, or null when the key is in {@code TENCENTCLOUD_SECRET_KEY}
     * @param keyProperty the property of {@code keyFile} holding the key
     */
    static String script(String endpoint, String secretId, String keyFile, String keyProperty) {
        String readKey = keyFile == null
                ? "SECRET_KEY=\"$" + ServeKeys.SECRET_KEY_ENV + "\""
                : "SECRET_KEY=$(sed -n 's/^" + keyProperty.replace(".", "\\.") + " *= *//p' " + quote(keyFile) + ")";
        return String.join("\n",
                FIRST_LINE,
                "IMAGE=${IMAGE:-card.jpg}",
                "HOST=" + endpoint,
                "SECRET_ID=" + secretId,
                readKey,
                "CT='application/json; charset=utf-8'",
                "BODY=$(printf '{\"ImageBase64\":\"%s\",\"CardSide\":\"FRONT\"}' \"$(base64 -w0 \"$IMAGE\")\")",
                "TS=$(date +%s); DATE=$(date -u -d \"@$TS\" +%Y-%m-%d)",
                "sha() { sha256sum | cut -d' ' -f1; }",
                "hmac() { openssl dgst -sha256 -mac HMAC -macopt \"$1\" -binary | od -An -v -tx1 | tr -d ' \\n'; }",
                "CR=$(printf 'POST\\n/\\n\\ncontent-type:%s\\nhost:%s\\n\\ncontent-type;host\\n%s' \"$CT\" \"$HOST\" "
                        + "\"$(printf %s \"$BODY\" | sha)\")",
                "STS=$(printf 'TC3-HMAC-SHA256\\n%s\\n%s/ocr/tc3_request\\n%s' \"$TS\" \"$DATE\" "
                        + "\"$(printf %s \"$CR\" | sha)\")",
                "K=$(printf %s \"$DATE\" | hmac \"key:TC3$SECRET_KEY\"); K=$(printf ocr | hmac \"hexkey:$K\")",
                "K=$(printf tc3_request | hmac \"hexkey:$K\"); SIG=$(printf %s \"$STS\" | hmac \"hexkey:$K\")",
                "printf %s \"$BODY\" | curl -sS \"http://$HOST/\" --data-binary @- -H \"Content-Type: $CT\" \\",
                "  -H \"Authorization: TC3-HMAC-SHA256 Credential=$SECRET_ID/$DATE/ocr/tc3_request, "
                        + "SignedHeaders=content-type;host, Signature=$SIG\" \\",
                "  -H 'X-TC-Action: IDCardOCR' -H 'X-TC-Version: 2018-11-19' -H \"X-TC-Timestamp: $TS\"",
                "");
    }

    /** A single-quoted shell word. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
