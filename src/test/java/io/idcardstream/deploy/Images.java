package io.idcardstream.deploy;

import java.util.regex.Pattern;

/** Container image references: pinned means a version tag (or a digest), never {@code latest} or none. */
final class Images {
    private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+(\\.\\d+)*([._-][A-Za-z0-9._-]+)?");

    private Images() {}

    static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        return VERSION_TAG.matcher(image.substring(colon + 1)).matches();
    }
}
