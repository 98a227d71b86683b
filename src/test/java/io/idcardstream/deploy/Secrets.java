package io.idcardstream.deploy;

import java.util.regex.Pattern;

/** Which environment variables carry credentials: those must come from a Secret, never a literal value. */
final class Secrets {
    private static final Pattern CREDENTIAL = Pattern.compile(".*(SECRET_ID|SECRET_KEY|PASSWORD|USER_INFO|TOKEN)");

    private Secrets() {}

    static boolean isCredentialVariable(String name) {
        return CREDENTIAL.matcher(name).matches();
    }
}
