package io.idcardstream.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where personal data is masked before it reaches a log line, an exception message or an
 * error event. Every method accepts {@code null} (returns {@code ""}) so callers never need a guard.
 *
 * <p>Stateless and thread-safe.
 */
public final class PiiMask {

    private static final String STAR = "*";
    private static final String ELLIPSIS = "…";

    /** An 18-character number (X check digit in either case) or an old 15-digit one, not part of a longer digit run. */
    private static final Pattern ID_NUMBER_LIKE = Pattern.compile("(?<!\\d)(?:\\d{17}[\\dXx]|\\d{15})(?!\\d)");

    private static final Pattern HIERARCHICAL_URL =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)://(?:[^/?#@]*@)?([^/?#]*)(.*)$", Pattern.DOTALL);
    private static final Pattern OTHER_URI = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):.*$", Pattern.DOTALL);

    private PiiMask() {
    }

    /** Keeps the first and last four characters of a number of ten or more ({@code 4405**********0014}); shorter → all stars. */
    public static String idNumber(String s) {
        if (s == null) {
            return "";
        }
        int[] cps = s.codePoints().toArray();
        if (cps.length < 10) {
            return STAR.repeat(cps.length);
        }
        return new String(cps, 0, 4) + STAR.repeat(cps.length - 8) + new String(cps, cps.length - 4, 4);
    }

    /** The first character, then one star per remaining character: {@code 李明} → {@code 李*}, {@code 欧阳娜娜} → {@code 欧***}. */
    public static String name(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        int first = s.codePointAt(0);
        return Character.toString(first) + STAR.repeat(s.codePointCount(Character.charCount(first), s.length()));
    }

    /** The first three characters then a fixed {@code ***}, so the address's length does not show. */
    public static String address(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        int end = s.offsetByCodePoints(0, Math.min(3, s.codePointCount(0, s.length())));
        return s.substring(0, end) + "***";
    }

    /** Free text (e.g. a provider's error message) with every ID-number-like run masked by {@link #idNumber}. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        Matcher m = ID_NUMBER_LIKE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(idNumber(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Scheme and host only: {@code https://bucket.cos.ap-shanghai.myqcloud.com/…}. Paths and queries of
     * object-storage URLs carry signatures and sometimes names; user info is dropped too. A URI without an
     * authority keeps only its scheme ({@code data:…}); anything else becomes {@code …}.
     */
    public static String url(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String trimmed = s.strip();
        Matcher hierarchical = HIERARCHICAL_URL.matcher(trimmed);
        if (hierarchical.matches()) {
            String rest = hierarchical.group(3);
            return hierarchical.group(1) + "://" + hierarchical.group(2) + (rest.isEmpty() ? "" : "/" + ELLIPSIS);
        }
        Matcher other = OTHER_URI.matcher(trimmed);
        if (other.matches()) {
            return other.group(1) + ":" + ELLIPSIS;
        }
        return ELLIPSIS;
    }
}
