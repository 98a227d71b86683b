package io.idcardstream.engine.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/** Street addresses after the region prefix: a road and a number, or a town, village and group. */
final class Addresses {

    /** At most this many characters, so the address fits the card's three address lines. */
    static final int MAX_LENGTH = 30;

    static final List<String> ROADS = List.of(
            "人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "胜利路", "朝阳路", "文化路", "青年路", "长江路",
            "黄河路", "光明街", "幸福街", "东风路", "学府路", "工农路", "团结路", "友谊路", "花园路", "滨江路", "公园路",
            "府前街", "北京路", "南京路", "迎宾大道", "世纪大道", "科技园路", "金桥路", "育才街");

    static final List<String> TOWNS = List.of("城关镇", "新华镇", "东升镇", "永兴镇", "长安镇", "石桥镇");

    static final List<String> VILLAGES = List.of("红旗村", "建新村", "向阳村", "光明村", "新民村", "高桥村");

    private Addresses() {
    }

    static String random(Region region, RandomGenerator random) {
        String address = region.addressPrefix() + switch (random.nextInt(4)) {
            case 0 -> pick(ROADS, random) + (1 + random.nextInt(399)) + "号";
            case 1 -> pick(ROADS, random) + (1 + random.nextInt(199)) + "号" + (1 + random.nextInt(12)) + "栋"
                    + (1 + random.nextInt(4)) + "单元" + (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4)) + "室";
            case 2 -> pick(ROADS, random) + (1 + random.nextInt(99)) + "号院" + (1 + random.nextInt(20)) + "号楼"
                    + (1 + random.nextInt(6)) + "门" + (1 + random.nextInt(9)) + "0" + (1 + random.nextInt(4)) + "号";
            default -> pick(TOWNS, random) + pick(VILLAGES, random) + (1 + random.nextInt(12)) + "组"
                    + (1 + random.nextInt(80)) + "号";
        };
        // Long prefixes (autonomous regions) with a long number would need a fourth line: fall back to road + number.
        return address.length() <= MAX_LENGTH
                ? address
                : region.addressPrefix() + pick(ROADS, random) + (1 + random.nextInt(99)) + "号";
    }

    private static String pick(List<String> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }
}
