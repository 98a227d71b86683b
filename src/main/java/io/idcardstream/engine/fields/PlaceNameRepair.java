package io.idcardstream.engine.fields;

import io.idcardstream.engine.text.Glyph;
import io.idcardstream.identity.RegionCodes;
import io.idcardstream.identity.ResidentIdNumber;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Place names on the card are names of real divisions (GB/T 2260, {@link RegionCodes}), so a place name read with a
 * character lost or misread can be put right when exactly one real name explains the reading, and the change is
 * reported:
 * <ul>
 *   <li>the address starts with the divisions of the ID number's region code (山西省太原市小店区 for 140105), as a
 *       household's address mostly does: a start that reads as those names with a character or two lost
 *       (山西省太原店区) or misread where the reader was unsure — up to a third of a long start's characters
 *       ({@link #addressEdits}) — is replaced by them ({@value #ADDRESS});
 *   <li>the issuing authority is a place's 公安局, optionally with a district's 分局: each place in it must be a real
 *       name, a city's name followed by one of its counties', or a district's name with or without 区/县/市; a
 *       place that is not, but is one real name with a character or two lost or unsurely misread, is replaced by
 *       it, and a bureau word with one or two characters lost (安局, 安) or one misread (公要局) is made whole when
 *       the places around it are real ({@value #AUTHORITY}).
 * </ul>
 * Only characters the reader lost, or read with doubt (below {@link FieldRectifier#UNCERTAIN}, or with the name's
 * character among its alternatives), may change; a surely read character that differs rules a name out, so a
 * household registered elsewhere keeps its address. When two names fit equally well, nothing changes.
 *
 * <p>Thread-safe; holds the region table.
 */
public final class PlaceNameRepair {
    static final String ADDRESS = "ADDRESS_PREFIX_FROM_ID_REGION", AUTHORITY = "AUTHORITY_FROM_PLACE_NAMES";
    /** At most this many characters lost or misread in one place name. */
    static final int MAX_EDITS = 2;
    /** Suffixes a district's name drops in a 分局's name (东城区 → 东城分局). */
    private static final String DISTRICT_SUFFIXES = "区县市旗";

    private final RegionCodes regions;
    private final Set<String> names;
    private final Map<String, String> prefectures;

    public PlaceNameRepair(RegionCodes regions) {
        this.regions = regions;
        this.names = regions.allNames();
        this.prefectures = regions.prefectures();
    }

    public ExtractedCard apply(ExtractedCard card) {
        if (card.side() == CardSide.FRONT) {
            return repairAddress(card);
        }
        return card.side() == CardSide.BACK ? repairAuthority(card) : card;
    }

    /** One character of a value with the reader's evidence for it (certain when the engine added it). */
    record Evidence(String symbol, float confidence, Glyph glyph) {

        boolean couldBe(String other) {
            return symbol.equals(other) || confidence < FieldRectifier.UNCERTAIN
                    || (glyph != null && glyph.probabilityOf(other) > 0);
        }
    }

    private ExtractedCard repairAddress(ExtractedCard card) {
        String value = card.fields().address();
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(card.fields().idNum())
                .filter(ResidentIdNumber::checkDigitValid);
        if (value.isEmpty() || id.isEmpty()) {
            return card;
        }
        List<String> divisions = regions.divisionNames(card.fields().idNum().substring(0, 6));
        List<String> starts = new ArrayList<>();
        starts.add(String.join("", divisions));
        if (divisions.size() == 3) {
            starts.add(divisions.get(1) + divisions.get(2));
            starts.add(divisions.get(0) + divisions.get(2));
        }
        List<Evidence> read = evidence(value, card.reading(FieldName.ADDRESS));
        for (String start : starts) {
            if (value.startsWith(start)) {
                return card;
            }
        }
        String best = null;
        int bestCost = Integer.MAX_VALUE, bestLength = 0;
        boolean tie = false;
        for (String start : starts) {
            int limit = addressEdits(start);
            for (int length = 1; length <= read.size(); length++) {
                if (!read.get(length - 1).symbol().equals(last(start))) {
                    continue;
                }
                int cost = Alignment.fit(read.subList(0, length), start, limit).cost();
                if (cost > limit) {
                    continue;
                }
                if (cost < bestCost) {
                    best = start;
                    bestCost = cost;
                    bestLength = length;
                    tie = false;
                } else if (cost == bestCost && !(start.equals(best) && length == bestLength)) {
                    tie |= !start.equals(best);
                }
            }
        }
        if (best == null || tie || bestCost == 0) {
            return card;
        }
        String repaired = best + text(read.subList(bestLength, read.size()));
        return changed(card, FieldName.ADDRESS, value, repaired, ADDRESS);
    }

    /**
     * How many characters of the address's expected start may be lost or unsurely read: two, or a third of it for a
     * long one (山西省太原市小店区: three). The ID number's region is strong evidence; a stamp over the start takes a
     * district name's characters two at a time.
     */
    static int addressEdits(String start) {
        return Math.max(MAX_EDITS, start.codePointCount(0, start.length()) / 3);
    }

    private ExtractedCard repairAuthority(ExtractedCard card) {
        String value = card.fields().authority();
        String whole = withWholeBureauWord(value);
        int bureau = whole.indexOf("公安局");
        if (bureau <= 0) {
            return card;
        }
        List<Evidence> read = evidence(whole, card.reading(FieldName.AUTHORITY));
        String rest = whole.substring(bureau + 3);
        if (!rest.isEmpty() && (!rest.endsWith("分局") || rest.length() == 2)) {
            return card;
        }
        List<Evidence> place = read.subList(0, bureau);
        Optional<String> city = placeOrPair(place);
        Optional<String> district = rest.isEmpty() ? Optional.of("")
                : district(read.subList(bureau + 3, read.size() - 2));
        if (city.isEmpty() || district.isEmpty()) {
            return card;
        }
        String repaired = city.get() + "公安局" + (rest.isEmpty() ? "" : district.get() + "分局");
        return repaired.equals(value) ? card : changed(card, FieldName.AUTHORITY, value, repaired, AUTHORITY);
    }

    private static final String BUREAU = "公安局";
    /** What a stamp may leave of the bureau word: any one or two of its characters, in order. */
    private static final List<String> BUREAU_REMNANTS = List.of("公安", "安局", "公局", "公", "安", "局");

    /**
     * The value with 公安局 whole when a stamp took one or two of its characters (郑州市安局金水分局,
     * 深圳市安南山分局) or one was misread (深圳市公要局福田分局): every authority has the bureau word. Taken only
     * when exactly one such repair leaves a real place before it, read exactly, and nothing or a real district's
     * 分局 after it.
     */
    String withWholeBureauWord(String value) {
        if (value.contains(BUREAU)) {
            return value;
        }
        Set<String> whole = new LinkedHashSet<>();
        for (String remnant : BUREAU_REMNANTS) {
            for (int at = value.indexOf(remnant); at > 0; at = value.indexOf(remnant, at + 1)) {
                offerBureauAt(value, at, remnant.length(), whole);
            }
        }
        for (int at = 1; at + BUREAU.length() <= value.length(); at++) {
            int same = 0;
            for (int i = 0; i < BUREAU.length(); i++) {
                same += value.charAt(at + i) == BUREAU.charAt(i) ? 1 : 0;
            }
            if (same == BUREAU.length() - 1) {
                offerBureauAt(value, at, BUREAU.length(), whole);
            }
        }
        return whole.size() == 1 ? whole.iterator().next() : value;
    }

    /** The value with {@code length} characters at {@code at} read as 公安局, when the places around it are real. */
    private void offerBureauAt(String value, int at, int length, Set<String> whole) {
        String place = value.substring(0, at);
        String rest = value.substring(at + length);
        boolean realPlace = names.contains(place) || splitsIntoTwoNames(place);
        boolean realRest = rest.isEmpty() || (rest.endsWith("分局") && rest.length() > 2
                && isDistrictAsRead(rest.substring(0, rest.length() - 2)));
        if (realPlace && realRest) {
            whole.add(place + BUREAU + rest);
        }
    }

    /** The place before 公安局: as read when it is a name or a city and one of its counties, else its one repair. */
    private Optional<String> placeOrPair(List<Evidence> read) {
        String text = text(read);
        if (names.contains(text) || splitsIntoTwoNames(text)) {
            return Optional.of(text);
        }
        Candidates candidates = new Candidates();
        for (String name : names) {
            candidates.offer(name, Alignment.fit(read, name));
        }
        for (Map.Entry<String, String> city : prefectures.entrySet()) {
            String cityName = city.getValue();
            for (int split = 1; split < read.size(); split++) {
                Fit cityFit = Alignment.fit(read.subList(0, split), cityName);
                if (cityFit.cost() > MAX_EDITS) {
                    continue;
                }
                for (String county : regions.countiesOf(city.getKey().substring(0, 4))) {
                    Fit countyFit = Alignment.fit(read.subList(split, read.size()), county);
                    candidates.offer(cityName + county, new Fit(cityFit.cost() + countyFit.cost(),
                            cityFit.support() + countyFit.support()));
                }
            }
        }
        return candidates.unique();
    }

    private boolean isDistrictAsRead(String text) {
        return names.contains(text) || DISTRICT_SUFFIXES.chars().anyMatch(c -> names.contains(text + (char) c));
    }

    /** The district before 分局: as read when it is a name with or without its suffix, else its one repair. */
    private Optional<String> district(List<Evidence> read) {
        String text = text(read);
        if (isDistrictAsRead(text)) {
            return Optional.of(text);
        }
        Candidates candidates = new Candidates();
        for (String name : names) {
            List<String> forms = new ArrayList<>(List.of(name));
            if (name.length() > 2 && DISTRICT_SUFFIXES.indexOf(last(name).charAt(0)) >= 0) {
                forms.add(name.substring(0, name.length() - 1));
            }
            for (String form : forms) {
                // A two-character district with one character lost fits too many names to choose from.
                candidates.offer(form, form.length() - read.size() >= form.length() / 2 ? Fit.NONE
                        : Alignment.fit(read, form));
            }
        }
        return candidates.unique();
    }

    private boolean splitsIntoTwoNames(String text) {
        for (int k = 2; k + 2 <= text.length(); k++) {
            if (names.contains(text.substring(0, k)) && names.contains(text.substring(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cheapest candidate within {@link #MAX_EDITS}; among equally cheap ones, the one the recogniser's
     * alternatives support clearly best ({@link MostSupported}), else none.
     */
    private static final class Candidates {
        private final List<String> cheapest = new ArrayList<>();
        private final List<Float> support = new ArrayList<>();
        private int bestCost = MAX_EDITS + 1;

        void offer(String candidate, Fit fit) {
            if (fit.cost() > MAX_EDITS || fit.cost() > bestCost || cheapest.contains(candidate)) {
                return;
            }
            if (fit.cost() < bestCost) {
                cheapest.clear();
                support.clear();
                bestCost = fit.cost();
            }
            cheapest.add(candidate);
            support.add((float) fit.support());
        }

        Optional<String> unique() {
            return cheapest.isEmpty() ? Optional.empty() : MostSupported.pick(cheapest, support, false);
        }
    }

    /**
     * How well {@code read} fits {@code expected}: the edit cost (a character of {@code expected} lost costs 1, one
     * read as another costs 1 where the reader could have been wrong ({@link Evidence#couldBe}) and is impossible
     * otherwise, and so is a character read that {@code expected} does not have), and, for equal costs, the support:
     * the recogniser's probabilities of the expected characters where it read others.
     */
    record Fit(int cost, double support) {
        static final Fit NONE = new Fit(MAX_EDITS + 1, 0);
    }

    static final class Alignment {
        private Alignment() {}

        static int cost(List<Evidence> read, String expected) {
            return fit(read, expected).cost();
        }

        static Fit fit(List<Evidence> read, String expected) {
            return fit(read, expected, MAX_EDITS);
        }

        /** The fit, or {@link Fit#NONE} beyond {@code maxEdits} edits. */
        static Fit fit(List<Evidence> read, String expected, int maxEdits) {
            int[] e = expected.codePoints().toArray();
            int n = read.size(), m = e.length;
            Fit none = new Fit(maxEdits + 1, 0);
            if (n > m || m - n > maxEdits) {
                return none;
            }
            Fit[][] dp = new Fit[n + 1][m + 1];
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= m; j++) {
                    if (i == 0) {
                        dp[i][j] = new Fit(Math.min(j, maxEdits + 1), 0);
                        continue;
                    }
                    Fit best = none;
                    if (j > 0) {
                        String want = Character.toString(e[j - 1]);
                        Evidence got = read.get(i - 1);
                        Fit diagonal = dp[i - 1][j - 1];
                        if (got.symbol().equals(want)) {
                            best = better(best, diagonal);
                        } else if (got.couldBe(want)) {
                            float p = got.glyph() == null ? 0 : got.glyph().probabilityOf(want);
                            best = better(best, new Fit(diagonal.cost() + 1, diagonal.support() + p));
                        }
                        Fit lost = dp[i][j - 1];
                        best = better(best, new Fit(lost.cost() + 1, lost.support()));
                    }
                    dp[i][j] = best.cost() > maxEdits ? none : best;
                }
            }
            return dp[n][m];
        }

        private static Fit better(Fit a, Fit b) {
            return b.cost() < a.cost() || (b.cost() == a.cost() && b.support() > a.support()) ? b : a;
        }
    }

    /** Each character of {@code value} with the glyph it was read from, matched in order (none for added ones). */
    static List<Evidence> evidence(String value, Optional<FieldReading> reading) {
        List<Glyph> glyphs = reading.map(FieldReading::glyphs).orElse(List.of());
        List<Evidence> evidence = new ArrayList<>();
        int g = 0;
        for (int c : value.codePoints().toArray()) {
            String symbol = Character.toString(c);
            int at = g;
            while (at < glyphs.size() && !glyphs.get(at).symbol().equals(symbol)) {
                at++;
            }
            if (at < glyphs.size()) {
                evidence.add(new Evidence(symbol, glyphs.get(at).confidence(), glyphs.get(at)));
                g = at + 1;
            } else {
                evidence.add(new Evidence(symbol, 1f, null));
            }
        }
        return evidence;
    }

    private static String text(List<Evidence> evidence) {
        StringBuilder s = new StringBuilder();
        evidence.forEach(e -> s.append(e.symbol()));
        return s.toString();
    }

    private static String last(String text) {
        return new String(Character.toChars(text.codePointBefore(text.length())));
    }

    private static ExtractedCard changed(ExtractedCard card, FieldName field, String read, String repaired,
            String reason) {
        List<FieldCorrection> cleanups = new ArrayList<>(card.cleanups());
        cleanups.add(new FieldCorrection(field, read, repaired, reason));
        return card.withFields(card.fields().with(field, repaired), cleanups);
    }
}
