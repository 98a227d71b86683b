package io.idcardstream.engine.synthetic;

import java.util.Objects;

/**
 * A county-level division that exists in GB/T 2260, as it appears on a card: the 6-digit code that starts the ID
 * number, the address prefix printed on the front and the public security bureau printed on the back.
 */
record Region(String code, String addressPrefix, String authority) {
    Region {
        Objects.requireNonNull(addressPrefix, "addressPrefix");
        Objects.requireNonNull(authority, "authority");
        if (code == null || !code.matches("[1-8]\\d{5}")) {
            throw new IllegalArgumentException("code must be 6 digits starting 1-8 but was " + code);
        }
    }
}
