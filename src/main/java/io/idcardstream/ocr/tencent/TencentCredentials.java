package io.idcardstream.ocr.tencent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A Tencent Cloud API key pair. {@link #toString()} never prints the key; the id is shown masked.
 */
public final class TencentCredentials {
    /** The variable names the official SDKs and tccli read. */
    public static final String SECRET_ID_ENV = "TENCENTCLOUD_SECRET_ID";
    public static final String SECRET_KEY_ENV = "TENCENTCLOUD_SECRET_KEY";

    private final String secretId;
    private final String secretKey;

    public TencentCredentials(String secretId, String secretKey) {
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("secretId must not be blank");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey must not be blank");
        }
        this.secretId = secretId.trim();
        this.secretKey = secretKey.trim();
    }

    /**
     * The first complete pair of: the explicit values, the {@code TENCENTCLOUD_SECRET_*} environment variables,
     * the properties file ({@code secret.id}, {@code secret.key}).
     *
     * @throws IllegalArgumentException naming where it looked (never the values) when no complete pair exists
     */
    public static TencentCredentials resolve(String explicitId, String explicitKey, Map<String, String> environment,
            Path secretsFile) {
        if (present(explicitId) && present(explicitKey)) {
            return new TencentCredentials(explicitId, explicitKey);
        }
        if (present(environment.get(SECRET_ID_ENV)) && present(environment.get(SECRET_KEY_ENV))) {
            return new TencentCredentials(environment.get(SECRET_ID_ENV), environment.get(SECRET_KEY_ENV));
        }
        if (secretsFile != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the Tencent secrets file " + secretsFile + ": "
                        + e.getClass().getSimpleName());
            }
            if (present(properties.getProperty("secret.id")) && present(properties.getProperty("secret.key"))) {
                return new TencentCredentials(properties.getProperty("secret.id"), properties.getProperty("secret.key"));
            }
            throw new IllegalArgumentException("The Tencent secrets file " + secretsFile
                    + " must define secret.id and secret.key");
        }
        throw new IllegalArgumentException("No Tencent Cloud key pair: set tencent.secret.id and tencent.secret.key, "
                + "or " + SECRET_ID_ENV + " and " + SECRET_KEY_ENV + ", or tencent.secrets.file");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public String secretId() {
        return secretId;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public String toString() {
        String shown = secretId.length() <= 8 ? "****" : secretId.substring(0, 4) + "****" + secretId.substring(secretId.length() - 4);
        return "TencentCredentials[secretId=" + shown + ", secretKey=[hidden]]";
    }
}
