package io.idcardstream.ocr;

import java.util.Objects;

/** Where the image of a card comes from: a URL the recogniser downloads, or the bytes themselves. */
public sealed interface ImageSource permits ImageSource.Url, ImageSource.Inline {

    /** An http(s) URL; sent to the API as {@code ImageUrl}. */
    record Url(String url) implements ImageSource {
        public Url {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            // Query strings of object-storage URLs often carry signatures: keep them out of logs.
            int query = url.indexOf('?');
            return "Url[" + (query < 0 ? url : url.substring(0, query) + "?…") + "]";
        }
    }

    /** Image bytes; sent to the API as {@code ImageBase64}. */
    record Inline(byte[] bytes) implements ImageSource {
        public Inline {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Inline[" + bytes.length + " bytes]";
        }
    }
}
