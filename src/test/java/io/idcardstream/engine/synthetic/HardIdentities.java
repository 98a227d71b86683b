package io.idcardstream.engine.synthetic;

import io.idcardstream.identity.PrintedSex;
import io.idcardstream.identity.ResidentIdNumber;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Identities the hard set needs more of than chance gives: ID numbers ending in X, addresses that wrap to three card
 * lines, digit-heavy addresses, and every one of the 56 nations. Each starts from an identity the
 * {@link IdentityGenerator} drew and changes only what it is about, so region, birth and sex still agree with the
 * number.
 */
final class HardIdentities {

    static final List<String> STREETS = List.of("城关街道", "新华街道", "东风街道", "滨江街道", "南湖街道", "西城街道");
    static final List<String> COMMUNITIES = List.of("幸福社区", "和平社区", "建设社区", "光明社区", "阳光社区", "花园社区");

    /**
     * The nations in the order the all_nations variant prints them: longest names first (乌孜别克, 柯尔克孜 …, then
     * 达斡尔 …), 仫佬 leading. 仫 is missing from the recogniser's dictionary (models/ppocr_keys_v1.txt), so no reading
     * can spell it: it is in the hard set anyway, because the engine is expected to complete a nation from the closed
     * list of 56.
     */
    static final List<String> NATION_CYCLE = Stream.concat(Stream.of("仫佬"), EthnicGroups.ALL.stream()
            .filter(nation -> !nation.equals("仫佬"))
            .sorted(Comparator.comparingInt(String::length).reversed())).toList();

    private HardIdentities() {
    }

    static SyntheticIdentity withNation(SyntheticIdentity id, String nation) {
        return new SyntheticIdentity(id.name(), id.sex(), nation, id.birth(), id.address(), id.idNumber(),
                id.authority(), id.validity());
    }

    /**
     * The same person with the sequence digits chosen so that the GB 11643 check digit is X (sum of the weighted
     * digits = 2 mod 11); region, birth date and the sex digit's parity are kept.
     */
    static SyntheticIdentity withIdEndingInX(SyntheticIdentity id, RandomGenerator random) {
        String first14 = id.idNumber().substring(0, 14);
        int start = random.nextInt(500);
        for (int k = 0; k < 500; k++) {
            int candidate = (start + k) % 500;
            int sexDigit = 2 * (candidate % 5) + (id.sex() == PrintedSex.MALE ? 1 : 0);
            String first17 = first14 + String.format("%02d", candidate / 5) + sexDigit;
            if (ResidentIdNumber.checkDigit(first17) == 'X') {
                return new SyntheticIdentity(id.name(), id.sex(), id.nation(), id.birth(), id.address(),
                        first17 + 'X', id.authority(), id.validity());
            }
        }
        throw new IllegalStateException("no sequence digits give check digit X: impossible for weights 8, 4, 2");
    }

    /**
     * The same person at a street address long enough to wrap to exactly three card lines: region, 街道, 社区, road,
     * number, building, unit and room, dropping the 社区 and then the 街道 where that would need a fourth line.
     */
    static SyntheticIdentity withThreeLineAddress(SyntheticIdentity id, CardFonts fonts, RandomGenerator random) {
        String prefix = region(id).addressPrefix();
        String number = pick(Addresses.ROADS, random) + (1 + random.nextInt(199)) + "号" + (1 + random.nextInt(30))
                + "栋" + (1 + random.nextInt(6)) + "单元" + (1 + random.nextInt(26)) + "0" + (1 + random.nextInt(4)) + "室";
        String street = pick(STREETS, random);
        String community = pick(COMMUNITIES, random);
        FontMetrics metrics = valueMetrics(fonts);
        for (String address : List.of(prefix + street + community + number, prefix + street + number,
                prefix + number)) {
            if (safelyThreeLines(address, metrics)) {
                return withAddress(id, address);
            }
        }
        throw new IllegalStateException("no three-line address for a prefix of " + prefix.length() + " characters");
    }

    /**
     * The same person at an address with many digits (house, building, unit and room numbers), within three lines: a
     * check that a low-resolution reading gives each digit once.
     */
    static SyntheticIdentity withDigitHeavyAddress(SyntheticIdentity id, CardFonts fonts, RandomGenerator random) {
        String prefix = region(id).addressPrefix() + pick(Addresses.ROADS, random) + (10 + random.nextInt(390)) + "号";
        String building = (1 + random.nextInt(30)) + "栋";
        String unit = (1 + random.nextInt(6)) + "单元";
        String room = (1 + random.nextInt(33)) + "0" + (1 + random.nextInt(4)) + "室";
        FontMetrics metrics = valueMetrics(fonts);
        for (String address : List.of(prefix + building + unit + room, prefix + building + room, prefix + room)) {
            if (lines(address + "国", metrics) <= 3) {
                return withAddress(id, address);
            }
        }
        throw new IllegalStateException("no digit-heavy address fits three lines after a prefix of "
                + prefix.length() + " characters");
    }

    private static SyntheticIdentity withAddress(SyntheticIdentity id, String address) {
        return new SyntheticIdentity(id.name(), id.sex(), id.nation(), id.birth(), address, id.idNumber(),
                id.authority(), id.validity());
    }

    /**
     * Three lines with a character to spare either way, so the renderer (which measures in scaled card space, a pixel
     * or two apart) wraps it to three lines too.
     */
    static boolean safelyThreeLines(String address, FontMetrics metrics) {
        return lines(address.substring(0, address.length() - 1), metrics) == 3 && lines(address + "国国", metrics) == 3;
    }

    /** Card lines the address needs; 4 stands for "more than the card's three". */
    static int lines(String address, FontMetrics metrics) {
        try {
            return CardRenderer.wrap(address, metrics).size();
        } catch (IllegalArgumentException overThree) {
            return 4;
        }
    }

    /** Metrics of the card's value font at card scale, with the renderer's hints. */
    static FontMetrics valueMetrics(CardFonts fonts) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        Font value = fonts.cjk().deriveFont(CardLayout.VALUE_SIZE);
        FontMetrics metrics = g.getFontMetrics(value);
        g.dispose();
        return metrics;
    }

    private static Region region(SyntheticIdentity id) {
        String code = id.idNumber().substring(0, 6);
        return Regions.ALL.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("identity's region code is not in Regions.ALL"));
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }
}
