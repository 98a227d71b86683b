package io.idcardstream.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GB/T 2260 administrative division codes: every code of the 2002-2016 revisions, the current codes, Hong Kong
 * and Macao districts and the 81/82/83 residence-permit prefixes (see {@code tools/region-codes/README.md} for
 * the sources and their licences).
 *
 * <p>A flag, not a verdict: codes retired before 2002 (e.g. {@code 440524}) are unknown, yet numbers issued
 * under them stay valid for life.
 *
 * <p>Immutable and thread-safe. {@link #bundled()} loads the table once, on first use.
 */
public final class RegionCodes {

    static final String RESOURCE = "region-codes.tsv";
    private static final Pattern LINE = Pattern.compile("([0-9]{6})\t(\\S.*)");

    private final Map<String, String> names;

    private RegionCodes(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The table shipped in this jar ({@code io/idcardstream/identity/region-codes.tsv}). */
    public static RegionCodes bundled() {
        return Bundled.TABLE;
    }

    /** Whether the six digits are a code of any revision; false for anything else, null included. */
    public boolean isKnown(String sixDigits) {
        return sixDigits != null && names.containsKey(sixDigits);
    }

    /** The division's own name as its newest source lists it ({@code 110105} → {@code 朝阳区}), if the code is known. */
    public Optional<String> name(String sixDigits) {
        return sixDigits == null ? Optional.empty() : Optional.ofNullable(names.get(sixDigits));
    }

    /**
     * The names of the divisions a county-level code lies in, largest first: province, prefecture (city), county
     * ({@code 140105} → 山西省, 太原市, 小店区), each when the table knows it. Placeholder entries (市辖区, 县, the
     * "directly administered" groups) are not names and are left out.
     */
    public List<String> divisionNames(String sixDigits) {
        if (sixDigits == null || !sixDigits.matches("\\d{6}")) {
            return List.of();
        }
        List<String> found = new java.util.ArrayList<>();
        for (String code : new String[] {sixDigits.substring(0, 2) + "0000", sixDigits.substring(0, 4) + "00",
                sixDigits}) {
            String name = names.get(code);
            if (name != null && !placeholder(name) && !found.contains(name)) {
                found.add(name);
            }
        }
        return List.copyOf(found);
    }

    /** Every division's name, placeholders left out. */
    public java.util.Set<String> allNames() {
        java.util.Set<String> all = new java.util.HashSet<>(names.values());
        all.removeIf(RegionCodes::placeholder);
        return java.util.Set.copyOf(all);
    }

    /** The names of the prefecture-level cities (codes ending 00, not provinces). */
    public java.util.Map<String, String> prefectures() {
        java.util.Map<String, String> cities = new java.util.HashMap<>();
        names.forEach((code, name) -> {
            if (code.endsWith("00") && !code.endsWith("0000") && !placeholder(name)) {
                cities.put(code, name);
            }
        });
        return java.util.Map.copyOf(cities);
    }

    /** The county-level divisions under a prefecture ({@code 4301} → the names of 4301xx), placeholders left out. */
    public List<String> countiesOf(String fourDigits) {
        return names.entrySet().stream()
                .filter(e -> e.getKey().startsWith(fourDigits) && !e.getKey().endsWith("00")
                        && !placeholder(e.getValue()))
                .map(Map.Entry::getValue).sorted().toList();
    }

    private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("市辖区", "县", "省直辖行政单位");

    /** A table entry that groups divisions rather than naming one (市辖区, …直辖县级行政区划). */
    private static boolean placeholder(String name) {
        return PLACEHOLDERS.contains(name) || name.endsWith("直辖县级行政区划");
    }

    /** How many codes the table holds. */
    public int size() {
        return names.size();
    }

    /**
     * Reads {@code code<TAB>name} lines; blank lines and lines starting with {@code #} are comments.
     *
     * @throws IllegalArgumentException naming the source and line of the first malformed or repeated code
     */
    static RegionCodes fromLines(List<String> lines, String source) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(source + " line " + (i + 1)
                        + ": expected six digits, a tab and a name");
            }
            if (names.putIfAbsent(m.group(1), m.group(2).strip()) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": code " + m.group(1)
                        + " appears twice");
            }
        }
        return new RegionCodes(names);
    }

    /** Class-holder idiom: the JVM loads the table once, lazily and thread-safely. */
    private static final class Bundled {
        static final RegionCodes TABLE = load();

        private static RegionCodes load() {
            try (InputStream in = RegionCodes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource io/idcardstream/identity/" + RESOURCE
                            + " is missing from the classpath");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return fromLines(reader.lines().toList(), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + RESOURCE, e);
            }
        }
    }
}
