package io.idcardstream.server;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The SecretId → SecretKey pairs the API accepts. {@link #toString()} names the SecretIds only; keys never
 * leave this class except to the signature check.
 *
 * <p>File format (Java properties): one pair as {@code secret.id=…} and {@code secret.key=…} (the
 * {@code tencent.secrets.file} format, so a worker can point at the same file), and/or any number of lines
 * {@code SecretId=SecretKey}.
 *
 * <p>Threading notes: immutable and thread-safe.
 */
public final class ApiKeys {
    /** Properties names of the single-pair format shared with {@code tencent.secrets.file}. */
    public static final String SECRET_ID_PROPERTY = "secret.id";
    public static final String SECRET_KEY_PROPERTY = "secret.key";

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Map<String, String> keysById;

    private ApiKeys(Map<String, String> keysById) {
        if (keysById.isEmpty()) {
            throw new IllegalArgumentException("at least one SecretId/SecretKey pair is needed but none was given");
        }
        keysById.forEach((id, key) -> {
            if (id == null || id.isBlank() || key == null || key.isBlank()) {
                throw new IllegalArgumentException("SecretId and SecretKey must be non-blank but a pair had "
                        + (id == null || id.isBlank() ? "a blank SecretId" : "a blank SecretKey for " + id));
            }
        });
        this.keysById = Collections.unmodifiableMap(new LinkedHashMap<>(keysById));
    }

    /** One pair. */
    public static ApiKeys of(String secretId, String secretKey) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(secretId, secretKey);
        return new ApiKeys(keys);
    }

    /** Several pairs. */
    public static ApiKeys of(Map<String, String> keysById) {
        return new ApiKeys(Objects.requireNonNull(keysById, "keysById"));
    }

    /** A fresh pair in Tencent's shape: {@code AKID} + 32 characters, and a 32-character key. */
    public static ApiKeys generate(SecureRandom random) {
        return of("AKID" + randomText(random, 32), randomText(random, 32));
    }

    private static String randomText(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    /**
     * Reads a key file (see the class comment).
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it holds no complete pair
     */
    public static ApiKeys load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        String pairId = properties.getProperty(SECRET_ID_PROPERTY);
        String pairKey = properties.getProperty(SECRET_KEY_PROPERTY);
        if (pairId != null || pairKey != null) {
            if (pairId == null || pairKey == null) {
                throw new IllegalArgumentException(file + " must hold both " + SECRET_ID_PROPERTY + " and "
                        + SECRET_KEY_PROPERTY + " but has only " + (pairId == null ? SECRET_KEY_PROPERTY
                        : SECRET_ID_PROPERTY));
            }
            keys.put(pairId.trim(), pairKey.trim());
        }
        for (String name : properties.stringPropertyNames()) {
            if (!name.equals(SECRET_ID_PROPERTY) && !name.equals(SECRET_KEY_PROPERTY)) {
                keys.put(name.trim(), properties.getProperty(name).trim());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no SecretId/SecretKey pair");
        }
        return new ApiKeys(keys);
    }

    /**
     * Writes the first pair in the {@code secret.id}/{@code secret.key} format to a new file readable and
     * writable only by its owner (POSIX mode 600), creating parent directories.
     *
     * @throws FileAlreadyExistsException when the file exists (an existing key is never overwritten)
     */
    public void writeOwnerOnly(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: create it, then narrow access as far as the platform allows.
            Files.createFile(file);
            java.io.File plain = file.toFile();
            boolean narrowed = plain.setReadable(false, false) && plain.setReadable(true, true)
                    && plain.setWritable(false, false) && plain.setWritable(true, true);
            if (!narrowed) {
                Files.delete(file);
                throw new IOException("Cannot make " + file + " readable only by its owner");
            }
        }
        Map.Entry<String, String> pair = keysById.entrySet().iterator().next();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("# idcard-stream serve: the SecretId/SecretKey pair this server accepts. Keep it private.\n");
            writer.write(SECRET_ID_PROPERTY + "=" + pair.getKey() + "\n");
            writer.write(SECRET_KEY_PROPERTY + "=" + pair.getValue() + "\n");
        }
    }

    /** The key of {@code secretId}, if it is configured. */
    public Optional<String> secretKey(String secretId) {
        return Optional.ofNullable(keysById.get(secretId));
    }

    /** The configured SecretIds, in file order. */
    public Set<String> secretIds() {
        return keysById.keySet();
    }

    @Override
    public String toString() {
        return "ApiKeys[secretIds=" + keysById.keySet() + "]";
    }
}
